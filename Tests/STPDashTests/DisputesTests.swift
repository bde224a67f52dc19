import DashModel
import Foundation
import Testing

@testable import STPDash

/// The disputes on the sample data, as a user meets them in batch output:
/// changes and referrals, sourced stances, control totals, designations,
/// and every view as of a date.
@Suite struct DisputesTests {
  func rows(_ args: [String]) throws -> [[String: String]] {
    let r = try Binary.run(args + ["--format", "csv"])
    #expect(r.status == 0, "\(args): \(r.err)")
    let t = csvParse(r.out)
    let header = try #require(t.first)
    return t.dropFirst().map { row in
      Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < row.count ? row[$0] : "") })
    }
  }

  @Test func everyChangeSaysItsKindOfSourceAndHuddersfieldItsOutcome() throws {
    let changes = try rows(["changes"])
    #expect(changes.count >= 45)
    #expect(Set(changes.map { $0["footprint"] ?? "" }).count >= 24)
    for c in changes {
      #expect(["official", "news", "campaign", "other"].contains(c["source"] ?? ""), "\(c["id"] ?? "")")
    }
    // A campaign's word is reported with a caveat; the others are reported.
    #expect(changes.filter { $0["source"] == "campaign" }.allSatisfy { $0["basis"] == "reported with a caveat" })
    let hudd = try #require(changes.first { ($0["site"] ?? "").contains("Huddersfield") })
    #expect(hudd["referred"] == "2017-07-21")
    #expect(hudd["outcome"]?.contains("not in the best interests") == true)
    #expect(hudd["outcome_date"] == "2018-05-11")
  }

  @Test func theLeagueCountsChangesAndReferrals() throws {
    let league = try rows(["league"])
    let ntw = try #require(league.first { $0["code"] == "E54000046" })
    #expect(Int(ntw["referrals"] ?? "") ?? 0 >= 2)
    #expect(Int(ntw["changes"] ?? "") ?? 0 >= 2)
    // A footprint with none says 0, not nothing.
    #expect(league.contains { $0["changes"] == "0" })
  }

  @Test func sourcedStancesAreReportedWithTheirSources() throws {
    func member(_ footprint: String, _ name: String) throws -> [String: Any] {
      let r = try Binary.run(["footprint", footprint, "--format", "json"])
      let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
      let members = try #require(json["members"] as? [[String: Any]])
      return try #require(members.first { ($0["name"] as? String) == name }, "\(name) in \(footprint)")
    }
    for (fp, name, stance) in [
      ("E54000029", "Hackney", "conditional"), ("E54000030", "Lewisham", "conditional"),
      ("E54000011", "Shropshire", "refused"), ("E54000011", "Telford and Wrekin", "refused"),
      ("E54000009", "Sheffield", "dissenting"),
    ] {
      let m = try member(fp, name)
      #expect(m["stance"] as? String == stance, "\(name)")
      #expect(m["stance_basis"] as? String != "illustrative", "\(name) is reported")
      #expect(((m["stance_source"] as? String) ?? "").contains("http"), "\(name) has its source")
      #expect(m["stance_source_kind"] is String, "\(name) says its kind of source")
    }
    // Only a campaign blog's word: reported with a caveat.
    let wirral = try member("E54000008", "Wirral")
    #expect(wirral["stance_basis"] as? String == "reported with a caveat")
  }

  @Test func ealingRefusesOnlyFromItsDate() throws {
    let before = try Binary.run(["footprint", "E54000027", "--as-of", "2016-08-01", "--format", "json"])
    let after = try Binary.run(["footprint", "E54000027", "--as-of", "2016-09-01", "--format", "json"])
    func read(_ r: Binary.Result) throws -> (ealing: String, atRisk: Double, asOf: String) {
      let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
      let members = try #require(json["members"] as? [[String: Any]])
      let ealing = try #require(members.first { ($0["org"] as? String) == "E09000009" })
      let figures = try #require(json["figures_2020_21"] as? [String: Any])
      return (
        ealing["stance"] as? String ?? "", figures["savings_at_risk_gbp_m"] as? Double ?? -1,
        json["as_of"] as? String ?? ""
      )
    }
    let b = try read(before)
    let a = try read(after)
    #expect(b.ealing != "refused" && a.ealing == "refused")
    #expect(b.atRisk < a.atRisk, "less at risk before Ealing refused")
    #expect(b.asOf == "2016-08-01" && a.asOf == "2016-09-01", "the view says what it is as of")
  }

  @Test func aMalformedDateIsAUsageErrorNamingIt() throws {
    let r = try Binary.run(["league", "--as-of", "2016-02-30"])
    #expect(r.status == 64)
    #expect(r.err.contains("2016-02-30") && r.err.contains("YYYY-MM-DD"))
    let early = try Binary.run(["league", "--as-of", "1999-01-01"])
    #expect(early.status == 0 && early.err.contains("before the first dated record"))
    let late = try Binary.run(["league", "--as-of", "2099-01-01"])
    #expect(late.status == 0 && late.err.contains("still to come"))
  }

  @Test func croydonHadNotAcceptedItsControlTotal() throws {
    let r = try Binary.run(["org", "RJ6"])
    #expect(r.status == 0)
    #expect(r.out.contains("not accepted 2016/17 (2016-07); predicted deficit £39.8m"))
    #expect(r.out.contains("hsj.co.uk"), "with its source")
    let orgs = try rows(["orgs", "--filter", "control:no"])
    #expect(orgs.contains { $0["code"] == "RJ6" } && orgs.allSatisfy { $0["control_total"] == "no" })
  }

  @Test func westYorkshireIsAnIntegratedCareSystemFromMay2018() throws {
    let r = try Binary.run(["footprint", "E54000005"])
    #expect(r.out.contains("integrated care system, May 2018"))
    let before = try Binary.run(["footprint", "E54000005", "--as-of", "2018-04-01"])
    #expect(!before.out.contains("integrated care system"))
  }
}

