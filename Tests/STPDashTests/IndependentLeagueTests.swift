import Foundation
import Testing

/// STPDash's league checked against a computation that shares none of its
/// code: `scripts/bench/league_reference.py` (Python's standard library only),
/// whose output on a small generated dataset is committed next to it. The
/// benchmark checks the same against DuckDB on the national-scale data.
@Suite("League against an independent computation")
struct IndependentLeagueTests {
  static var fixture: String {
    Binary.repoRoot.appendingPathComponent("Tests/STPDashTests/Fixtures/synthetic-20x12").path
  }

  @Test func theGeneratorIsDeterministic() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("synth-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let r = try Binary.run(["synth", "--footprints", "20", "--orgs", "12", "--seed", "7", "--out", out])
    #expect(r.status == 0)
    for name in ["footprints.csv", "organisations.csv", "memberships.csv", "finance.csv", "alignment.csv"] {
      let made = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
      let committed = try Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/" + name))
      #expect(made == committed, "\(name) is the same for the same seed")
    }
    let other = out + "-seed8"
    defer { try? FileManager.default.removeItem(atPath: other) }
    try Binary.run(["synth", "--footprints", "20", "--orgs", "12", "--seed", "8", "--out", other])
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: other + "/finance.csv"))
        != Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/finance.csv")))
  }

  @Test func theLeagueMatchesThePlainPythonComputation() throws {
    let r = try Binary.run(["league", "--format", "csv", "--data", Self.fixture])
    #expect(r.status == 0)
    let ours = csvRecords(r.out)
    let expected = csvRecords(try String(contentsOfFile: Self.fixture + "-league-expected.csv", encoding: .utf8))
    let header = try #require(ours.first)
    func col(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
    let (code, name, region, members) = (try col("code"), try col("name"), try col("region"), try col("members"))
    let (dn, plan, aligned) = (
      try col("do_nothing_2020_21_gbp_m"), try col("plan_2020_21_gbp_m"), try col("aligned_pct")
    )
    #expect(ours.count == expected.count)
    #expect(ours.count == 21)
    func close(_ a: String, _ b: String, _ tolerance: Double) -> Bool {
      if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty }
      guard let x = Double(a), let y = Double(b) else { return false }
      return abs(x - y) <= tolerance
    }
    for (o, e) in zip(ours.dropFirst(), expected.dropFirst()) {
      #expect(o[code] == e[0], "same order")
      #expect(o[name] == e[1])
      #expect(o[region] == e[2])
      #expect(o[members] == e[3])
      #expect(close(o[dn], e[4], 0.0005), "\(e[0]) do-nothing \(o[dn]) vs \(e[4])")
      #expect(close(o[plan], e[5], 0.0005), "\(e[0]) plan \(o[plan]) vs \(e[5])")
      #expect(close(o[aligned], e[6], 0.006), "\(e[0]) aligned \(o[aligned]) vs \(e[6])")
    }
  }
}
