import Foundation
import Testing

@testable import DashModel

@Suite("Flag journal")
struct FlagJournalTests {
  func tempPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("flags-\(UUID().uuidString).csv").path
  }

  func event(
    _ kind: FlagEvent.Kind = .flag, org: String = "E09000009", fp: String = "E54000027", reason: String = "r",
    time: String = "2016-09-01T09:00:00Z"
  ) -> FlagEvent {
    FlagEvent(kind: kind, org: org, footprint: fp, reason: reason, author: "ana", time: time)
  }

  func read(_ path: String) throws -> FlagHistory { try FlagJournal(path: path).read().get() }

  @Test func appendThenReadBackRoundTrips() throws {
    let path = tempPath()
    defer { unlink(path) }
    let j = FlagJournal(path: path)
    try j.append(event(reason: "Refuses, says \"no\", to sign"))
    try j.append(event(org: "RYJ", reason: "line one\nline two"))
    let h = try read(path)
    #expect(h.problems.isEmpty)
    #expect(h.events.count == 2)
    #expect(h.events[0].reason == "Refuses, says \"no\", to sign")
    #expect(h.events[1].reason == "line one\nline two", "a reason keeps its line break")
    #expect(h.events.map(\.line) == [2, 3])
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix(FlagJournal.header + "\n"))
  }

  @Test func aMissingFileIsAnEmptyHistory() throws {
    let h = try read("/nonexistent-dir/flags.csv")
    #expect(h.events.isEmpty && h.problems.isEmpty)
  }

  @Test func unflagEndsTheFlagAndKeepsTheHistory() throws {
    let path = tempPath()
    defer { unlink(path) }
    let j = FlagJournal(path: path)
    try j.append(event(time: "2016-09-01T09:00:00Z"))
    try j.append(event(.unflag, reason: "", time: "2016-10-01T09:00:00Z"))
    let h = try read(path)
    #expect(h.active().isEmpty)
    #expect(!h.isFlagged(FlagPair(org: "E09000009", footprint: "E54000027")))
    #expect(h.history(org: "E09000009").map(\.kind) == [.flag, .unflag])
    try j.append(event(reason: "again", time: "2016-11-01T09:00:00Z"))
    #expect(try read(path).active().map(\.reason) == ["again"], "the last event decides")
  }

  @Test func activeFlagsAreNewestFirstAndHistoryOldestFirst() throws {
    let path = tempPath()
    defer { unlink(path) }
    let j = FlagJournal(path: path)
    try j.append(event(org: "A", time: "2016-09-01T09:00:00Z"))
    try j.append(event(org: "B", time: "2016-11-01T09:00:00Z"))
    try j.append(event(org: "C", time: "2016-10-01T09:00:00Z"))
    try j.append(event(org: "A", reason: "updated", time: "2016-12-01T09:00:00Z"))
    let h = try read(path)
    #expect(h.active().map(\.org) == ["A", "B", "C"])
    #expect(h.active().first?.reason == "updated")
    #expect(h.events.map(\.org) == ["A", "B", "C", "A"], "file order")
  }

  @Test func aCorruptLineInTheMiddleIsReportedAndSkipped() throws {
    let path = tempPath()
    defer { unlink(path) }
    let good1 = FlagJournal.line(for: event(org: "A"))
    let good2 = FlagJournal.line(for: event(org: "B"))
    let text = FlagJournal.header + "\n" + good1 + "flag,\"unterminated,E54000027,why\n" + "garbage line\n" + good2
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let h = try read(path)
    #expect(h.events.map(\.org) == ["A", "B"], "the lines around it still count")
    #expect(h.problems.map(\.line) == [3, 4])
    #expect(h.problems.allSatisfy { $0.message.hasPrefix("corrupt line skipped") })
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "reading never rewrites the file")
  }

  /// A first record with a line break inside a quoted name is not a
  /// journal's header: the file is refused as not a journal, and its bytes
  /// read as a journal say why (found by the journal's fuzzing target).
  @Test func aHeaderSpanningLinesIsNotAJournalsHeader() throws {
    let path = tempPath()
    defer { unlink(path) }
    let text = FlagJournal.header + ",\"a name\nover two lines\"\n" + FlagJournal.line(for: event(org: "A"))
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    switch FlagJournal(path: path).read() {
    case .success: Issue.record("a file whose first line is not a journal's was read as one")
    case .failure(let e): #expect(e.notJournal)
    }
    let parsed = FlagJournal.parse(Array(text.utf8), fileName: "flags.csv")
    #expect(parsed.problems.first?.line == 1)
    #expect(parsed.problems.first?.message.contains("line break inside a quoted column name") == true)
  }

  @Test func aTornLastLineIsReportedSkippedAndNeverRewrittenAway() throws {
    let path = tempPath()
    defer { unlink(path) }
    let good = FlagJournal.line(for: event(org: "A"))
    let torn = "flag,B,E54000027,half a rea"
    try (FlagJournal.header + "\n" + good + torn).write(toFile: path, atomically: true, encoding: .utf8)
    var h = try read(path)
    #expect(h.events.map(\.org) == ["A"])
    #expect(h.problems.count == 1)
    #expect(h.problems.first?.line == 3)
    #expect(h.problems.first?.message.contains("incomplete") == true)
    // The next append starts on a fresh line; the fragment stays, reported.
    try FlagJournal(path: path).append(event(org: "C"))
    h = try read(path)
    #expect(h.events.map(\.org) == ["A", "C"])
    #expect(h.problems.map(\.line) == [3])
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains(torn + "\n"))
  }

  @Test func aFileWithoutItsHeaderStillReads() throws {
    let path = tempPath()
    defer { unlink(path) }
    try ("flag,E0,E5" + "\n" + FlagJournal.line(for: event(org: "A"))).write(
      toFile: path, atomically: true, encoding: .utf8)
    let h = try read(path)
    #expect(h.events.map(\.org) == ["A"])
    #expect(h.problems.count == 2, "the missing header and the short line are both reported")
  }

  @Test func aFullDiskIsAClearError() {
    // A real full disk is tested end to end (FlagCommandTests, on a tiny
    // tmpfs); here, the error the system gives is sorted and worded.
    let error = FlagSaveError(path: "/data/flags.csv", code: ENOSPC, step: "write")
    #expect(error.cause == .diskFull)
    #expect(error.description.contains("the disk is full"))
  }

  @Test func aDeviceALinkOrAFIFOIsNeverWrittenOrFollowed() throws {
    // A device (/dev/full), a symbolic link to a real file, a FIFO: refused.
    #expect(throws: FlagSaveError.self) { try FlagJournal(path: "/dev/full").append(event()) }
    let target = tempPath()
    let link = tempPath()
    defer {
      unlink(target)
      unlink(link)
    }
    try "".write(toFile: target, atomically: true, encoding: .utf8)
    #expect(symlink(target, link) == 0)
    do {
      try FlagJournal(path: link).append(event())
      Issue.record("a link was written through")
    } catch {
      #expect(error.cause == .notRegular)
      #expect(error.description.contains("not an ordinary file"))
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8).isEmpty, "the link's target is untouched")
    if case .failure(let e) = FlagJournal(path: link).read() {
      #expect(e.reason.contains("symbolic link"))
    } else {
      Issue.record("a link was read through")
    }
    let fifo = tempPath()
    defer { unlink(fifo) }
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(throws: FlagSaveError.self) { try FlagJournal(path: fifo).append(event()) }
    if case .failure(let e) = FlagJournal(path: fifo).read() {
      #expect(e.reason.contains("not a regular file"))
    } else {
      Issue.record("a FIFO was read (and could have hung)")
    }
  }

  @Test func anUnwritablePlaceIsAClearError() {
    do {
      try FlagJournal(path: "/nonexistent-dir/flags.csv").append(event())
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("cannot write /nonexistent-dir/flags.csv"))
    }
    let denied = FlagSaveError(path: "/data/flags.csv", code: EACCES, step: "open")
    #expect(denied.cause == .readOnly)
    #expect(denied.description == "cannot write /data/flags.csv: it is read-only here (Permission denied)")
  }

  @Test func threadsAppendingAtOnceLoseNothing() async throws {
    let path = tempPath()
    defer { unlink(path) }
    await withTaskGroup(of: Void.self) { group in
      for t in 0..<4 {
        group.addTask {
          for i in 0..<100 {
            try? FlagJournal(path: path).append(
              FlagEvent(
                kind: .flag, org: "T\(t)", footprint: "E1", reason: "n\(i)", author: "a", time: "2016-09-01T09:00:00Z"))
          }
        }
      }
    }
    let h = try read(path)
    #expect(h.problems.isEmpty)
    #expect(h.events.count == 400)
    for t in 0..<4 { #expect(h.events.filter { $0.org == "T\(t)" }.map(\.reason) == (0..<100).map { "n\($0)" }) }
  }

  @Test func timesAreUTCInISOForm() {
    #expect(UTCTime.isValid(UTCTime.now()))
    #expect(UTCTime.isValid("2016-08-26T09:30:00Z"))
    #expect(UTCTime.isValid("2016-08-26T09:30:00.123Z"))
    #expect(!UTCTime.isValid("2016-08-26 09:30:00"))
    #expect(!UTCTime.isValid("2016-02-30T09:30:00Z"))
    #expect(UTCTime.short("2016-08-26T09:30:00Z") == "2016-08-26 09:30")
  }
}

@Suite("Reasons that look like formulas")
struct FormulaGuardTests {
  @Test func aSpreadsheetCannotRunThemAndEveryTextComesBackExactly() {
    for reason in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''=x", "'plain", "'", "", "ok"] {
      let e = FlagEvent(
        kind: .flag, org: "O", footprint: "F", reason: reason.isEmpty ? "r" : reason, author: "=me",
        time: "2016-09-01T09:00:00Z")
      let line = FlagJournal.line(for: e)
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      for cell in [fields[3], fields[4]] {
        let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
        #expect(!["=", "+", "-", "@", "\t", "\r"].contains(text.first.map(String.init) ?? ""), "\(line)")
      }
      let back = FlagJournal.parse(Array(("event,org,footprint,reason,author,time\n" + line).utf8), fileName: "f")
      #expect(back.events.first?.reason == e.reason && back.events.first?.author == "=me", "\(reason)")
    }
  }
}
