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
    // Each footprint's stances counted, its members' savings scaled and its
    // largest holder found on two threads: exactly as on one.
    #expect(parallel.alignment == serial.alignment)
    #expect(parallel.membershipSavings.storage.map(\.bitPattern) == serial.membershipSavings.storage.map(\.bitPattern))
    #expect(parallel.savingsAllocated == serial.savingsAllocated)
    #expect(parallel.allocationScale == serial.allocationScale)
    #expect(parallel.largestMember == serial.largestMember)
    #expect(parallel.savingsAllocated.contains(true), "some footprints' savings are allocated by their own totals")
    #expect(parallel.largestMember.contains { $0 != nil })
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
      // Made and ranked once by a column: as made, then ranked again.
      for (column, ascending) in [(LeagueColumn.name, true), (.perHead, false), (.doNothing, true)] {
        let once = LeagueTable.rows(
          parallel, delivery: scheme, refusals: Refusals(flags: flags, assumed: [OrganisationID(9)]), rankedBy: column,
          ascending: ascending)
        #expect(once == LeagueTable.rank(two, by: column, ascending: ascending), "ranked by \(column)")
      }
    }
  }

  /// A long table's CSV records are made on two threads, a block at a time:
  /// handed over whole, in order, and exactly what one thread writes.
  @Test func csvRecordsMadeOnTwoThreadsComeWholeAndInOrder() {
    // 2,345 rows of 12 columns: past the threshold, several blocks and a short last one.
    let columns = (0..<12).map { c in
      ColumnDefinition<Int, Void>(
        "c\(c)", "C\(c)", value: { r in c % 3 == 0 ? .text("row \(r), \"\(c)\"") : .integer(r * 12 + c) })
    }
    let rows = Array(0..<2345)
    var pieces: [String] = []
    TableExport.csv(columns, rows: rows, cellContext: ()) { pieces.append($0) }
    var expected = (0..<12).map { "c\($0)" }.joined(separator: ",") + "\r\n"
    for r in rows {
      let fields = (0..<12).map { c in c % 3 == 0 ? "\"row \(r), \"\"\(c)\"\"\"" : String(r * 12 + c) }
      expected += fields.joined(separator: ",") + "\r\n"
    }
    #expect(pieces.joined() == expected)
    #expect(pieces.count > 4, "handed over in pieces, not whole")
    #expect(pieces.allSatisfy { $0.hasSuffix("\r\n") }, "every piece ends a record")
    let one = Parallel.$serial.withValue(true) { TableExport.csv(columns, rows: rows, cellContext: ()) }
    #expect(one == expected)
  }
}
