import Foundation
import Testing

/// An independent reference: the measures of "who can block the plan"
/// computed straight from the CSV files, sharing no code with DashModel,
/// as the issue defines them.
struct BlockReference {
  struct Member {
    var org: String
    var footprint: String
    var share: Double
  }

  var footprints: [String] = []
  var members: [Member] = []
  var stances: [String: String] = [:]
  /// (entity, year, scenario) → value; an empty figure is recorded as nil.
  var finance: [String: Double?] = [:]
  static let years = ["2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21"]

  init(directory: String) throws {
    func table(_ name: String) throws -> [[String: String]] {
      let rows = csvParse(try String(contentsOfFile: directory + "/" + name, encoding: .utf8))
      guard let header = rows.first else { return [] }
      return rows.dropFirst().map { r in
        Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < r.count ? r[$0] : "") })
      }
    }
    footprints = try table("footprints.csv").compactMap { $0["code"] }
    members = try table("memberships.csv").map {
      Member(org: $0["org"] ?? "", footprint: $0["footprint"] ?? "", share: Double($0["share"] ?? "") ?? 1)
    }
    for r in try table("finance.csv") {
      let key = "\(r["entity"] ?? "")|\(r["year"] ?? "")|\(r["scenario"] ?? "")"
      finance[key] = Double(r["gbp_m"] ?? "")
    }
    // The current stance: the latest record (undated before dated, then file order).
    var latest: [String: (date: String, stance: String)] = [:]
    for r in try table("alignment.csv") {
      let key = "\(r["org"] ?? "")|\(r["footprint"] ?? "")"
      let date = r["as_of"] ?? ""
      if let seen = latest[key], seen.date > date { continue }
      latest[key] = (date, r["stance"] ?? "")
    }
    stances = latest.mapValues(\.stance)
  }

  /// Which stances count as refusing under each `--refusing` setting.
  static let refusingStances = [
    "refused": ["refused"], "dissenting": ["refused", "dissenting"],
    "conditional": ["refused", "dissenting", "conditional"],
  ]

  func refuses(_ m: Member, rule: String) -> Bool {
    Self.refusingStances[rule]?.contains(stances["\(m.org)|\(m.footprint)"] ?? "") ?? false
  }

  /// The margin without the refusing members' savings.
  func marginWithRefusals(_ f: String, delivery d: Double, rule: String) -> Double? {
    guard let margin = margin(f, delivery: d) else { return nil }
    return membersOf(f).filter { refuses($0, rule: rule) }.reduce(margin) { $0 - (held($1) ?? 0) * d }
  }

  /// Cooperating members whose savings exceed a non-negative margin with refusals.
  func pivotal(_ f: String, delivery d: Double, rule: String) -> [Member] {
    guard let margin = marginWithRefusals(f, delivery: d, rule: rule), margin >= 0 else { return [] }
    return membersOf(f).filter { !refuses($0, rule: rule) && (held($0) ?? -.infinity) * d > margin }
  }

  /// The fewest cooperating members whose refusal makes the margin negative.
  func blockersNeeded(_ f: String, delivery d: Double, rule: String) -> Int? {
    guard var left = marginWithRefusals(f, delivery: d, rule: rule) else { return nil }
    if left < 0 { return 0 }
    let holdings = membersOf(f).filter { !refuses($0, rule: rule) }.compactMap { held($0).map { $0 * d } }
    for (i, v) in holdings.filter({ $0 > 0 }).sorted(by: >).enumerated() {
      left -= v
      if left < 0 { return i + 1 }
    }
    return nil
  }

  /// Each cooperating member's Coleman power (by organisation code), counted
  /// over every coalition by a table of coalitions by weight made afresh
  /// without each member (whole £0.1m; the gap is the do-nothing figure).
  func coleman(_ f: String, delivery d: Double, rule: String) -> [String: Double] {
    guard let margin = marginWithRefusals(f, delivery: d, rule: rule), margin >= 0,
      let gap = value(f, "2020/21", "do_nothing").value
    else { return [:] }
    let cooperating = membersOf(f).filter { !refuses($0, rule: rule) }
    let w = cooperating.map { Int((((held($0) ?? 0) * d) * 10).rounded()) }
    let quota = Int((gap * 10).rounded())
    // Coalitions of the members other than `skip`, by the savings they hold,
    // with a negative holding shifted into the index.
    let low = w.filter { $0 < 0 }.reduce(0, +)
    let high = w.filter { $0 > 0 }.reduce(0, +)
    func counts(skipping skip: Int?) -> [Double] {
      var table = [Double](repeating: 0, count: high - low + 1)
      table[-low] = 1
      for (i, x) in w.enumerated() where i != skip && x != 0 {
        var next = table
        for s in table.indices where table[s] != 0 { next[s + x] += table[s] }
        table = next
      }
      return table
    }
    let all = counts(skipping: nil)
    let winning = all.indices.filter { $0 + low >= quota }.reduce(0.0) { $0 + all[$1] }
    var out: [String: Double] = [:]
    for (i, m) in cooperating.enumerated() {
      let others = counts(skipping: i)
      // Critical: the others hold less than the quota, and with it at least the quota.
      let swings = others.indices.filter { $0 + low < quota && $0 + low + w[i] >= quota }.reduce(0.0) {
        $0 + others[$1]
      }
      out[m.org] = winning > 0 ? swings / winning : 0
    }
    return out
  }

  func own(_ e: String, _ y: String, _ s: String) -> Double?? { finance["\(e)|\(y)|\(s)"] }

  func membersOf(_ f: String) -> [Member] { members.filter { $0.footprint == f } }

  /// A footprint's figure: its own row, else the share-weighted sum of its
  /// members' (`complete` says whether every member had one).
  func value(_ f: String, _ y: String, _ s: String) -> (value: Double?, complete: Bool, own: Bool) {
    if let o = own(f, y, s) { return (o, o != nil, true) }
    var sum = 0.0
    var known = 0
    let ms = membersOf(f)
    for m in ms {
      if let v = own(m.org, y, s) ?? nil {
        sum += m.share * v
        known += 1
      }
    }
    return (known == 0 ? nil : sum, known == ms.count, false)
  }

  func savings(_ f: String) -> Double? {
    guard let dn = value(f, "2020/21", "do_nothing").value, let p = value(f, "2020/21", "plan").value else {
      return nil
    }
    return dn - p
  }

  /// Each member's savings held at 100 %: its own, or its pro-rata part of
  /// its footprint's own filed savings.
  func held(_ m: Member) -> Double? {
    guard let dn = own(m.org, "2020/21", "do_nothing") ?? nil, let p = own(m.org, "2020/21", "plan") ?? nil else {
      return nil
    }
    let raw = m.share * (dn - p)
    let f = m.footprint
    let ownRows = value(f, "2020/21", "do_nothing").own || value(f, "2020/21", "plan").own
    guard ownRows, let total = savings(f) else { return raw }
    var sum = 0.0
    for o in membersOf(f) {
      if let d = own(o.org, "2020/21", "do_nothing") ?? nil, let q = own(o.org, "2020/21", "plan") ?? nil {
        sum += o.share * (d - q)
      }
    }
    return sum > 0 ? raw * total / sum : raw
  }

  func margin(_ f: String, delivery d: Double) -> Double? {
    guard let dn = value(f, "2020/21", "do_nothing").value, let p = value(f, "2020/21", "plan").value else {
      return nil
    }
    return -(dn - d * (dn - p))
  }

  /// (org code, footprint code) of every member pivotal after refusals.
  func pivotal(delivery d: Double, rule: String = "refused") -> Set<String> {
    Set(footprints.flatMap { f in pivotal(f, delivery: d, rule: rule).map { "\($0.org)|\(f)" } })
  }

  func neededPercent(_ f: String) -> Double? {
    guard let dn = value(f, "2020/21", "do_nothing").value, let s = savings(f), s > 0 else { return nil }
    return max(0, dn / s * 100)
  }

  func deliveredPercent(_ f: String) -> Double? {
    for y in Self.years.reversed() {
      let out = value(f, y, "outturn")
      guard let o = out.value, out.complete else { continue }
      guard let dn = value(f, y, "do_nothing").value, let p = value(f, y, "plan").value, dn != p else { return nil }
      return (dn - o) / (dn - p) * 100
    }
    return nil
  }

  func vetoShare(_ f: String) -> Double? {
    guard let total = savings(f), total > 0 else { return nil }
    let best = membersOf(f).compactMap(held).max() ?? 0
    return best > 0 ? best / total * 100 : nil
  }
}

