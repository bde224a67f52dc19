import Foundation
import TestSupport
import Testing

/// The blocking measures on a fixture small enough to know every answer by
/// brute force: each coalition of cooperating members enumerated (2ⁿ), no
/// code shared with the tool. The fixture's footprints are built for the
/// cases that matter:
///
/// - Alpha: balances with a margin of 20; A1 (70) and A2 (25) are pivotal,
///   the shared council K (10) and A3 (15) are not.
/// - Beta: balances as filed (margin 10) but B3 (20) refused: 10 short.
/// - Gamma: short by 110 even as filed.
/// - Delta: margin 40, no single body can block (the largest hold 30);
///   D4 (25) dissents, so `--refusing dissenting` leaves a margin of 15
///   and four pivotal bodies; D6's plan costs 5 more than doing nothing.
@Suite("Blocking measures against brute force on a built fixture")
struct BlockingBruteForceTests {
  /// One membership: organisation, footprint, share, its own do-nothing and
  /// plan for 2020/21 (the organisation's whole figures), and its stance.
  struct Member {
    var org: String
    var kind: String
    var footprint: String
    var share: Double
    var doNothing: Double
    var plan: Double
    var stance: String?
    /// The savings it holds at 100 %.
    var savings: Double { share * (doNothing - plan) }
  }

  static let footprints = [
    ("E1", "Alpha", "North"), ("E2", "Beta", "London"), ("E3", "Gamma", "South"), ("E4", "Delta", "North"),
  ]

  static let members: [Member] = [
    Member(org: "A1", kind: "ccg", footprint: "E1", share: 1, doNothing: 40, plan: -30, stance: "aligned"),
    Member(org: "A2", kind: "acute-trust", footprint: "E1", share: 1, doNothing: 30, plan: 5, stance: "conditional"),
    Member(org: "A3", kind: "ccg", footprint: "E1", share: 1, doNothing: 10, plan: -5, stance: nil),
    Member(org: "K", kind: "council", footprint: "E1", share: 0.5, doNothing: 40, plan: 20, stance: "aligned"),
    Member(org: "B1", kind: "ccg", footprint: "E2", share: 1, doNothing: 50, plan: -10, stance: "aligned"),
    Member(org: "B2", kind: "acute-trust", footprint: "E2", share: 1, doNothing: 30, plan: 0, stance: "aligned"),
    Member(org: "B3", kind: "council", footprint: "E2", share: 1, doNothing: 20, plan: 0, stance: "refused"),
    Member(org: "C1", kind: "ccg", footprint: "E3", share: 1, doNothing: 120, plan: 70, stance: "aligned"),
    Member(org: "C2", kind: "acute-trust", footprint: "E3", share: 1, doNothing: 80, plan: 40, stance: "dissenting"),
    Member(org: "D1", kind: "ccg", footprint: "E4", share: 1, doNothing: 10, plan: -20, stance: "aligned"),
    Member(org: "D2", kind: "ccg", footprint: "E4", share: 1, doNothing: 20, plan: -10, stance: "aligned"),
    Member(org: "D3", kind: "acute-trust", footprint: "E4", share: 1, doNothing: 20, plan: -10, stance: "aligned"),
    Member(org: "D4", kind: "council", footprint: "E4", share: 1, doNothing: 15, plan: -10, stance: "dissenting"),
    Member(org: "D5", kind: "ccg", footprint: "E4", share: 1, doNothing: 10, plan: -10, stance: "conditional"),
    Member(org: "D6", kind: "acute-trust", footprint: "E4", share: 1, doNothing: 5, plan: 10, stance: "aligned"),
    Member(org: "K", kind: "council", footprint: "E4", share: 0.5, doNothing: 40, plan: 20, stance: "aligned"),
  ]

  /// The fixture's files, written from the tables above.
  static func write(to dir: String) throws {
    func file(_ name: String, _ lines: [String]) throws {
      try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }
    try file(
      "footprints.csv",
      ["code,name,region,leader,population,population_basis,rating"]
        + footprints.map { "\($0.0),\($0.1),\($0.2),,100000,reported," })
    var orgs: [String] = []
    var finance = ["entity,year,scenario,gbp_m,basis,source"]
    for m in members where !orgs.contains(m.org) {
      orgs.append(m.org)
      finance.append("\(m.org),2020/21,do_nothing,\(m.doNothing),reported,")
      finance.append("\(m.org),2020/21,plan,\(m.plan),reported,")
    }
    try file(
      "organisations.csv",
      ["code,name,kind"] + orgs.map { o in "\(o),Body \(o),\(members.first { $0.org == o }?.kind ?? "ccg")" })
    try file("memberships.csv", ["org,footprint,share"] + members.map { "\($0.org),\($0.footprint),\($0.share)" })
    try file("finance.csv", finance)
    try file(
      "alignment.csv",
      ["org,footprint,stance,as_of,note,source"]
        + members.compactMap { m in m.stance.map { "\(m.org),\(m.footprint),\($0),,," } })
  }

