import Foundation
import TestSupport
import Testing

@testable import DashModel

/// Organisations, memberships and stances read through their plain parsers decide only what
/// the general reader would: the same records, in the same order, and the
/// same warnings or problems, in memory and through windows small enough to
/// cut records, whatever the rows look like.
@Suite("Plain record readers agree with the general reader")
struct PlainRecordsTests {
  static let tunings: [DatasetLoader.LoadTuning] = [
    .init(parallelism: 2),
    .init(parallelism: 2, streamAbove: 0, window: 64),
    .init(parallelism: 1, streamAbove: 0, window: 4096),
  ]

  func compare(_ path: String, loads: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
    let reference = DatasetLoader.load(directory: path, tuning: .init(parallelism: 1, plainRecords: false))
    for tuning in Self.tunings {
      let how = "window \(tuning.window), streamed above \(tuning.streamAbove)"
      switch (reference, DatasetLoader.load(directory: path, tuning: tuning)) {
      case (.success(let a), .success(let b)):
        #expect(loads, "loaded: \(how)", sourceLocation: sourceLocation)
        #expect(a.organisations == b.organisations, "organisations: \(how)", sourceLocation: sourceLocation)
        #expect(Array(a.memberships) == Array(b.memberships), "memberships: \(how)", sourceLocation: sourceLocation)
        #expect(Array(a.alignment) == Array(b.alignment), "stances: \(how)", sourceLocation: sourceLocation)
        #expect(
          a.warnings.map(\.description) == b.warnings.map(\.description), "warnings: \(how)",
          sourceLocation: sourceLocation)
      case (.failure(let a), .failure(let b)):
        #expect(!loads, "\(a.problems.items.prefix(3))", sourceLocation: sourceLocation)
        #expect(
          a.problems.items.map(\.description) == b.problems.items.map(\.description), "problems: \(how)",
          sourceLocation: sourceLocation)
      default:
        Issue.record("one way loaded and the other did not: \(how)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func onTheSampleData() { compare(SampleData.path, loads: true) }

  /// Every form a cell can take that still loads: spaces, quotes, doubled
  /// quotes, other cases, CRLF, blank lines, texts ending outside ASCII,
  /// each form of date, kinds of source, caveats, a last row with no line end.
  static let goodMemberships = [
    "org,footprint,share", "C1,E1,1", " T1 ,E1,", "\"K1\",E1,0.25", "K1,\"E2\", 0.75 ", "", "C2,E2,.5",
    "T2,E2,1.000",
  ]
  static let goodStances = [
    "org,footprint,stance,as_of,note,source,basis,caveat,source_kind",
    "C1,E1,aligned,,,,,,",
    "T1,E1,Conditional,2016-10-01,plain note,http://example.org,reported,,",
    "T1,E1, refused ,2017-03,\"a, quoted \"\"note\"\"\",,illustrative,,",
    "T1,E1,refused,2018,café,source,,it is disputed,news",
    "T1,E1,refused,2015/16, spaced ,\u{00A0}no-break,ILLUSTRATIVE,,",
    "",
    "K1,E2,dissenting,,\"two\nlines\",,,,campaign",
    "C2,E2,aligned,2019-02-28,tab\there,x,,,",
    "T2,E2,unknown,,,x,reported,caveat,",
  ]

  @Test func onEveryFormThatLoads() {
    for ending in ["\n", "\r\n"] {
      let f = Fixture([
        "memberships.csv": Self.goodMemberships.joined(separator: ending) + ending,
        "alignment.csv": Self.goodStances.joined(separator: ending),
      ])
      defer { f.remove() }
      compare(f.path, loads: true)
    }
  }

  @Test func onEveryKindOfProblem() {
    let memberships =
      Self.goodMemberships + [
        "ZZ,E1,1", "E1,E1,1", "C1,C2,1", ",E1,", "C1,E1,1", "\"C1\",E1,", "C2,E1,0", "C2,E1,1.5", "T2,E1,-1",
        "T2,E1,x", "T2,E1,1e0", "K1,E1,,extra", "T1", "K1,E2\r", "C1,E2,\"0.5", "\"C\"\"1\",E1,", "\"T2\",\"E2\",\"1\"",
        "\"C2\" ,E1,", "C2,\"E1\"x,", "C2,E1,\"\"\"1\"\"\"",
      ]
    let stances =
      Self.goodStances + [
        "C1,E1,aligned,,,,,,", "C1,E1,aligned,2016-10-01,,,,,", "C1,E1,aligned,2016-10-01,,,,,", "ZZ,E1,aligned,,,,,,",
        "C1,E1,maybe,,,,,,", "C1,E1,aligned,2016-13-01,,,,,", "C1,E1,aligned,01/02/2017,,,,,",
        "C1,E1,aligned,2016-11,\u{01}bell,,,,", "C1,E1,aligned,2016-12,,,sometimes,,",
        "C1,E1,aligned,2015,,,,,rumour", "C1,E1,aligned,2014,\(String(repeating: "n", count: 10_001)),,,,",
        "C1,E2,aligned,,,,,,", "T1,E1,aligned,,x,y", "C1,E1,aligned,2013,a\"b,,,,",
        "\"C1\",\"E1\",\"aligned\",\"2012\",\"say \"\"no\"\"\",\"src\",\"reported\",\"\",\"\"",
        "C1,E1,\"align\"\"ed\",2011,,,,,", "C1,E1,aligned,\"2010\"\"\",,,,,", "C1,E1,aligned,2009,,\"x\"y,,,",
      ]
    let f = Fixture([
      "memberships.csv": memberships.joined(separator: "\n") + "\n",
      "alignment.csv": stances.joined(separator: "\n") + "\n",
    ])
    defer { f.remove() }
    compare(f.path, loads: false)
  }

  /// Organisations in every form: quoted and escaped names, spaces, a name
  /// ending outside ASCII, codes outside ASCII, other cases of kind, a
  /// source; then with every kind of mistake.
  static let goodOrganisations = [
    "code,name,kind,source", "C1,Alpha CCG,ccg,", "T1,\"Alpha \"\"Trust\"\"\",acute-trust,x",
    " K1 , Shared Council ,Council,",
    "C2,Beta CCG,ccg,a source", "T2,Beta Trust\u{00A0},acute-trust, spaced ", "É9,Accented,other,",
    "X1,\u{01}bell,other,",
    "\"X2\",\"\"\"Quoted\"\" at both ends\"\"\",\"council\",\"a \"\"source\"\"\"", "X3,\"\"\"\"\"\",other,",
  ]

  @Test func onOrganisationsOfEveryForm() {
    let f = Fixture(["organisations.csv": Self.goodOrganisations.joined(separator: "\r\n")])
    defer { f.remove() }
    compare(f.path, loads: true)
    let bad =
      Self.goodOrganisations + [
        "C1,Again,ccg,", ",No code,ccg,", "Y 1,Spaced code,ccg,", "Y2,,ccg,", "Y3,Kindless,hospital,",
        "Y4,\u{7F}x,ccg,",
        "Y5,Named,ccg,\u{01}", "E1,A footprint's code,ccg,", "Y6,\(String(repeating: "n", count: 1_001)),ccg,",
        "\(String(repeating: "Y", count: 65)),Long code,ccg,", "Y7,Too,many,fields,here", "Y8,Short",
        "\"Y\"\"9\",Escaped code,ccg,", "Y10,\"\",ccg,", "Y11,\"Unclosed,ccg,", "Y12,\"Two\nlines\",ccg,",
      ]
    let g = Fixture(["organisations.csv": bad.joined(separator: "\n") + "\n"])
    defer { g.remove() }
    compare(g.path, loads: false)
  }

  @Test func onColumnsInAnotherOrder() {
    let f = Fixture([
      "memberships.csv":
        "share,extra,footprint,org\n1,a,E1,C1\n,b,E1,T1\n0.25,,E1,K1\n0.75,,E2,K1\n1,,E2,C2\n1,,E2,T2\n",
      "alignment.csv": "note,stance,footprint,org\n,aligned,E1,C1\nsaid no,refused,E2,K1\n",
      "organisations.csv":
        "kind,extra,code,name\nccg,,C1,Alpha\nacute-trust,,T1,Alpha Trust\ncouncil,y,K1,Shared\nccg,,C2,Beta\nacute-trust,,T2,Beta Trust\n",
    ])
    defer { f.remove() }
    compare(f.path, loads: true)
    let g = Fixture(["memberships.csv": "org,footprint\nC1,E1\nT1,E1\nK1,E1\nK1,E2\nC2,E2\nT2,E2"])
    defer { g.remove() }
    compare(g.path, loads: true)
  }

  @Test func onALargeFileOfMostlyPlainRows() {
    // Thousands of rows, every tenth in a form only the general reader
    // takes, so records of both kinds meet at every window edge.
    var orgs = ["code,name,kind"]
    var members = ["org,footprint,share"]
    var stances = ["org,footprint,stance,as_of,note,source,basis"]
    for i in 0..<3000 {
      orgs.append("O\(i),Org \(i),ccg")
      let odd = i % 10 == 7
      members.append(odd ? "\"O\(i)\",E1, 0.5" : "O\(i),E1,\(i % 4 == 0 ? "" : "0.5")")
      members.append("O\(i),E2,\(i % 3 == 0 ? "0.25" : "")")
      stances.append("O\(i),E1,\(odd ? "\"aligned\"" : "refused"),2016-0\(i % 9 + 1),,src \(i % 5),illustrative")
      if i % 7 == 0 { stances.append("O\(i),E2,conditional,,\"note \(i)\",,") }
    }
    let f = Fixture([
      "footprints.csv": "code,name,region\nE1,One,North\nE2,Two,South\n",
      "organisations.csv": orgs.joined(separator: "\n") + "\n",
      "memberships.csv": members.joined(separator: "\n") + "\n",
      "alignment.csv": stances.joined(separator: "\n") + "\n",
      "finance.csv": "entity,year,scenario,gbp_m\n",
    ])
    defer { f.remove() }
    compare(f.path, loads: true)
  }
}
