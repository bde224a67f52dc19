import Foundation
import Testing

@testable import DashModel
@testable import STPDash

/// The third round of hostile input, in the model and the reducer: prompts
/// that cannot grow without end, pastes that are text and never keys, keys
/// that are not UTF-8, exports written whole or not at all, undo that never
/// removes a colleague's change, and text measured by graphemes.
@Suite("Hostile input, round 3: prompts, pastes, exports, undo, text")
struct HostileRound3Tests {
  // Prompts hold a bounded amount of text, typed or pasted.
  @Test func everyPromptStopsAtItsLimitAndSaysSo() {
    for opener in [Key.char(":"), .char("/"), .char("\\")] {
      var s = AppFixture.state()
      AppFixture.send(&s, [opener])
      let limit = s.input?.purpose.limit ?? 0
      #expect(limit > 0 && limit <= 2000, "\(opener)")
      // Typed ahead to the limit, then key by key: each further key is refused.
      _ = Reducer.reduce(&s, .typed(String(repeating: "x", count: limit - 2)), at: AppFixture.time)
      AppFixture.send(&s, AppFixture.typed(String(repeating: "x", count: 10)))
      #expect(s.input?.text.utf8.count == limit, "\(opener): \(s.input?.text.utf8.count ?? -1)")
      #expect(s.notice?.text.contains("the prompt is full") == true, "\(opener): \(s.notice?.text ?? "")")
      let status = AppView.render(s).lines.last ?? ""
      #expect(status.contains("[full]"), "the prompt line says it is full: \(status)")
      // Pasted whole: the same limit, cut at a character, never inside one.
      var p = AppFixture.state()
      AppFixture.send(&p, [opener])
      _ = Reducer.reduce(&p, .pasted(String(repeating: "é", count: 100_000)), at: AppFixture.time)
      let text = p.input?.text ?? ""
      #expect(text.utf8.count <= limit && text.utf8.count > limit - 2, "\(opener): \(text.utf8.count)")
      #expect(text.allSatisfy { $0 == "é" })
    }
  }