  /// Which stances refuse under each `--refusing` setting.
  static let refusingStances = [
    "refused": ["refused"], "dissenting": ["refused", "dissenting"],
    "conditional": ["refused", "dissenting", "conditional"],
  ]

  /// The answers for one footprint, by enumeration.
  struct Truth {
    var marginAsFiled: Double
    var marginWithRefusals: Double
    var pivotal: Set<String>
    var blockersNeeded: Int?
    /// Coleman and Banzhaf by organisation (cooperating members, when a coalition balances).
    var coleman: [String: Double] = [:]
    var banzhaf: [String: Double] = [:]
  }

  static func truth(_ f: String, delivery: Double, rule: String, assumed: Set<String>) -> Truth {
    let ms = members.filter { $0.footprint == f }
    let gap = ms.reduce(0) { $0 + $1.share * $1.doNothing }
    let refusing = ms.filter { m in
      assumed.contains(m.org) || (m.stance.map { refusingStances[rule]?.contains($0) ?? false } ?? false)
    }
    let cooperating = ms.filter { m in !refusing.contains { $0.org == m.org } }
    let s = cooperating.map { $0.savings * delivery }
    let asFiled = ms.reduce(0) { $0 + $1.savings * delivery } - gap
    let withRefusals = s.reduce(0, +) - gap
    var t = Truth(marginAsFiled: asFiled, marginWithRefusals: withRefusals, pivotal: [], blockersNeeded: nil)
    let n = cooperating.count
    func holds(_ mask: Int) -> Double { (0..<n).reduce(0) { mask & (1 << $1) != 0 ? $0 + s[$1] : $0 } }
    // Pivotal: in a plan balancing with its refusals, one whose refusal alone sinks it.
    if withRefusals >= 0 {
      let all = (1 << n) - 1
      for i in 0..<n where holds(all & ~(1 << i)) < gap { t.pivotal.insert(cooperating[i].org) }
    }
    // Blockers: the smallest set of cooperating members whose refusal sinks it.
    if withRefusals < 0 {
      t.blockersNeeded = 0
    } else {
      let all = (1 << n) - 1
      var best: Int? = nil
      for blockers in 0...all where holds(all & ~blockers) < gap {
        best = min(best ?? .max, blockers.nonzeroBitCount)
      }
      t.blockersNeeded = best
    }
    // Power, in whole £0.1m: every coalition of cooperating members.
    guard withRefusals >= 0 else { return t }
    let power = powerByEnumeration(s, gap: gap)
    for i in 0..<n {
      t.coleman[cooperating[i].org] = power.coleman[i]
      t.banzhaf[cooperating[i].org] = power.banzhaf[i]
    }
    return t
  }

  /// The fixture's footprints know what they are built for.
  @Test func theFixtureHasEveryCase() {
    let alpha = Self.truth("E1", delivery: 1, rule: "refused", assumed: [])
    #expect(alpha.marginWithRefusals == 20 && alpha.pivotal == ["A1", "A2"] && alpha.coleman["A1"] == 1)
    let beta = Self.truth("E2", delivery: 1, rule: "refused", assumed: [])
    #expect(beta.marginAsFiled == 10 && beta.marginWithRefusals == -10 && beta.blockersNeeded == 0)
    #expect(Self.truth("E3", delivery: 1, rule: "refused", assumed: []).marginAsFiled == -110)
    let delta = Self.truth("E4", delivery: 1, rule: "refused", assumed: [])
    #expect(delta.pivotal.isEmpty && delta.blockersNeeded == 2)
    #expect(Self.truth("E4", delivery: 1, rule: "dissenting", assumed: []).pivotal == ["D1", "D2", "D3", "D5"])
    #expect(Self.truth("E1", delivery: 1, rule: "refused", assumed: ["A1"]).marginWithRefusals == -50)
  }

  /// Compares a decimal CSV cell with a value (empty: none).
  func same(_ cell: String, _ value: Double?, _ what: String, tolerance: Double = 0.0006) {
    if let value {
      #expect(Double(cell).map { abs($0 - value) <= tolerance } ?? false, "\(what): \(cell) vs \(value)")
    } else {
      #expect(cell.isEmpty, "\(what): \(cell) vs none")
    }
  }

  @Test(arguments: [
    (100, "refused", [String]()), (80, "refused", []), (100, "dissenting", []), (100, "conditional", []),
    (100, "refused", ["A1"]), (100, "dissenting", ["K"]), (130, "refused", ["D1"]),
  ])
  func everyMeasureEqualsBruteForce(delivery: Int, rule: String, assumed: [String]) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-blocking-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Self.write(to: dir)
    let options =
      ["--data", dir, "--delivery", "\(delivery)", "--refusing", rule, "--format", "csv"]
      + (assumed.isEmpty ? [] : ["--assume-refusing", assumed.joined(separator: ",")])
    let factor = Double(delivery) / 100
    let truths = Dictionary(
      uniqueKeysWithValues: Self.footprints.map {
        ($0.0, Self.truth($0.0, delivery: factor, rule: rule, assumed: Set(assumed)))
      })