/// `stpdash orgs` and the league's new columns against the reference.
@Suite("Who can block the plan: orgs and league against an independent computation")
struct WhoCanBlockTests {
  static let sample = Binary.repoRoot.appendingPathComponent("sample-data").path

  func records(_ args: [String]) throws -> (header: [String], rows: [[String]]) {
    let r = try Binary.run(args)
    #expect(r.status == 0, "\(args): \(r.err)")
    let all = csvParse(r.out)
    return (all.first ?? [], Array(all.dropFirst()))
  }

  func column(_ header: [String], _ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }

  @Test(arguments: [100, 50])
  func everyOrganisationOnceAndTheirSavingsAddUpToEngland(delivery: Int) throws {
    let (header, rows) = try records(["orgs", "--format", "csv", "--delivery", "\(delivery)"])
    for name in ["code", "name", "kind", "savings_2020_21_gbp_m", "largest_share", "stance", "flagged", "pivotal"] {
      #expect(header.contains(name), "column \(name)")
    }
    let code = try column(header, "code")
    let organisations = csvParse(try String(contentsOfFile: Self.sample + "/organisations.csv", encoding: .utf8))
      .dropFirst().map { $0[0] }
    #expect(rows.map { $0[code] }.sorted() == organisations.sorted(), "every organisation, once")
    let pivotal = try column(header, "pivotal")
    #expect(rows.allSatisfy { $0[pivotal] == "true" || $0[pivotal] == "false" })
    let setting = try column(header, "delivery_setting")
    #expect(rows.first.map { $0[setting] } == "\(delivery)%")

    let savings = try column(header, "savings_2020_21_gbp_m")
    let total = rows.compactMap { Double($0[savings]) }.reduce(0, +)
    // England's planned savings from England's trajectory at the same setting.
    let (th, trows) = try records(["trajectory", "--format", "csv", "--delivery", "\(delivery)"])
    let (y, s, v) = (try column(th, "year"), try column(th, "scenario"), try column(th, "gbp_m"))
    func england(_ scenario: String) throws -> Double {
      try #require(trows.first { $0[y] == "2020/21" && $0[s] == scenario }.flatMap { Double($0[v]) })
    }
    let englandSavings = try england("do_nothing") - england("plan")
    #expect(abs(total - englandSavings) < 0.0005 * Double(rows.count), "\(total) vs England's \(englandSavings)")
    #expect(abs(total - englandSavings) < 0.5)
  }

