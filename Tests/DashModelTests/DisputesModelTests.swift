import Foundation
import Testing

@testable import DashModel

/// Dates as precise as their sources, the dispute files' checks, and the
/// data as known on a day.
@Suite("Disputes and dates")
struct DisputesModelTests {
  @Test func datesKeepTheirPrecisionAndCountFromTheEndOfTheirPeriod() throws {
    let day = try #require(EventDate("2016-08-26"))
    let month = try #require(EventDate("2017-03"))
    let year = try #require(EventDate("2018"))
    let fy = try #require(EventDate("2016/17"))
    #expect([day.iso, month.iso, year.iso, fy.iso] == ["2016-08-26", "2017-03", "2018", "2016/17"])
    #expect(month.end == Day(year: 2017, month: 3, day: 31) && fy.start == Day(year: 2016, month: 4, day: 1))
    #expect(fy.end == Day(year: 2017, month: 3, day: 31))
    #expect(!month.known(asOf: try #require(Day(year: 2017, month: 3, day: 30))))
    #expect(month.known(asOf: try #require(Day(year: 2017, month: 3, day: 31))))
    // Every form survives its compact code.
    for d in [day, month, year, fy] { #expect(EventDate(code: d.code) == d) }
    for bad in ["2016/18", "2017-13", "2017-02-30", "17-03", "2016-8-1", "late 2016", ""] {
      #expect(EventDate(bad) == nil, "\(bad) is refused")
    }
  }

  @Test func eachDisputeFileSaysWhatIsWrongWhere() {
    let f = Fixture([
      "changes.csv": """
      id,footprint,site,service,change,source_kind,status_date
      C1,E1,Alpha General,A&E,close overnight,news,2017-13
      C2,E1,Alpha General,A&E,close overnight,gossip,
      C3,E2,Beta,beds,fewer,official,
      C3,E2,Beta,beds,fewer,official,2018

      """,
      "referrals.csv": """
      id,change,footprint,site,service,referred_by,source_kind
      R1,C9,E1,Alpha,A&E,Scrutiny,official

      """,
      "designations.csv": """
      footprint,designation,date,source_kind
      E1,vanguard,2018-05,news

      """,
    ])
    defer { f.remove() }
    let text = f.problems().map(\.description)
    #expect(text.contains { $0.hasPrefix("changes.csv:2: status_date \"2017-13\" is not a date like 2016-08-26") })
    #expect(text.contains("changes.csv:3: source_kind \"gossip\" is not one of official, news, campaign, other"))
    #expect(text.contains("changes.csv:5: a second change \"C3\" (first on line 4)"))
    #expect(text.contains("referrals.csv:2: change \"C9\" is not in changes.csv"))
    #expect(text.contains { $0.hasPrefix("designations.csv:2: designation \"vanguard\" is not one of") })
  }

  @Test func theDataAsKnownOnADayLeavesOutWhatCameLater() throws {
    let f = Fixture([
      "changes.csv": """
      id,footprint,site,service,change,proposed,status,status_date,source_kind
      C1,E1,Alpha General,A&E,close overnight,2016/17,decided,2017-06,news
      C2,E1,Alpha Cottage,beds,fewer beds,2018,proposed,2018,campaign

      """,
      "referrals.csv": """
      id,change,footprint,site,service,referred_by,referred,outcome,outcome_date,source_kind
      R1,C1,E1,Alpha General,A&E,Scrutiny,2017-07-01,kept open,2018-05-11,official

      """,
      "designations.csv": """
      footprint,designation,date,source_kind
      E1,integrated-care-system,2018-05,news

      """,
    ])
    defer { f.remove() }
    let d = try f.load()
    let e1 = try #require(d.footprintID(code: "E1"))
    let t1 = try #require(d.organisationID(code: "T1"))
    let m = try #require(d.membership(org: t1, footprint: e1))
    func on(_ y: Int, _ mo: Int, _ da: Int) throws -> Dataset { d.asOf(try #require(Day(year: y, month: mo, day: da))) }
    // T1 was conditional from 2016-10-01 and refused from 2017-03-01; before either, unknown.
    #expect(try on(2016, 9, 1).stance(membership: m) == .unknown)
    #expect(try on(2016, 12, 1).stance(membership: m) == .conditional)
    #expect(try on(2017, 4, 1).stance(membership: m) == .refused)
    // Undated stances always count.
    let c1 = try #require(d.organisationID(code: "C1"))
    #expect(try on(2000, 1, 1).stance(membership: try #require(d.membership(org: c1, footprint: e1))) == .aligned)
    // A change proposed in 2016/17 is known from April 2017; its status from the end of June 2017.
    #expect(try on(2017, 3, 30).disputes.changes.isEmpty)
    let april = try on(2017, 4, 1)
    #expect(april.disputes.changes.count == 1 && april.disputes.changes[0].status == nil)
    let july = try on(2017, 7, 1)
    #expect(july.disputes.changes.first?.status == "decided" && july.disputes.referralCount(footprint: e1) == 1)
    #expect(july.disputes.referrals.first?.outcome == nil, "the outcome came later")
    #expect(try on(2018, 6, 1).disputes.referrals.first?.outcome == "kept open")
    #expect(try on(2018, 4, 30).disputes.designations.isEmpty)
    #expect(try on(2018, 5, 31).disputes.designations.count == 1)
    // The latest view is the data as loaded.
    #expect(d.asOf(nil).disputes.changes.count == 2 && d.asOf(nil).asOfDay == nil)
  }
}
