import DashModel
import Foundation
import TestSupport
import Testing

@testable import STPDash

/// The league's keys re-figure rows in place (a new delivery, new
/// refusals) and sort by names' places made once; each shortcut must give
/// exactly what the general path gives: the same rows, the same order, the
/// same ranks.
@Suite("League re-figured in place equals the league made afresh")
struct LeagueInPlaceTests {
  /// The sample data, the 20-footprint synthetic fixture, and a copy of it
  /// whose names collide once lower-cased (ties broken by name, then code).
  static let analyses: [(String, Analysis)] = {
    let synthetic = Binary.repoRoot.appendingPathComponent("Tests/STPDashTests/Fixtures/synthetic-20x12").path
    var out: [(String, Analysis)] = [("sample", Analysis(AppFixture.dataset))]
    if case .success(let d) = DatasetLoader.load(directory: synthetic) { out.append(("synthetic", Analysis(d))) }
    if let d = try? collidingNames(from: synthetic) { out.append(("colliding names", Analysis(d))) }
    return out
  }()

  static func collidingNames(from directory: String) throws -> Dataset {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: directory), to: dir)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("footprints.csv")
    var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let names = ["Same Name", "same name", "SAME NAME", "Same Name", "Ärger", "ärger", "Zed"]
    for (i, name) in names.enumerated() where i + 1 < lines.count {
      var fields = lines[i + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      // The first footprint's name is quoted with a comma: rewrite it whole.
      if fields[1].hasPrefix("\"") { fields.removeSubrange(2...2) }
      fields[1] = name
      lines[i + 1] = Substring(fields.joined(separator: ","))
    }
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    switch DatasetLoader.load(directory: dir.path) {
    case .success(let d): return d
    case .failure(let f): throw NSError(domain: "fixture", code: 1, userInfo: ["problems": "\(f)"])
    }
  }

  static let schemes: [DeliveryScheme] =
    [.observed] + stride(from: 0, through: 150, by: 30).map { .uniform(Delivery(percent: $0)) }

  /// The first row that differs, by position and code (`nil`: equal).
  static func difference(_ a: [LeagueRow], _ b: [LeagueRow]) -> String? {
    if a.count != b.count { return "\(a.count) rows against \(b.count)" }
    guard let i = a.indices.first(where: { a[$0] != b[$0] }) else { return nil }
    return "row \(i + 1): \(a[i].code) against \(b[i].code)"
  }

  @Test func theFixturesLoad() {
    #expect(Self.analyses.map(\.0) == ["sample", "synthetic", "colliding names"])
  }

  @Test func redeliveringEqualsRowsMadeForTheNewSetting() {
    for (name, a) in Self.analyses {
      for rule in RefusingRule.allCases {
        let inputs = LeagueTable.inputs(a, refusals: Refusals(rule: rule))
        for from in Self.schemes {
          var rows = LeagueTable.rows(a, delivery: from, inputs: inputs)
          for to in Self.schemes {
            LeagueTable.redeliver(&rows, analysis: a, scheme: to, inputs: inputs)
            let fresh = LeagueTable.rows(a, delivery: to, inputs: inputs)
            #expect(Self.difference(rows, fresh) == nil, "\(name), \(rule), \(from) → \(to)")
          }
        }
      }
    }
  }

  @Test func figuresCopiedIntoAnotherOrderEqualRowsMadeAfresh() {
    for (name, a) in Self.analyses {
      let before = LeagueTable.inputs(a, refusals: Refusals(rule: .refused), holdings: Holdings(a))
      var rows = LeagueTable.rows(a, delivery: .uniform(.full), inputs: before)
      var ranked = LeagueTable.rank(rows, by: .name, ascending: false)
      let after = LeagueTable.inputs(a, refusals: Refusals(rule: .conditional), holdings: before.holdings)
      let scheme = DeliveryScheme.uniform(Delivery(percent: 70))
      LeagueTable.redeliver(&ranked, analysis: a, scheme: scheme, inputs: after)
      LeagueTable.copyFigures(from: ranked, into: &rows)
      #expect(Self.difference(rows, LeagueTable.rows(a, delivery: scheme, inputs: after)) == nil, "\(name)")
    }
  }

  /// The dashboard's inputs (holders sorted once, stances as bits) equal
  /// inputs looked up and sorted as they go, and a league made once (each
  /// footprint's inputs made with its row, its holders sorted only when its
  /// counts need the order),
  /// under every rule, with and without bodies assumed refusing.
  @Test func inputsMadeWithTheDataHoldingsEqualInputsMadeAlone() {
    var needingOrder = 0
    for (name, a) in Self.analyses {
      let holdings = Holdings(a)
      let some = Set(a.dataset.organisations.indices.enumerated().filter { $0.offset % 7 == 3 }.map(\.element))
      for rule in RefusingRule.allCases {
        for assumed in [Set<OrganisationID>(), some] {
          let refusals = Refusals(rule: rule, assumed: assumed)
          // At 150 % many plans balance: pivotal members and blockers are counted.
          for delivery in [DeliveryScheme.uniform(.full), .uniform(Delivery(percent: 150)), .observed] {
            let alone = LeagueTable.rows(a, delivery: delivery, inputs: LeagueTable.inputs(a, refusals: refusals))
            let kept = LeagueTable.rows(
              a, delivery: delivery, inputs: LeagueTable.inputs(a, refusals: refusals, holdings: holdings))
            #expect(Self.difference(alone, kept) == nil, "\(name), \(rule), \(assumed.count) assumed, \(delivery)")
            let once = LeagueTable.rows(a, delivery: delivery, refusals: refusals)
            #expect(
              Self.difference(alone, once) == nil, "made once: \(name), \(rule), \(assumed.count) assumed, \(delivery)")
            needingOrder += once.filter { ($0.blockersNeeded ?? 0) > 1 }.count
          }
        }
      }
    }
    // Footprints whose blockers are counted from the holders in order.
    #expect(needingOrder > 0)
  }

  @Test func rankingByNamePlacesEqualsRankingByText() {
    for (name, a) in Self.analyses {
      let rows = LeagueTable.rows(a, delivery: .uniform(Delivery(percent: 80)), refusals: Refusals())
      let places = NameOrder(a.dataset)
      for column in LeagueColumn.allCases {
        for ascending in [true, false] {
          let byText = LeagueTable.rank(rows, by: column, ascending: ascending)
          let byPlace = LeagueTable.rank(rows, by: column, ascending: ascending, names: places)
          #expect(Self.difference(byText, byPlace) == nil, "\(name), \(column), ascending \(ascending)")
        }
      }
    }
  }

  @Test func theCollidingNamesTieAndBreakTiesByCode() throws {
    let (_, a) = try #require(Self.analyses.first { $0.0 == "colliding names" })
    let rows = LeagueTable.rows(a, delivery: .uniform(.full), refusals: Refusals())
    let ranked = LeagueTable.rank(rows, by: .name, ascending: true, names: NameOrder(a.dataset))
    let same = ranked.filter { $0.name.lowercased() == "same name" }
    #expect(same.count == 4)
    #expect(Set(same.map(\.rank)).count == 1, "names equal once lower-cased share a rank")
    #expect(same.map(\.code) == same.map(\.code).sorted(), "and stand in code order")
  }
}