    // The league: each footprint's new columns.
    let league = try Binary.run(["league"] + options)
    #expect(league.status == 0, "\(league.err)")
    let rows = csvRecords(league.out)
    let h = try #require(rows.first)
    func col(_ name: String) throws -> Int { try #require(h.firstIndex(of: name), "\(name) in the league") }
    let (code, asFiled, withRefusals, balancesAsFiled, balancesWith, pivotal, blockers, power, holder, short, setting) =
      (
        try col("code"), try col("margin_gbp_m"), try col("margin_with_refusals_gbp_m"), try col("balances_as_filed"),
        try col("balances_with_refusals"), try col("pivotal"), try col("blockers_needed"),
        try col("blocking_power_max"), try col("blocking_power_holder"), try col("plan_with_refusals_2020_21_gbp_m"),
        try col("refusing_setting")
      )
    #expect(rows.count == 1 + Self.footprints.count)
    for r in rows.dropFirst() {
      let t = try #require(truths[r[code]])
      let f = r[code]
      same(r[asFiled], t.marginAsFiled, "\(f) margin as filed")
      same(r[withRefusals], t.marginWithRefusals, "\(f) margin with refusals")
      same(r[short], -t.marginWithRefusals, "\(f) plan with refusals")
      #expect(r[balancesAsFiled] == String(t.marginAsFiled >= 0), "\(f) balances as filed")
      #expect(r[balancesWith] == String(t.marginWithRefusals >= 0), "\(f) balances with refusals")
      #expect(Int(r[pivotal]) == t.pivotal.count, "\(f) pivotal: \(r[pivotal]) vs \(t.pivotal)")
      #expect(r[blockers] == (t.blockersNeeded.map(String.init) ?? ""), "\(f) blockers needed")
      let strongest = t.coleman.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
      if let strongest, strongest.value > 0 {
        // Percentages, 0–100, as every percentage of every output.
        same(r[power], strongest.value * 100, "\(f) most power to block", tolerance: 0.006)
        #expect(
          t.coleman.filter { abs($0.value - strongest.value) < 1e-12 }.keys.map { "Body \($0)" }.contains(r[holder]),
          "\(f) holder \(r[holder])")
      } else {
        #expect(r[power].isEmpty && r[holder].isEmpty, "\(f): no coalition balances, so no power")
      }
      #expect(r[setting] == rule)
    }

    // Each footprint's members: pivotal, power and Banzhaf, the refusing never pivotal.
    for (f, t) in truths {
      let out = try Binary.run(["footprint", f] + options)
      #expect(out.status == 0, "\(out.err)")
      let members = csvRecords(out.out)
      let mh = try #require(members.first)
      func mcol(_ name: String) throws -> Int { try #require(mh.firstIndex(of: name), "\(name) in members") }
      let (org, piv, refusing, coleman, banzhaf) = (
        try mcol("org"), try mcol("pivotal"), try mcol("refusing"), try mcol("blocking_power"), try mcol("banzhaf")
      )
      for m in members.dropFirst() {
        #expect((m[piv] == "true") == t.pivotal.contains(m[org]), "\(f) \(m[org]) pivotal")
        #expect(!(m[piv] == "true" && m[refusing] == "true"), "\(f) \(m[org]) refuses and is pivotal")
        same(m[coleman], t.coleman[m[org]].map { $0 * 100 }, "\(f) \(m[org]) Coleman", tolerance: 0.006)
        same(m[banzhaf], t.banzhaf[m[org]].map { $0 * 100 }, "\(f) \(m[org]) Banzhaf", tolerance: 0.006)
      }
    }

    // Organisations: power in the footprint where it is largest, and Banzhaf there.
    let orgs = try Binary.run(["orgs"] + options)
    #expect(orgs.status == 0, "\(orgs.err)")
    let lines = csvRecords(orgs.out)
    let oh = try #require(lines.first)
    func ocol(_ name: String) throws -> Int { try #require(oh.firstIndex(of: name), "\(name) in orgs") }
    let (ocode, opower, obanzhaf, opivotal) = (
      try ocol("code"), try ocol("blocking_power"), try ocol("banzhaf"), try ocol("pivotal")
    )
    for l in lines.dropFirst() {
      let o = l[ocode]
      let found = truths.values.compactMap { t in t.coleman[o].map { ($0, t.banzhaf[o] ?? 0) } }
      let best = found.map(\.0).max()
      same(l[opower], best.map { $0 * 100 }, "\(o) blocking power", tolerance: 0.006)
      // Banzhaf in a footprint where its power is largest (any of them, on a tie).
      let candidates = found.filter { $0.0 == best }.map(\.1)
      if candidates.isEmpty {
        #expect(l[obanzhaf].isEmpty, "\(o) Banzhaf: none")
      } else {
        #expect(
          Double(l[obanzhaf]).map { v in candidates.contains { abs($0 * 100 - v) <= 0.006 } } ?? false,
          "\(o) Banzhaf \(l[obanzhaf]) vs \(candidates)")
      }
      #expect((l[opivotal] == "true") == truths.values.contains { $0.pivotal.contains(o) }, "\(o) pivotal")
    }
  }
}
