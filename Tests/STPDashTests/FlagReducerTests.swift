import DashModel
import Foundation
import Testing

@testable import STPDash

@Suite("Flagging in the dashboard")
struct FlagReducerTests {
  let nwl = AppFixture.footprint("E54000027")
  let ealing = AppFixture.organisation("E09000009")

  /// The footprint screen of North West London with Ealing council selected.
  func onEaling() -> AppState {
    var s = AppFixture.state()
    AppFixture.send(&s, [.enter] + AppFixture.typed("/ealing") + [.enter, .char("n")])
    return s
  }

  func draft(_ s: inout AppState, reason: String) -> [Effect] {
    AppFixture.send(&s, [.char("f")] + AppFixture.typed(reason))
    return Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
  }

  @Test func fAsksWhyAndEnterSaves() {
    var s = onEaling()
    #expect(s.members.list.selected == AppFixture.dataset.membership(org: ealing, footprint: nwl))
    AppFixture.send(&s, [.char("f")])
    #expect(s.input == TextInput(purpose: .flagReason(org: ealing, footprint: nwl)))
    #expect(AppView.render(s).lines.last?.contains("Why is Ealing not cooperating with North West London?") == true)
    AppFixture.send(&s, AppFixture.typed("Blocks the A&E plan"))
    let effects = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
    #expect(
      effects == [
        .saveFlags(
          [
            FlagDraft(
              kind: .flag, org: "E09000009", footprint: "E54000027", reason: "Blocks the A&E plan", author: "tester",
              time: nil)
          ], journalPath: s.session.journalPath)
      ])
    #expect(s.input == nil)
    #expect(s.notice == nil, "nothing says saved before the save is done")
  }

  @Test func anEmptyReasonIsRefusedAndEscCancels() {
    var s = onEaling()
    let effects = draft(&s, reason: "   ")
    #expect(effects.isEmpty)
    #expect(s.input != nil, "still asking")
    #expect(s.notice?.kind == .error)
    AppFixture.send(&s, [.escape])
    #expect(s.input == nil)
    #expect(s.notice?.text == "flag cancelled, nothing saved")
  }

  @Test func savedOnlyAfterTheSaveAndShownEverywhere() {
    var s = onEaling()
    let e = FlagEvent(
      kind: .flag, org: "E09000009", footprint: "E54000027", reason: "Blocks", author: "tester",
      time: "2026-11-22T10:00:00Z")
    _ = Reducer.reduce(&s, .flagSaved([e], nil), at: AppFixture.time)
    #expect(s.notice == Notice(text: "saved: Ealing flagged in North West London", kind: .ok))
    #expect(s.derived.flagSet.contains(org: ealing, footprint: nwl))
    #expect(s.derived.visible.first { $0.footprint == nwl }?.flagged == 1)
    #expect(s.derived.activeFlags == [e])
    #expect(s.session.pending.isEmpty)
    #expect(AppView.render(s).lines.contains { $0.hasPrefix(" Ealing ") && $0.contains("⚑") })
  }

  @Test func aFailedSaveKeepsTheFlagUnsavedUntilWRetries() {
    var s = onEaling()
    let e = FlagEvent(
      kind: .flag, org: "E09000009", footprint: "E54000027", reason: "Blocks", author: "tester",
      time: "2026-11-22T10:00:00Z")
    _ = Reducer.reduce(
      &s, .flagSaved([e], FlagSaveError(path: "/data/flags.csv", code: EACCES, step: "open")), at: AppFixture.time)
    #expect(s.session.pending == [e])
    #expect(s.derived.flagSet.contains(org: ealing, footprint: nwl), "the flag is kept in memory and shown")
    #expect(s.notice?.kind == .error)
    #expect(
      s.notice?.text
        == "NOT SAVED: flags.csv is read-only here (Permission denied); kept in memory (1 unsaved), w retries")
    let screen = AppView.render(s).lines
    #expect(screen.last?.contains("1 UNSAVED: w retries") == true)
    #expect(screen.contains { $0.hasPrefix(" Ealing ") && $0.contains("⚑!") })
    AppFixture.send(&s, [.char("j")])
    #expect(s.notice?.kind == .error, "the failure stays on screen while moving about")
    AppFixture.send(&s, [.escape])
    #expect(s.notice == nil && s.route.count == 2, "Esc dismisses the error before going back")
    let retry = Reducer.reduce(&s, .keyPressed(.char("w")), at: AppFixture.time)
    #expect(
      retry == [
        .saveFlags(
          [
            FlagDraft(
              kind: .flag, org: "E09000009", footprint: "E54000027", reason: "Blocks", author: "tester",
              time: "2026-11-22T10:00:00Z")
          ], journalPath: s.session.journalPath)
      ], "the retry keeps the original time")
    _ = Reducer.reduce(&s, .flagSaved([e], nil), at: AppFixture.time)
    #expect(s.session.pending.isEmpty)
    #expect(s.session.saved.events == [e])
    #expect(s.notice?.kind == .ok)
  }

  @Test func aReloadThatFailsKeepsUnsavedFlagsAndTheDelivery() {
    // A data file cut short or replaced by a FIFO under a running session:
    // the reload fails, and nothing the user had is lost.
    var s = onEaling()
    let e = FlagEvent(
      kind: .flag, org: "E09000009", footprint: "E54000027", reason: "Blocks", author: "tester",
      time: "2026-11-22T10:00:00Z")
    _ = Reducer.reduce(
      &s, .flagSaved([e], FlagSaveError(path: "/data/flags.csv", code: ENOSPC, step: "write")), at: AppFixture.time)
    AppFixture.send(&s, [.char("-")])
    let delivery = s.delivery
    for message in [
      "finance.csv: the file changed while it was being read (it is shorter than when it was opened); load it again",
      "finance.csv: cannot be read: not a regular file (a FIFO, device or socket); STPDash reads only ordinary files",
    ] {
      _ = Reducer.reduce(&s, .dataReloaded(.failure(ReloadFailure(message: message))), at: AppFixture.time)
      #expect(s.session.pending == [e], "the unsaved flag is still there")
      #expect(s.derived.flagSet.contains(org: ealing, footprint: nwl))
      #expect(s.delivery == delivery)
      #expect(s.notice?.kind == .error && s.notice?.text.contains("finance.csv") == true)
    }
  }

  @Test func uUnflagsOnlyWhatIsFlagged() {
    var s = onEaling()
    AppFixture.send(&s, [.char("u")])
    #expect(s.notice?.text == "Ealing is not flagged here")
    let e = FlagEvent(
      kind: .flag, org: "E09000009", footprint: "E54000027", reason: "Blocks", author: "x", time: "2026-11-22T10:00:00Z"
    )
    _ = Reducer.reduce(&s, .flagSaved([e], nil), at: AppFixture.time)
    #expect(Reducer.reduce(&s, .keyPressed(.char("u")), at: AppFixture.time).isEmpty, "u asks first")
    let effects = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
    #expect(
      effects == [
        .saveFlags(
          [
            FlagDraft(kind: .unflag, org: "E09000009", footprint: "E54000027", reason: "", author: "tester", time: nil)
          ], journalPath: s.session.journalPath)
      ])
  }

  @Test func flagsFromAnotherProcessAppearAfterReload() {
    var s = onEaling()
    let other = FlagEvent(
      kind: .flag, org: "RYJ", footprint: "E54000027", reason: "theirs", author: "ben", time: "2026-11-22T11:00:00Z")
    let fresh = Session(
      directory: "sample-data", dataset: AppFixture.dataset, journalPath: s.session.journalPath,
      saved: FlagHistory(events: [other]))
    _ = Reducer.reduce(&s, .dataReloaded(.success(fresh)), at: AppFixture.time)
    #expect(s.derived.activeFlags == [other])
    #expect(s.route == [.league, .footprint(nwl)], "the screen stays where it was")
    #expect(s.notice?.kind == .ok)
  }

  @Test func aNewerFlagFromAReloadLeavesTheSelectionAndUOnTheSameFlag() {
    var s = AppFixture.state(flags: AppFixture.someFlags)
    AppFixture.send(&s, [.char("4"), .char("j")])
    let before = s.activeFlag(key: s.flagsList.selected)
    #expect(before?.org == "E09000009", "the second newest flag: Ealing's")
    let newer = FlagEvent(
      kind: .flag, org: "RYJ", footprint: "E54000027", reason: "newest", author: "ben", time: "2026-11-22T11:00:00Z")
    let fresh = Session(
      directory: "sample-data", dataset: AppFixture.dataset, journalPath: s.session.journalPath,
      saved: FlagHistory(events: AppFixture.someFlags + [newer]))
    _ = Reducer.reduce(&s, .dataReloaded(.success(fresh)), at: AppFixture.time)
    #expect(s.derived.activeFlags.first == newer, "the new flag is listed first")
    #expect(s.activeFlag(key: s.flagsList.selected) == before, "the highlight stays on Ealing's flag")
    #expect(Reducer.reduce(&s, .keyPressed(.char("u")), at: AppFixture.time).isEmpty, "u asks first")
    let effects = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
    #expect(
      effects == [
        .saveFlags(
          [FlagDraft(kind: .unflag, org: "E09000009", footprint: "E54000027", reason: "", author: "tester", time: nil)],
          journalPath: s.session.journalPath)
      ], "u unflags the flag that is highlighted")
  }

  @Test func theWholeLoopWritesTheJournal() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-loop-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let journal = dir + "/flags.csv"
    let state = AppFixture.state(journalPath: journal)
    let keys: [Key] =
      [.enter] + AppFixture.typed("/ealing") + [.enter, .char("n"), .char("f")] + AppFixture.typed("Blocks the plan")
      + [.enter]
    let terminal = MemoryTerminal(size: Size(width: 100, height: 30), events: keys.map { .key($0) })
    var runner = EffectRunner()
    runner.now = { "2026-11-22T12:00:00Z" }
    let program = Program(state: state, terminal: terminal, effects: runner)
    program.run()
    let h = try FlagJournal(path: journal).read().get()
    #expect(
      h.events == [
        FlagEvent(
          kind: .flag, org: "E09000009", footprint: "E54000027", reason: "Blocks the plan", author: "tester",
          time: "2026-11-22T12:00:00Z", line: 2)
      ])
    #expect(terminal.screen?.lines.last?.contains("saved: Ealing flagged in North West London") == true)
  }
}
