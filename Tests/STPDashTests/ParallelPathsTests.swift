import DashModel
import Foundation
import Testing

@testable import STPDash

/// At national scale the trajectories and the league's rows are made on two
/// threads; they must be exactly what one thread makes.
@Suite("Two threads and one agree")
struct ParallelPathsTests {
  @Test func trajectoriesAndLeagueRowsAtNationalScale() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-parallel-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // 4,200 footprints of 8 members: past the threshold for both (4,200 × 8 and 4,200 × 12).
    try SyntheticData(footprints: 4200, organisationsPerFootprint: 8, seed: 3).write(to: dir)
    guard case .success(let dataset) = DatasetLoader.load(directory: dir) else {
      Issue.record("the synthetic data loads")
      return
    }
    #expect(dataset.footprints.count * (dataset.memberships.count / dataset.footprints.count) >= Parallel.threshold)
    let parallel = Analysis(dataset)
    let serial = Parallel.$serial.withValue(true) { Analysis(dataset) }
    #expect(Array(parallel.footprintTrajectories) == Array(serial.footprintTrajectories))
    #expect(parallel.england == serial.england)
    var flags = FlagSet()
    flags.insert(org: OrganisationID(5), footprint: dataset.memberships[MembershipID(5)].footprint)
    for scheme in [DeliveryScheme.full, .uniform(Delivery(percent: 70)), .observed] {
      let two = LeagueTable.rows(
        parallel, delivery: scheme, refusals: Refusals(flags: flags, assumed: [OrganisationID(9)]))
      let one = Parallel.$serial.withValue(true) {
        LeagueTable.rows(serial, delivery: scheme, refusals: Refusals(flags: flags, assumed: [OrganisationID(9)]))
      }
      #expect(two.count == 4200)
      #expect(two == one, "league rows at \(scheme.setting)")
    }
  }
}