/// The dashboard as of a date: `<` and `>` move it, the league follows, `=` returns.
@Suite struct AsOfReducerTests {
  @Test func theLeagueFollowsTheDateAndComesBack() throws {
    var s = AppFixture.state()
    let d = s.session.dataset
    let nwl = try #require(d.footprintID(code: "E54000027"))
    func nwlAtRisk(_ s: AppState) -> Double? { s.derived.rows.first { $0.footprint == nwl }?.atRisk }
    let latest = try #require(nwlAtRisk(s))
    // Back a month at a time until before Ealing's refusal (26 August 2016).
    var steps = 0
    while (s.asOf ?? Day(year: 2100, month: 1, day: 1)!) > Day(year: 2016, month: 8, day: 1)!, steps < 200 {
      AppFixture.send(&s, [.char("<")])
      steps += 1
    }
    #expect(s.asOf == Day(year: 2016, month: 8, day: 1))
    #expect(s.session.dataset.asOfDay == s.asOf, "the data follow the date")
    let before = try #require(nwlAtRisk(s))
    #expect(before < latest, "less at risk before the refusals")
    #expect(s.notice?.text.hasPrefix("as of 2016-08-01") == true)
    let ealing = try #require(s.session.dataset.organisationID(code: "E09000009"))
    let m = try #require(s.session.dataset.membership(org: ealing, footprint: nwl))
    #expect(s.session.dataset.stance(membership: m) != .refused)
    AppFixture.send(&s, [.char(">")])
    #expect(s.asOf == Day(year: 2016, month: 9, day: 1))
    #expect(s.session.dataset.stance(membership: m) == .refused)
    #expect(try #require(nwlAtRisk(s)) > before)
    // An export says what it is as of.
    #expect(s.leagueReport.csv().contains("2016-09-01"))
    AppFixture.send(&s, [.char("=")])
    #expect(s.asOf == nil && s.session.dataset.asOfDay == nil)
    #expect(nwlAtRisk(s) == latest)
  }
}