  @Test(arguments: [100, 150, 80])
  func pivotalListsExactlyTheMembersWhoseSavingsExceedABalancingMargin(delivery: Int) throws {
    let reference = try BlockReference(directory: Self.sample)
    let expected = reference.pivotal(delivery: Double(delivery) / 100)
    let (header, rows) = try records(["orgs", "--pivotal", "--format", "csv", "--delivery", "\(delivery)"])
    let (code, pivotalIn) = (try column(header, "code"), try column(header, "pivotal_in"))
    var ours = Set<String>()
    for r in rows {
      for f in r[pivotalIn].split(separator: ";") { ours.insert("\(r[code])|\(f)") }
    }
    #expect(ours == expected)
    #expect(Set(rows.map { $0[code] }) == Set(expected.map { String($0.split(separator: "|")[0]) }))
    if delivery == 100 { #expect(!expected.isEmpty, "the sample data has pivotal bodies at 100 %") }
  }

  @Test(arguments: ["refused", "dissenting"])
  func theLeaguesNewColumnsMatchTheReference(rule: String) throws {
    let reference = try BlockReference(directory: Self.sample)
    let (header, rows) = try records(["league", "--format", "csv", "--refusing", rule])
    let code = try column(header, "code")
    let (needed, delivered, veto, pivotal) = (
      try column(header, "needed_pct"), try column(header, "delivered_pct"), try column(header, "veto_share"),
      try column(header, "pivotal")
    )
    let (withRefusals, blockers) = (
      try column(header, "margin_with_refusals_gbp_m"), try column(header, "blockers_needed")
    )
    let pivotalPairs = reference.pivotal(delivery: 1, rule: rule)
    func same(_ text: String, _ value: Double?, _ f: String, _ what: String) {
      if let value {
        #expect(Double(text).map { abs($0 - value) <= 0.05 + 1e-9 } ?? false, "\(f) \(what): \(text) vs \(value)")
      } else {
        #expect(text.isEmpty, "\(f) \(what): \(text) vs none")
      }
    }
    #expect(rows.count == 44)
    for r in rows {
      let f = r[code]
      same(r[needed], reference.neededPercent(f), f, "needed")
      same(r[delivered], reference.deliveredPercent(f), f, "delivered")
      same(r[veto], reference.vetoShare(f), f, "veto")
      #expect(Int(r[pivotal]) == pivotalPairs.filter { $0.hasSuffix("|" + f) }.count, "\(f) pivotal")
      same(r[withRefusals], reference.marginWithRefusals(f, delivery: 1, rule: rule), f, "margin with refusals")
      #expect(
        r[blockers] == (reference.blockersNeeded(f, delivery: 1, rule: rule).map(String.init) ?? ""), "\(f) blockers")
    }
    let asFiled = try column(header, "balances_as_filed")
    #expect(
      rows.contains { (Double($0[withRefusals]) ?? 0) < 0 && $0[asFiled] == "true" },
      "a footprint balances as filed but not with its refusals (Derbyshire)")
    #expect(rows.contains { !$0[delivered].isEmpty }, "the sample data has outturns")
    // Percent, not shares: needed is of the order of 100.
    #expect(rows.compactMap { Double($0[needed]) }.contains { $0 > 50 })
  }

  /// Every member's power to block, in every footprint, against the
  /// reference's own count; and no refusing body is pivotal.
  @Test func everyMembersPowerToBlockMatchesAnIndependentCount() throws {
    let reference = try BlockReference(directory: Self.sample)
    var counted = 0
    for f in reference.footprints {
      let (h, rows) = try records(["footprint", f, "--format", "csv"])
      let (org, power, pivotal, refusing) = (
        try column(h, "org"), try column(h, "blocking_power"), try column(h, "pivotal"), try column(h, "refusing")
      )
      let expected = reference.coleman(f, delivery: 1, rule: "refused")
      let pivots = Set(reference.pivotal(f, delivery: 1, rule: "refused").map(\.org))
      for r in rows {
        #expect(!(r[pivotal] == "true" && r[refusing] == "true"), "\(f) \(r[org]) refuses, yet pivotal")
        #expect((r[pivotal] == "true") == pivots.contains(r[org]), "\(f) \(r[org]) pivotal")
        if let p = expected[r[org]] {
          // A percentage, 0–100.
          #expect(
            Double(r[power]).map { abs($0 - p * 100) <= 0.006 } ?? false, "\(f) \(r[org]) power \(r[power]) vs \(p)")
          counted += 1
          // A pivotal body holds a veto, up to the £0.1m the count rounds to.
          if r[pivotal] == "true" { #expect(p > 0.99, "\(f) \(r[org]) pivotal with power \(p)") }
        } else {
          #expect(r[power].isEmpty, "\(f) \(r[org]): no coalition balances, so no power (\(r[power]))")
        }
      }
    }
    #expect(counted > 20, "the sample data has footprints whose plans balance with their refusals")
  }

  @Test func derbyshireBalancesAsFiledButNotWithDerbysRefusal() throws {
    let r = try Binary.run(["footprint", "derbyshire"])
    #expect(r.status == 0)
    #expect(r.out.contains("Verdict     balances as filed; £10.8m* short with 1 refusal: Derby"), "\(r.out)")
    #expect(r.out.contains("Pivotal     none: the plan is £10.8m* short with its refusals"))
    let (h, rows) = try records(["footprint", "derbyshire", "--format", "csv"])
    let (name, pivotal, refusing) = (try column(h, "name"), try column(h, "pivotal"), try column(h, "refusing"))
    let derby = try #require(rows.first { $0[name] == "Derby" })
    #expect(derby[refusing] == "true" && derby[pivotal] == "false", "Derby refused: never pivotal")
  }

  @Test func assumingARefusalMovesSavingsAtRiskByExactlyThatBodysSavings() throws {
    // Kent: a council, not refusing and not flagged in the sample data.
    let (oh, orows) = try records(["orgs", "--format", "csv", "--filter", "E10000016"])
    let kent = try #require(orows.first)
    #expect(orows.count == 1)
    let (stance, flagged) = (try column(oh, "stance"), try column(oh, "flagged"))
    #expect(kent[stance] != "refused" && kent[flagged] == "false")
    let held = try #require(Double(kent[try column(oh, "savings_2020_21_gbp_m")]))
    let fp = kent[try column(oh, "footprint")]
    func atRisk(_ extra: [String]) throws -> Double {
      let (h, rows) = try records(["league", "--format", "csv"] + extra)
      let code = try column(h, "code")
      let row = try #require(rows.first { $0[code] == fp })
      return Double(row[try column(h, "savings_at_risk_gbp_m")]) ?? 0
    }
    let before = try atRisk([])
    let after = try atRisk(["--assume-refusing", "E10000016"])
    #expect(abs((after - before) - held) < 0.0011, "\(after) − \(before) vs \(held)")
    // By name too, and recorded in the output.
    let (h, rows) = try records(["league", "--format", "csv", "--assume-refusing", "Kent"])
    let codes = try column(h, "assumed_refusing_codes")
    #expect(rows.first?[codes] == "E10000016")
    let unknown = try Binary.run(["league", "--assume-refusing", "Atlantis"])
    #expect(unknown.status != 0 && unknown.err.contains("no organisation matches"))
  }

  @Test func flagAndOrgTakeUnambiguousNames() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let ok = try Binary.run(
      ["flag", "Hammersmith and Fulham", "--footprint", "north west", "--reason", "test", "--data", d.path])
    #expect(ok.status == 0, "\(ok.err)")
    #expect(try d.read("flags.csv").contains("flag,E09000013,E54000027,test,"))
    let ambiguous = try Binary.run(["unflag", "hammersmith", "--footprint", "north west", "--data", d.path])
    #expect(ambiguous.status == 1 && ambiguous.err.contains("matches 2 organisations"))
    let org = try Binary.run(["org", "Hammersmith and Fulham", "--data", d.path])
    #expect(org.status == 0 && org.out.contains("E09000013"))
  }

  @Test func filtersAndOptionsKeepWhatTheySay() throws {
    let (h, rows) = try records(["orgs", "--format", "csv", "--kind", "council", "--stance", "refused"])
    #expect(!rows.isEmpty)
    let (kind, stance, filter, code) = (
      try column(h, "kind"), try column(h, "stance"), try column(h, "filter"), try column(h, "code")
    )
    #expect(rows.allSatisfy { $0[kind] == "council" && $0[stance] == "refused" })
    #expect(rows.first?[filter] == "kind:council stance:refused")
    let (h2, same) = try records(["orgs", "--format", "csv", "--filter", "k:coun st:ref"])
    let code2 = try column(h2, "code")
    #expect(same.map { $0[code2] } == rows.map { $0[code] })
    let (h3, notCouncils) = try records(["orgs", "--format", "csv", "--filter", "!kind:council"])
    let kind3 = try column(h3, "kind")
    #expect(notCouncils.allSatisfy { $0[kind3] != "council" })
    let bad = try Binary.run(["orgs", "--filter", "colour:red"])
    #expect(bad.status == 64 && bad.err.contains("no field \"colour\""))
    let london = try records(["orgs", "--format", "csv", "--region", "London"])
    let regions = try column(london.header, "regions")
    #expect(london.rows.allSatisfy { $0[regions].contains("London") })
  }
}
