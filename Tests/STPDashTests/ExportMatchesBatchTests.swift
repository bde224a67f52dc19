import DashModel
import Foundation
import Testing

@testable import STPDash

/// `e` on every screen writes byte for byte what the batch command prints
/// with `--format csv` or `--format json` for the same view and settings.
@Suite("e writes what the batch command prints")
struct ExportMatchesBatchTests {
  /// What `e` would write to `x.csv` and `x.json` on the state's screen.
  func exported(_ state: AppState) throws -> (csv: String, json: String) {
    var s = state
    _ = Reducer.reduce(&s, .keyPressed(.char("e")), at: AppFixture.time)
    var forms: [String] = []
    for name in ["x.csv", "x.json"] {
      var t = s
      t.input?.text = name
      guard
        case .writeExport(let path, let text, _, _)? = Reducer.reduce(&t, .keyPressed(.enter), at: AppFixture.time)
          .first
      else {
        Issue.record("e then Enter writes an export")
        return ("", "")
      }
      #expect(path == name)
      forms.append(text)
    }
    return (forms[0], forms[1])
  }

  /// Compares `e`'s two forms with the command's.
  func expectSame(_ state: AppState, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let e = try exported(state)
    for (format, text) in [("csv", e.csv), ("json", e.json)] {
      let r = try Binary.run(args + ["--format", format])
      #expect(r.status == 0, "\(args) --format \(format): \(r.err)", sourceLocation: sourceLocation)
      #expect(!text.isEmpty, sourceLocation: sourceLocation)
      if r.out != text {
        let a = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record(
          "\(args.joined(separator: " ")) --format \(format) differs from e at line \(i + 1):\n  printed: \(i < a.count ? String(a[i]) : "<end>")\n  e wrote: \(i < b.count ? String(b[i]) : "<end>")",
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test func league() throws {
    var s = AppFixture.state()
    // Plans at 70 %, sorted by plan gap, London only, a filter.
    AppFixture.send(&s, [.char("-"), .char("-"), .char("-"), .char("s"), .char("R"), .char("R"), .char("R")])
    AppFixture.send(&s, [.char("\\")] + AppFixture.typed("!pivotal") + [.enter])
    #expect(s.league.region == .london && s.league.sort == .plan && s.delivery.percent == 70)
    try expectSame(
      s, ["league", "--sort", "plan", "--region", "London", "--delivery", "70", "--filter", "!pivotal"])
  }

  @Test func organisations() throws {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("5"), .char("\\")] + AppFixture.typed("kind:council") + [.enter])
    try expectSame(s, ["orgs", "--filter", "kind:council"])
    AppFixture.send(&s, [.char("D")])
    try expectSame(s, ["orgs", "--filter", "kind:council", "--delivery", "observed"])
  }

  @Test func regions() throws {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("7"), .char("+")])
    try expectSame(s, ["regions", "--delivery", "110"])
  }

  @Test func map() throws {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("R"), .char("6"), .char("s")])
    try expectSame(s, ["map", "--region", "North", "--metric", s.mapMetric.key])
  }

  @Test func footprintWithAnAssumedRefusal() throws {
    var s = AppFixture.state()
    AppFixture.send(&s, [.enter, .char("j"), .char("x")])
    let assumed = try #require(s.assumed.first.map { AppFixture.dataset.organisations[$0].code })
    #expect(s.screen == .footprint(AppFixture.footprint("E54000027")))
    try expectSame(s, ["footprint", "E54000027", "--assume-refusing", assumed])
    AppFixture.send(&s, [.char("s"), .char("s"), .char("i")])
    let sort = s.members.sort.key
    try expectSame(
      s,
      [
        "footprint", "E54000027", "--assume-refusing", assumed, "--sort", sort,
        s.members.ascending ? "--asc" : "--desc",
      ])
  }

  @Test func organisation() throws {
    var s = AppFixture.state()
    AppFixture.send(&s, [.enter, .enter])
    guard case .organisation(let o, _) = s.screen else {
      Issue.record("Enter on a member opens the organisation")
      return
    }
    try expectSame(s, ["org", AppFixture.dataset.organisations[o].code])
  }

  @Test func trajectory() throws {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("2"), .char("-")])
    try expectSame(s, ["trajectory", "E54000027", "--delivery", "90"])
    AppFixture.send(&s, [.char("E")])
    try expectSame(s, ["trajectory", "--delivery", "90"])
  }

  @Test func flags() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let journal = dir.appendingPathComponent("flags.csv").path
    try FlagJournal(path: journal).append(AppFixture.someFlags)
    var s = AppFixture.state(flags: AppFixture.someFlags, journalPath: journal)
    AppFixture.send(&s, [.char("4")])
    try expectSame(s, ["flags", "--flags", journal])
    AppFixture.send(&s, [.char("\\")] + AppFixture.typed("footprint:north-west") + [.enter])
    try expectSame(s, ["flags", "--flags", journal, "--filter", "footprint:north-west"])
  }
}

/// A long league's CSV is printed in pieces of whole records as it is
/// made; joined, they are exactly the CSV made whole.
@Suite("The league's CSV in pieces")
struct CSVPiecesTests {
  @Test func piecesJoinedAreTheWholeCSVAndEachEndsARecord() {
    var report = AppFixture.state().leagueReport
    // 44 footprints forty times over: 1,760 records, four blocks of two halves.
    report.rows = Array(repeating: report.rows, count: 40).flatMap { $0 }
    var pieces: [String] = []
    report.csv { pieces.append($0) }
    let whole = report.csv()
    #expect(pieces.count >= 5, "\(pieces.count) pieces")
    #expect(pieces.joined() == whole)
    #expect(pieces.first?.hasPrefix("rank,code,name") == true)
    for piece in pieces {
      // Whole records, and never more than a block's half of them.
      #expect(piece.hasSuffix("\r\n") && piece.split(separator: "\r\n").count <= 512)
    }
    #expect(whole.split(separator: "\r\n").count == 1 + report.rows.count)
  }
}
