import DashModel
import Foundation
import Testing

/// The third round of hostile input as a user meets it: the real binary,
/// its exit status, its messages, the files it leaves, and (under tmux)
/// what reaches the terminal. Every run is bounded by `timeout`, so what
/// once froze for a minute fails here instead of hanging the suite.
@Suite("Hostile input, round 3: the commands and the dashboard", .serialized)
struct HostileRound3CommandTests {
  func bounded(_ args: [String], seconds: Int = 20) throws -> Binary.Result {
    try Binary.runProgram("/usr/bin/timeout", ["-s", "KILL", String(seconds), Binary.path] + args)
  }

  func shell(_ script: String) throws -> Binary.Result { try Binary.runProgram("/bin/sh", ["-c", script]) }

  @Test func outputThatCannotBeWrittenFailsWithAMessage() throws {
    let full = try shell("\(Binary.path) league > /dev/full")
    #expect(full.status == 74, "exit \(full.status)")
    #expect(full.err.contains("cannot write the output: No space left on device"), "\(full.err)")
    let closed = try shell("\(Binary.path) league >&-")
    #expect(closed.status == 74 && closed.err.contains("standard output is closed"), "\(closed.err)")
  }

  /// ThreadSanitizer keeps its own files, which a file-size limit breaks
  /// (it dies of SIGBUS before the program runs): these cases run in the
  /// plain and AddressSanitizer builds.
  static let fileSizeLimitsWork = ProcessInfo.processInfo.environment["TSAN_OPTIONS"] == nil

  @Test(.enabled(if: fileSizeLimitsWork, "ThreadSanitizer cannot run under a file-size limit"))
  func outputCutByAFileSizeLimitFailsWithAMessage() throws {
    // A file-size limit cuts a 77 KB table at 16 KB: said, not exit 0.
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-cut-\(UUID().uuidString)").path
    defer { unlink(out) }
    let cut = try shell("ulimit -f 16; \(Binary.path) orgs --format csv > \(out)")
    #expect(cut.status == 74, "exit \(cut.status): \(cut.err)")
    #expect(cut.err.contains("cannot write the output: File too large"), "\(cut.err)")
  }

