import Foundation
import TestSupport
import Testing

@testable import DashModel

/// Figures worked by hand from ``Fixture``:
/// Alpha Vale (E1) = C1 + T1 + 0.25 × K1; Beta Coast (E2) = 0.75 × K1 + C2 + T2.
@Suite("Trajectories, league and alignment")
struct AnalysisTests {
  let target = FinancialYear.target
  let first = FinancialYear(index: 0)

  func analysis(_ overrides: [String: String] = [:]) throws -> Analysis {
    let f = Fixture(overrides)
    defer { f.remove() }
    return Analysis(try f.load())
  }

  @Test func footprintTrajectoryIsTheShareWeightedSumOfMembers() throws {
    let a = try analysis()
    let e1 = a.footprintTrajectories[FootprintID(0)]
    #expect(e1.value(.doNothing, target) == 310)
    #expect(e1.value(.plan, target) == 77.5)
    #expect(e1.point(.doNothing, target).origin == .members)
    #expect(e1.point(.doNothing, target).illustrative)
    #expect(e1.value(.doNothing, first) == 77.5)
    #expect(!e1.point(.doNothing, first).illustrative, "rows without a basis are reported")
    #expect(e1.value(.outturn, target) == nil, "no member has an outturn: not known, not zero")
  }

  @Test func aFootprintsOwnRowWinsOverItsMembers() throws {
    let a = try analysis()
    let e2 = a.footprintTrajectories[FootprintID(1)]
    #expect(e2.value(.outturn, first) == 12.5)
    #expect(e2.point(.outturn, first).origin == .own)
    #expect(e2.value(.doNothing, target) == 170)
    let own = try analysis(["finance.csv": Fixture.finance + "E2,2020/21,do_nothing,999,reported,\n"])
    #expect(own.footprintTrajectories[FootprintID(1)].value(.doNothing, target) == 999)
    #expect(
      own.footprintTrajectories[FootprintID(1)].value(.plan, target) == 32.5, "other points still come from members")
    let empty = try analysis(["finance.csv": Fixture.finance + "E2,2020/21,do_nothing,,reported,\n"])
    #expect(
      empty.footprintTrajectories[FootprintID(1)].value(.doNothing, target) == nil,
      "an own row that is empty means not known")
    #expect(empty.footprintTrajectories[FootprintID(1)].point(.doNothing, target).origin == .own)
  }

  @Test func englandIsTheSumOfFootprints() throws {
    let a = try analysis()
    #expect(a.england.value(.doNothing, target) == 480)
    #expect(a.england.value(.plan, target) == 110)
  }

  @Test func deliveryMovesThePlanTowardsDoNothing() throws {
    let a = try analysis()
    let half = a.footprintTrajectories[FootprintID(0)].delivering(Delivery(percent: 50))
    #expect(half.value(.plan, target) == 193.75, "halfway between 77.5 and 310")
    #expect(a.footprintTrajectories[FootprintID(0)].delivering(Delivery(percent: 0)).value(.plan, target) == 310)
    #expect(a.footprintTrajectories[FootprintID(0)].delivering(Delivery(percent: 150)).value(.plan, target) == -38.75)
    #expect(half.value(.doNothing, target) == 310, "do-nothing does not move")
    #expect(Delivery(percent: 200).percent == 150)
    #expect(Delivery(percent: 100).stepped(by: -11).percent == 0)
  }

  @Test func leagueRowsCarryEveryColumn() throws {
    let a = try analysis()
    let rows = LeagueTable.rows(a, delivery: .full, refusals: Refusals())
    let e1 = try #require(rows.first { $0.code == "E1" })
    #expect(e1.rank == 1)
    #expect(e1.members == 3)
    #expect(e1.doNothing == 310)
    #expect(e1.plan == 77.5)
    #expect(e1.savingsPercent == 75)
    #expect(e1.perHead == 310)
    #expect(e1.alignedShare == 1.0 / 3)
    #expect(e1.alignment.count(.refused) == 1)
    #expect(e1.alignment.count(.unknown) == 1)
    #expect(e1.flagged == 0)
    #expect(e1.atRisk == 150, "T1 refused: its planned savings 200 - 50")
    #expect(e1.rating == .advanced)
    #expect(!e1.illustrativeColumns.contains(.perHead) == false, "per head uses an illustrative gap")
    let e2 = try #require(rows.first { $0.code == "E2" })
    #expect(e2.perHead == 340)
    #expect(e2.atRisk == 0)
  }

  @Test func flagsAndDeliveryChangeSavingsAtRisk() throws {
    let a = try analysis()
    let d = a.dataset
    var flags = FlagSet()
    flags.insert(org: try #require(d.organisationID(code: "C1")), footprint: FootprintID(0))
    flags.insert(org: try #require(d.organisationID(code: "K1")), footprint: FootprintID(1))
    let rows = LeagueTable.rows(a, delivery: .full, refusals: Refusals(flags: flags))
    #expect(rows.first { $0.code == "E1" }?.atRisk == 230)
    #expect(rows.first { $0.code == "E1" }?.flagged == 1)
    #expect(rows.first { $0.code == "E2" }?.atRisk == 7.5, "only K1's 0.75 share counts in E2")
    let half = LeagueTable.rows(a, delivery: .uniform(Delivery(percent: 50)), refusals: Refusals(flags: flags))
    #expect(half.first { $0.code == "E1" }?.atRisk == 115)
    let england = LeagueTable.total(rows, analysis: a)
    #expect(england.atRisk == 237.5)
    #expect(england.flagged == 2)
    #expect(england.perHead == 320, "480m over 1.5m people")
  }

  @Test func sortingByEachColumnAndRanks() throws {
    let a = try analysis()
    let rows = LeagueTable.rows(a, delivery: .full, refusals: Refusals())
    #expect(LeagueTable.rank(rows, by: .perHead, ascending: false).map(\.code) == ["E2", "E1"])
    #expect(LeagueTable.rank(rows, by: .perHead, ascending: true).map(\.code) == ["E1", "E2"])
    #expect(LeagueTable.rank(rows, by: .name, ascending: true).map(\.code) == ["E1", "E2"])
    #expect(LeagueTable.rank(rows, by: .name, ascending: false).map(\.rank) == [1, 2])
    // Rating: E2 has none, so it goes last in both directions.
    #expect(LeagueTable.rank(rows, by: .rating, ascending: true).map(\.code) == ["E1", "E2"])
    #expect(LeagueTable.rank(rows, by: .rating, ascending: false).map(\.code) == ["E1", "E2"])
    // Equal alignment shares tie: same rank, order by name.
    let tied = LeagueTable.rank(rows, by: .aligned, ascending: false)
    #expect(tied.map(\.rank) == [1, 1])
    for c in LeagueColumn.allCases {
      #expect(LeagueTable.rank(rows, by: c, ascending: false).count == 2)
    }
  }

  @Test func regionFilterKeepsNationalRanks() throws {
    let a = try analysis()
    let rows = LeagueTable.rank(
      LeagueTable.rows(a, delivery: .full, refusals: Refusals()), by: .doNothing, ascending: false)
    let london = LeagueTable.filter(rows, region: .london)
    #expect(london.map(\.code) == ["E2"])
    #expect(london.first?.rank == 2)
  }

  @Test func sampleDataCarriesTheResearchedGapsWithTheirSourcesAndCaveats() throws {
    let a = Analysis(try DatasetLoader.load(directory: SampleData.path).get())
    let rows = LeagueTable.rows(a, delivery: .full, refusals: Refusals())
    // The research file, read here on its own.
    let text = try String(
      contentsOfFile: SampleData.path + "/reference/stp_do_nothing_gap_2020_21_sourced.csv", encoding: .utf8)
    let reference = csvParse(text)
    let header = try #require(reference.first)
    func col(_ n: String) throws -> Int { try #require(header.firstIndex(of: n)) }
    let (code, gap, status, caveat) = (
      try col("stp17cd"), try col("do_nothing_gap_2020_21_gbp_m"), try col("status"), try col("caveat")
    )
    var reported = 0
    for r in reference.dropFirst() {
      let row = try #require(rows.first { $0.code == r[code] })
      if ["ok", "unclear", "draft", "conflicting", "suspect"].contains(r[status]) {
        reported += 1
        #expect(row.doNothing == Double(r[gap]), "\(r[code]): the research file's figure")
        #expect(row.doNothingBasis == .reported && !row.illustrativeColumns.contains(.doNothing))
        #expect(row.doNothingSource?.isEmpty == false, "\(r[code]) has its source")
        if !r[caveat].isEmpty || r[status] != "ok" {
          #expect(row.doNothingNote?.contains(r[caveat]) == true, "\(r[code]): the caveat goes with it")
          #expect(row.standing(.doNothing) == .caveat)
        }
      } else if r[code] == "E54000047" {
        // Found by the second research round (a campaign's summary), with the
        // Success Regime's conflicting figure as its caveat.
        #expect(row.doNothing == 168 && row.doNothingBasis == .reported, "\(r[code])")
        #expect(row.doNothingNote?.contains("£163m") == true && row.standing(.doNothing) == .caveat)
        reported += 1
      } else {
        #expect(row.doNothingBasis == .illustrative && row.illustrativeColumns.contains(.doNothing), "\(r[code])")
        #expect(row.doNothingNote?.hasPrefix(r[status]) == true, "\(r[code]): the reason is recorded")
      }
    }
    #expect(reported == 42)
    // England is what the footprints add up to, not forced to £22bn.
    let sum = rows.compactMap(\.doNothing).reduce(0, +)
    #expect(abs((a.england.value(.doNothing, target) ?? 0) - sum) < 0.01)
  }

  /// One trajectory is kept per footprint: its points are one array of
  /// 16-byte points, read back by scenario and year whichever way made.
  @Test func aTrajectoryIsOneArrayOfSmallPointsReadByScenarioAndYear() throws {
    #expect(MemoryLayout<TrajectoryPoint>.stride == 16)
    let a = try analysis()
    let t = a.trajectory(footprint: FootprintID(0), delivery: .full)
    let nested = t.points
    #expect(nested.count == Scenario.allCases.count && nested.allSatisfy { $0.count == FinancialYear.count })
    for s in Scenario.allCases {
      #expect(Array(t.line(s)) == nested[s.rawValue])
      for y in FinancialYear.all { #expect(t.point(s, y) == nested[s.rawValue][y.index]) }
    }
    #expect(Trajectory(points: nested) == t)
    // A short or ragged shape reads as "not known" where a point is missing.
    let short = Trajectory(points: [[TrajectoryPoint(value: 1, origin: .own, illustrative: true)]])
    #expect(short.value(.doNothing, first) == 1)
    #expect(short.point(.doNothing, target) == .unknown && short.point(.outturn, first) == .unknown)
    var p = TrajectoryPoint(value: 2, origin: .members, illustrative: false, missingParts: 3)
    #expect(p.missingParts == 3)
    p.missingParts = Int.max
    #expect(p.missingParts == Int(Int32.max))
  }
}

@Suite("Number formats")
struct NumberFormatTests {
  @Test func roundedFiguresReadAsThePrintedRoundedDouble() {
    var rng = SeededGenerator(seed: 1_021)
    var values: [Double] = [0, -0.0, 0.0004, -0.0004, 0.0005, 1070.0449, 1e14, -123456.7891, 2.5, 0.1, 1e-9]
    for _ in 0..<20_000 {
      let magnitude = Double.random(in: -7...14, using: &rng)
      values.append((Bool.random(using: &rng) ? 1 : -1) * Double.random(in: 1...10, using: &rng) * pow(10, magnitude))
    }
    for v in values {
      for places in [1, 2, 3, 4] {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let expected = NumberFormat.plain((v * scale).rounded() / scale)
        #expect(NumberFormat.rounded(v, places: places) == expected, "\(v) to \(places) places")
      }
    }
  }
}