  @Test func aMultiLinePasteIsOneReasonAndRunsNoCommand() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.enter, .char("j"), .char("f")])
    guard case .flagReason? = s.input?.purpose else {
      Issue.record("f opens the reason prompt")
      return
    }
    let sort = s.league.sort
    let effects = Reducer.reduce(&s, .pasted("first line\nS\ne\n%50\n"), at: AppFixture.time)
    #expect(effects.isEmpty, "a paste saves nothing and exports nothing")
    #expect(s.input?.text == "first line S e %50 ", "line breaks become spaces: \(s.input?.text ?? "")")
    #expect(s.league.sort == sort && s.delivery == AppFixture.state().delivery, "nothing ran as a key")
    // Enter then saves the whole reason, exactly as it stands.
    guard case .saveFlags(let drafts, _)? = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time).first else {
      Issue.record("Enter saves")
      return
    }
    #expect(drafts.first?.reason == "first line S e %50 ")
  }

  @Test func aPasteWithNoPromptOpenIsIgnoredNotRunAsKeys() {
    var s = AppFixture.state()
    let before = s.screen
    _ = Reducer.reduce(&s, .pasted("q2jjje"), at: AppFixture.time)
    #expect(s.screen == before && !s.quit && s.overlay == nil)
    #expect(s.notice?.text.hasPrefix("paste ignored") == true)
  }

  @Test func typedAheadTextInAPromptActsOnce() {
    var one = AppFixture.state()
    AppFixture.send(&one, [.char("/")] + AppFixture.typed("york"))
    var run = AppFixture.state()
    AppFixture.send(&run, [.char("/")])
    _ = Reducer.reduce(&run, .typed("york"), at: AppFixture.time)
    #expect(run.input == one.input && run.league.list.selected == one.league.list.selected)
  }

  @Test func keysThatAreNotUTF8AreIgnoredAndNeverQuit() {
    var s = AppFixture.state()
    for _ in 0..<3 { _ = Reducer.reduce(&s, .undecodableKey, at: AppFixture.time) }
    #expect(!s.quit)
    #expect(s.notice?.text.contains("not UTF-8") == true)
  }

  // Exports: the overwrite question is about one name.
  @Test func overwritingOneNameDoesNotOverwriteAnother() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("e")])
    _ = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
    _ = Reducer.reduce(
      &s, .exported(.failure(ExportFailure(message: "exists", existing: "a.csv"))), at: AppFixture.time)
    AppFixture.send(&s, [.ctrl("u")] + AppFixture.typed("b.csv"))
    guard
      case .writeExport(let path, _, _, let overwrite)? = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
        .first
    else {
      Issue.record("Enter writes")
      return
    }
    #expect(path == "b.csv" && !overwrite, "b.csv is asked about in its turn")
  }

  @Test func anExportIsWholeOrAbsentAndNeverOpensAFIFO() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-export-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let runner = EffectRunner(exportDirectory: dir)
    // A FIFO nobody reads: refused at once (the old open() blocked here).
    #expect(mkfifo(dir + "/pipe.csv", 0o644) == 0)
    let fifo = runner.writeExport(path: "pipe.csv", text: "a,b\n", rows: 1, overwrite: true)
    guard case .failure(let f) = fifo else {
      Issue.record("a FIFO is not written")
      return
    }
    #expect(
      f.message
        == "pipe.csv is not an ordinary file (a FIFO, device, folder or link): nothing written; give another name",
      "\(f.message)")
    // Written whole, no temporary file left beside it.
    let ok = runner.writeExport(path: "a.csv", text: "x,y\n1,2\n", rows: 1, overwrite: false)
    #expect(ok == .success(ExportDone(path: "a.csv", rows: 1)))
    #expect(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8) == "x,y\n1,2\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.csv", "pipe.csv"])
    // Not over an existing file unless asked, and then whole.
    if case .failure(let e) = runner.writeExport(path: "a.csv", text: "new\n", rows: 1, overwrite: false) {
      #expect(e.existing == "a.csv")
    } else {
      Issue.record("an existing file is asked about")
    }
    _ = runner.writeExport(path: "a.csv", text: "new\n", rows: 1, overwrite: true)
    #expect(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8) == "new\n")
  }

  @Test func aFailedWriteReportsTheSystemsReasonNotSuccess() throws {
    // /dev/full takes no byte: the write fails with ENOSPC. A temporary file
    // there cannot be made, so the writer is tried on its own descriptor.
    let fd = open("/dev/full", O_WRONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    #expect(SafeFile.writeAll(fd, "abc") == ENOSPC)
    let message = SafeFile.failure("big.csv", ENOSPC).message
    #expect(message.hasPrefix("cannot write big.csv: No space left on device"), "\(message)")
    #expect(!message.contains("Success"))
  }

  @Test func savedSettingsThatCannotBeWrittenSayWhyInWords() throws {
    let settings = SavedSettings(AppFixture.state())
    let message = settings.write(path: "/proc/stpdash-cannot/settings.json") ?? ""
    #expect(!message.isEmpty && !message.contains("Cocoa") && !message.contains("userInfo"), "\(message)")
    #expect(message.hasPrefix("cannot write /proc/stpdash-cannot"), "\(message)")
  }

  // y guards formulas as the CSV export does; numbers stay numbers.
  @Test func copiedTextIsGuardedAgainstFormulas() {
    for text in ["=HYPERLINK(\"http://x\",\"y\")", " =1+1", "\u{A0}=1+1", "+1", "@SUM(A1)", "\u{FF1D}1+1"] {
      #expect(Copying.field(text).hasPrefix("'"), "\(text.debugDescription) → \(Copying.field(text))")
    }
    #expect(Copying.field("plain") == "plain")
    var s = AppFixture.state()
    guard case .copy(let tsv)? = Reducer.reduce(&s, .keyPressed(.char("y")), at: AppFixture.time).first else {
      Issue.record("y copies")
      return
    }
    #expect(!tsv.contains("\t'-") && !tsv.contains("\t'1"), "numbers are not guarded as text: \(tsv)")
  }

  // Undo only what this session left.
  @Test func undoKeepsAColleaguesNewerFlag() {
    let org = "E09000009"
    let fp = "E54000027"
    var s = AppFixture.state()
    _ = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
    s.undoable = [
      (FlagDraft(kind: .flag, org: org, footprint: fp, reason: "mine", author: "tester", time: nil), nil)
    ]
    let mine = FlagEvent(
      kind: .flag, org: org, footprint: fp, reason: "mine", author: "tester", time: "2026-12-03T09:00:00Z")
    let theirs = FlagEvent(
      kind: .flag, org: org, footprint: fp, reason: "theirs, newer", author: "colleague", time: "2026-12-03T09:05:00Z")
    s.session.saved = FlagHistory(events: [mine, theirs])
    s.session.flagsRevision += 1
    s.derive()
    let effects = Flagging.undo(&s)
    #expect(effects.isEmpty, "nothing is written")
    #expect(
      s.notice?.text.contains("not undone") == true && s.notice?.text.contains("colleague") == true,
      "\(s.notice?.text ?? "")")
    // With the body as this session left it, undo goes ahead.
    var t = AppFixture.state()
    t.undoable = [
      (FlagDraft(kind: .flag, org: org, footprint: fp, reason: "mine", author: "tester", time: nil), nil)
    ]
    t.session.saved = FlagHistory(events: [mine])
    t.session.flagsRevision += 1
    t.derive()
    guard case .saveFlags(let drafts, _)? = Flagging.undo(&t).first else {
      Issue.record("undo writes the opposite")
      return
    }
    #expect(drafts.first?.kind == .unflag)
  }

  @Test func liveUpdatesThatCannotStartSaySo() {
    let terminal = MemoryTerminal(size: Size(width: 100, height: 30), events: [.key(.char("q"))])
    terminal.watchFailure = "the system's limit of file watchers is reached (fs.inotify.max_user_instances)"
    let program = Program(state: AppFixture.state(), terminal: terminal, effects: EffectRunner())
    program.run()
    let screen = terminal.frames.first.map { $0.lines.joined(separator: "\n") } ?? ""
    #expect(screen.contains("live updates off"), "\(screen)")
    #expect(program.state.messages.entries.contains { $0.text.contains("max_user_instances") })
  }

  // Text: long reasons cost their length once; the unknown said as unknown.
  @Test func aMegabyteReasonWrapsToAFewLinesSayingItGoesOn() {
    let lines = DetailLine.wrap(String(repeating: "x", count: 1_000_000), width: 80)
    #expect(lines.count == DetailLine.maxLines + 1)
    #expect(lines.last?.contains("1,000,000 bytes in all") == true)
    #expect(lines.dropLast().allSatisfy { DisplayWidth.width(of: $0) <= 80 })
    #expect(DetailLine.wrap("a few words that fit", width: 80) == ["a few words that fit"])
  }

  @Test func noPlanFiguresIsSaidAsNotKnown() {
    let unknown = TrajectoryPoint(value: nil, origin: .none, illustrative: false)
    let t = Trajectory(
      points: Array(
        repeating: Array(repeating: unknown, count: FinancialYear.all.count), count: Scenario.allCases.count))
    let sentence = TrajectoryPresenter.balance(t)
    #expect(sentence.contains("not known") && !sentence.contains("does not reach"), "\(sentence)")
  }

  @Test func farApartHexesAreDrawnAtTheSizeOfTheirHexes() {
    let hexes = (0..<44).map { i in
      HexCell(footprint: FootprintID(i), q: i % 2 == 0 ? 1000 - i : -1000, r: -1000 + i * 37, label: "H\(i)")
    }
    #expect(MapPresenter.closesGaps(hexes))
    let placed = MapPresenter.place(hexes, cellWidth: 6, rowHeight: 2)
    #expect(placed.width < 6 * 50 && placed.height <= 2 * 44, "\(placed.width)×\(placed.height)")
    #expect(Set(placed.cells.map { "\($0.x),\($0.y)" }).count == 44, "no two hexes in one place")
  }

  // Graphemes: a flag is two columns and one cell, never half of it.
  @Test func flagsAndSequencesAreOneCellOfTheirWidth() {
    #expect(DisplayWidth.width(of: "🇬🇧🇫🇷") == 4)
    #expect(DisplayWidth.width(of: "👨‍👩‍👧‍👦") == 2)
    #expect(DisplayWidth.width(of: "👍🏽") == 2)
    var b = Buffer(width: 10, height: 1)
    b.put("🇬🇧🇫🇷👍🏽", x: 0, y: 0)
    #expect(b[0, 0].symbol == "🇬🇧" && b[2, 0].symbol == "🇫🇷" && b[4, 0].symbol == "👍🏽")
    setlocale(LC_CTYPE, "C.UTF-8")
    #expect(!NcursesTerminal.fitsOneCell("🇬🇧") && !NcursesTerminal.fitsOneCell("👨‍👩‍👧‍👦"))
    #expect(NcursesTerminal.fitsOneCell("é") && NcursesTerminal.fitsOneCell("e\u{301}"))
    // A text table keeps its columns with a flag in a name.
    let cut = DisplayWidth.pad("UK 🇬🇧🇫🇷 and more", to: 8)
    #expect(
      DisplayWidth.width(of: cut) == 8 && !cut.unicodeScalars.contains { $0.value == 0x1F1EB && !cut.contains("🇫🇷") })
  }
}
