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
        #expect(
          !loads, "\(a.problems.items.filter { $0.severity == .error }.prefix(3))", sourceLocation: sourceLocation)
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

  /// Rows that mostly end as the row before did — the form the straight
  /// readers take without splitting — with every part now and then changed
  /// to a form they must decline or read differently: codes that begin
  /// another code, are too long to hold, quoted, spaced, unknown or of the
  /// other table; stances and dates right and wrong; endings with a
  /// problem, quotes, another share, CRLF, a field more; repeated pairs.
  /// Seeded: the same files on every run.
  @Test(arguments: [UInt64(11), 12, 13])
  func onRowsThatMostlyEndAsTheRowBefore(seed: UInt64) {
    // With odd rows (some repeated, as a run of rows with one wrong
    // ending) the files do not load and the problems are compared;
    // without, every pair is listed once and they load (the records are).
    for odd in [0.03, 0] {
      let f = Self.mostlyRepeating(seed: seed, odd: odd)
      defer { f.remove() }
      compare(f.path, loads: odd == 0)
    }
  }

  static func mostlyRepeating(seed: UInt64, odd: Double) -> Fixture {
    var rng = SeededGenerator(seed: seed)
    func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    let long = "O123456789ABCDEFGH"
    let footprintCodes = ["E1", "E10", "E2", "E1234567890ABCDEF"]
    let orgCodes = (0..<298).map { "O\($0)" } + [long, "O1-x"]
    let footprints = ["code,name,region"] + footprintCodes.map { "\($0),\($0) name,North" }
    let organisations = ["code,name,kind"] + orgCodes.map { "\($0),\($0) body,ccg" }
    let oddOrg = ["\"O5\"", " O5", "O5 ", "Z9", "E1", "", "O0123"]
    let oddFootprint = ["\"E1\"", "E1 ", "E", "E100", "O1", "", "e1"]
    let stanceWords = ["aligned", "conditional", "refused", "dissenting", "unknown"]
    let oddStance = ["Aligned", " refused", "maybe", "\"aligned\"", ""]
    let dates = ["", "2016-10-01", "2017-03", "2018", "2016/17"]
    let oddDates = ["2016-13-01", "01/02/2017", "\"2016\"", "2016-10-01 "]
    let endings = [
      ",src,illustrative", ",,reported", "note,src,", "\"a, b\",src,illustrative", ",\"say \"\"no\"\"\",reported",
      ",,",
    ]
    let oddEndings = [
      ",\u{01}bell,reported", ",a~b,reported", ",src,sometimes", ",src", ",src,reported,extra", ", src,reported",
      ",\"two\nlines\",reported", ",\(String(repeating: "n", count: 10_001)),reported",
    ]
    let shares = ["1", "", "0.25"]
    let oddShares = ["1.5", "x", " 0.5", "\"1\"", "1,extra", "0"]
    func lineEnd() -> String { chance(0.02) ? "\r\n" : "\n" }
    // Every organisation in every footprint, each pair once.
    var memberRows = ["org,footprint,share\n"]
    var share = shares[0]
    for i in 0..<(orgCodes.count * footprintCodes.count) {
      if chance(0.05) { share = chance(10 * odd) ? pick(oddShares) : pick(shares) }
      let org = chance(odd) ? pick(oddOrg) : orgCodes[i % orgCodes.count]
      let fp = chance(odd) ? pick(oddFootprint) : footprintCodes[i / orgCodes.count]
      memberRows.append("\(org),\(fp),\(chance(odd) ? pick(oddShares) : share)\(lineEnd())")
    }
    // A stance for each pair on each of the dates, in turn (so no pair has
    // two on one day unless a row is odd).
    var stanceRows = ["org,footprint,stance,as_of,note,source,basis\n"]
    var ending = endings[0]
    for i in 0..<4000 {
      if chance(0.05) { ending = chance(10 * odd) ? pick(oddEndings) : pick(endings) }
      let pair = i % (orgCodes.count * footprintCodes.count)
      let org = chance(odd) ? pick(oddOrg) : orgCodes[pair % orgCodes.count]
      let fp = chance(odd) ? pick(oddFootprint) : footprintCodes[pair / orgCodes.count]
      let date = chance(odd) ? pick(oddDates) : dates[i / (orgCodes.count * footprintCodes.count)]
      let end = chance(odd) ? pick(oddEndings) : ending
      stanceRows.append("\(org),\(fp),\(chance(odd) ? pick(oddStance) : pick(stanceWords)),\(date),\(end)\(lineEnd())")
    }
    let f = Fixture([
      "footprints.csv": footprints.joined(separator: "\n") + "\n",
      "organisations.csv": organisations.joined(separator: "\n") + "\n",
      "memberships.csv": memberRows.joined(),
      "finance.csv": "entity,year,scenario,gbp_m\n",
    ])
    // `~` stands for a byte that is not UTF-8 (a source the plain parser
    // takes, and the text check then reports, on every row that has it).
    let bytes = stanceRows.joined().utf8.map { $0 == UInt8(ascii: "~") ? 0xFF : $0 }
    _ = FileManager.default.createFile(atPath: f.path + "/alignment.csv", contents: Data(bytes))
    return f
  }
}