  @Test func aJournalHeaderLongerThan4KBLosesNothing() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let long = String(repeating: "n", count: 5000)
    try d.write("flags.csv", "event,org,footprint,reason,author,time,\(long)\n")
    let r = try bounded(["flag", "E09000009", "--footprint", "E54000027", "--reason", "kept", "--data", d.path])
    #expect(r.status == 0, "\(r.out)\(r.err)")
    let h = try FlagJournal(path: d.path + "/flags.csv").read().get()
    #expect(h.events.map(\.reason) == ["kept"] && h.problems.isEmpty, "\(h.problems)")
    let flags = try bounded(["flags", "--format", "csv", "--data", d.path])
    #expect(flags.out.contains("kept"), "\(flags.out)\(flags.err)")
  }

  @Test func aFlagAimedAtADataFileIsRefusedAndTheFileUnchanged() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let before = try d.read("footprints.csv")
    let r = try bounded([
      "flag", "E09000009", "--footprint", "E54000027", "--reason", "x", "--data", d.path, "--flags",
      d.path + "/footprints.csv",
    ])
    #expect(r.status != 0)
    #expect(r.err.contains("not a flag journal"), "\(r.err)")
    #expect(try d.read("footprints.csv") == before)
    #expect(try bounded(["league", "--data", d.path]).status == 0, "the data still loads")
  }

  @Test func reasonsAreStoredExactly() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let reason = "  two spaces either side  "
    let r = try bounded(["flag", "E09000009", "--footprint", "E54000027", "--reason", reason, "--data", d.path])
    #expect(r.status == 0, "\(r.err)")
    #expect(try FlagJournal(path: d.path + "/flags.csv").read().get().events.map(\.reason) == [reason])
    let blank = try bounded(["flag", "E09000009", "--footprint", "E54000027", "--reason", "   ", "--data", d.path])
    #expect(blank.status != 0, "a reason of spaces says nothing")
  }

  @Test func aStreamThatNeverEndsIsRefused() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let r = try bounded(["flag", "--from", "/dev/zero", "--data", d.path], seconds: 30)
    #expect(r.status == 1, "exit \(r.status)")
    #expect(r.err.contains("larger than 64 MB"), "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: d.path + "/flags.csv"))
  }

  @Test func aMegabyteReasonAndFarApartHexesAnswerAtOnce() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let reason = String(repeating: "x", count: 1_000_000)
    try d.write(
      "flags.csv",
      "event,org,footprint,reason,author,time\nflag,E09000009,E54000027,\(reason),ann,2016-08-26T09:30:00Z\n")
    // Once 24.5 s; killed after 10 here.
    let org = try bounded(["org", "E09000009", "--data", d.path], seconds: 10)
    #expect(org.status == 0, "exit \(org.status)")
    #expect(org.out.contains("1,000,000 bytes in all"), "the reason says it goes on")
    #expect(org.out.utf8.count < 20_000, "\(org.out.utf8.count) bytes")
    // Hexes 2,000 apart: once 118 s.
    let hexes = try String(
      contentsOfFile: Binary.repoRoot.appendingPathComponent("sample-data/hexmap.csv").path, encoding: .utf8)
    var lines = hexes.split(separator: "\n").map(String.init)
    for i in 1..<lines.count {
      var f = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      f[1] = String(i % 2 == 0 ? 1000 - i : -1000)
      f[2] = String(-1000 + i * 37)
      lines[i] = f.joined(separator: ",")
    }
    try d.write("hexmap.csv", lines.joined(separator: "\n") + "\n")
    let map = try bounded(["map", "--data", d.path], seconds: 10)
    #expect(map.status == 0, "exit \(map.status): \(map.err)")
    #expect(map.out.contains("empty columns and rows closed up"))
    #expect(map.out.split(separator: "\n").count < 200)
  }

  @Test func usageErrorsNeverEchoEscapes() throws {
    let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}"
    for args in [
      ["league", "--region", hostile], ["league", "--sort", hostile], ["map", "--metric", hostile],
      ["orgs", "--kind", hostile], ["orgs", "--stance", hostile], ["trajectory", "--refusing", hostile],
      ["league", "--delivery", hostile],
    ] {
      let r = try bounded(args)
      #expect(r.status == 64, "\(args): exit \(r.status)")
      #expect(!r.err.contains("\u{1B}") && !r.err.contains("\u{07}"), "\(args): \(r.err.debugDescription)")
    }
  }

  @Test func namesAndCodesAreComparedInOneNormalForm() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let decomposed = "Eale\u{301}ing"  // é as e + combining acute
    try d.write(
      "organisations.csv", try d.read("organisations.csv").replacingOccurrences(of: ",Ealing,", with: ",\(decomposed),")
    )
    let typed = try bounded(["org", "Ealéing", "--data", d.path])
    #expect(typed.status == 0, "the composed form finds the decomposed name: \(typed.err)")
    // Two codes equal after normalisation are one code, so an error.
    let e = try DataCopy()
    defer { e.remove() }
    try e.append(
      "organisations.csv", "X\u{E9}1,First,council,test\nXe\u{301}1,Second,council,test\n")
    let v = try bounded(["validate", "--data", e.path])
    #expect(v.status == 1, "\(v.out)")
    #expect(v.out.contains("duplicate code") && v.out.contains("NFC"), "\(v.out)")
  }

  @Test func aFlagInANameKeepsTheTextTablesColumns() throws {
    // Two flags take four columns, as XXXX does: the table must be the
    // same with either, or a figure lands under another heading.
    func league(_ name: String) throws -> String {
      let d = try DataCopy()
      defer { d.remove() }
      try d.write(
        "footprints.csv",
        try d.read("footprints.csv").replacingOccurrences(
          of: "E54000005,West Yorkshire,", with: "E54000005,\(name) West,"))
      let r = try bounded(["league", "--data", d.path], seconds: 20)
      #expect(r.status == 0, "\(r.err)")
      return r.out
    }
    let flags = try league("🇬🇧🇫🇷")
    let plain = try league("XXXX")
    #expect(flags.contains("🇬🇧🇫🇷 West"))
    #expect(flags.replacingOccurrences(of: "🇬🇧🇫🇷", with: "XXXX") == plain, "\(flags)\n\(plain)")
  }

  @Test(.enabled(if: fileSizeLimitsWork, "ThreadSanitizer cannot run under a file-size limit"))
  func anExportCutByAFileSizeLimitLeavesNothingAndSaysWhy() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let t = try Tmux()
    // 16 KB at most per file: the organisations' export (77 KB) cannot fit.
    t.run("cd \(d.path) && ulimit -f 16 && \(Binary.path) --data \(d.path) --fresh")
    #expect(t.waitFor("1 League"), "\(t.capture())")
    t.send("5")
    #expect(t.waitFor("Organisations"), "\(t.capture())")
    t.send("e", "C-u")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "big.csv"])
    t.send("Enter")
    #expect(t.waitFor("cannot write big.csv: File too large"), "\(t.capture())")
    #expect(!t.capture().contains("Success"))
    let left = try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.contains("big") }
    #expect(left.isEmpty, "no partial file, no temporary file: \(left)")
  }

  // Under tmux: pastes, odd keys, graphemes, a FIFO where an export goes.
  @Test func theDashboardTakesPastesAsTextAndOddKeysWithoutQuitting() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(d.path) --fresh"))
    t.selectEaling()
    t.send("f")
    #expect(t.waitFor("not cooperating"), "\(t.capture())")
    let paste = d.path + "-paste.txt"
    defer { unlink(paste) }
    try "first line\nS\ne\n%50\n".write(toFile: paste, atomically: true, encoding: .utf8)
    _ = try t.tmux(["load-buffer", paste])
    _ = try t.tmux(["paste-buffer", "-p", "-t", t.target])
    #expect(t.waitFor("first line S e %50"), "the paste is one line of the reason:\n\(t.capture())")
    t.send("Enter")
    #expect(t.waitFor("saved"), "\(t.capture())")
    let h = try FlagJournal(path: d.path + "/flags.csv").read().get()
    #expect(h.events.map(\.reason) == ["first line S e %50 "])
    #expect(!t.capture().contains("delivery 50%"), "no line of the paste ran as keys")
    for _ in 0..<3 { _ = try t.tmux(["send-keys", "-t", t.target, "-H", "e9"]) }
    expectNotUTF8Named(t)
    t.send("j")
    #expect(!t.capture().contains(Tmux.promptText), "still running:\n\(t.capture())")
    // An export aimed at a FIFO is refused at once; keys still work.
    #expect(mkfifo(d.path + "/pipe.csv", 0o644) == 0)
    t.send("Escape", "Escape", "e", "C-u")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", d.path + "/pipe.csv"])
    t.send("Enter")
    #expect(t.waitFor("not an ordinary file"), "\(t.capture())")
  }

  // Bytes that are not UTF-8, in the same write as a key before them, come
  // in while that key is handled and are read without a wait: they are
  // still named, and keys after them still work.
  @Test func brokenBytesRightAfterAKeyAreNamed() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(d.path) --fresh"))
    _ = try t.tmux(["send-keys", "-t", t.target, "-H", "6a", "e9", "e9", "e9"])
    expectNotUTF8Named(t)
    t.send("5")
    #expect(t.waitFor("Organisations"), "\(t.capture())")
  }

  /// The notice that bytes were not UTF-8, read in the message log (M),
  /// which keeps it however soon another message takes the status line (a
  /// slow build may show one after it); the log closed again. ncurses
  /// decodes a broken sequence together with the byte after it when both
  /// arrive in one read (a slow build reads them so), so an M sent right
  /// after the bytes can go with them: it is sent again until the log is open.
  private func expectNotUTF8Named(_ t: Tmux) {
    var opened = false
    for _ in 0..<3 where !opened {
      t.send("M")
      opened = t.waitFor("Messages, newest first", timeout: 8)
    }
    #expect(opened, "\(t.capture())")
    #expect(t.waitFor("ignored a key that is not UTF-8"), "\(t.capture())")
    t.send("Escape")
    #expect(t.waitGone("Messages, newest first"), "\(t.capture())")
  }

  @Test func graphemesReachTheTerminalWhole() throws {
    let d = try DataCopy()
    defer { d.remove() }
    try d.write(
      "footprints.csv",
      try d.read("footprints.csv").replacingOccurrences(
        of: "E54000005,West Yorkshire,", with: "E54000005,WY 🇬🇧🇫🇷 👨‍👩‍👧‍👦 👍🏽,"))
    let raw = d.path + "-raw.out"
    defer { unlink(raw) }
    let t = try Tmux(width: 200, height: 30)
    _ = try t.tmux(["pipe-pane", "-o", "-t", t.target, "cat >> \(raw)"])
    #expect(t.startDashboard(" --data \(d.path) --fresh"))
    #expect(t.waitFor("WY "), "\(t.capture())")
    let ok = t.wait { _ in
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: raw))) ?? Data()
      return ["🇬🇧", "🇫🇷", "👨‍👩‍👧‍👦", "👍🏽"].allSatisfy { bytes.range(of: Data($0.utf8)) != nil }
    }
    #expect(ok, "every grapheme whole in the bytes sent")
    let bytes = (try? Data(contentsOf: URL(fileURLWithPath: raw))) ?? Data()
    #expect(bytes.range(of: Data("🇬🇫".utf8)) == nil, "never half of one flag and half of the next")
  }
}
