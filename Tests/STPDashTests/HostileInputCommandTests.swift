import DashModel
import Foundation
import Testing

@testable import STPDash

/// The hostile-input cases as a user meets them: the real binary, its exit
/// status, what reaches the terminal, and how much memory it takes. The
/// numbers are the cases of the hostile-input review.
@Suite("Hostile input: the commands", .serialized)
struct HostileInputCommandTests {
  /// Bytes that act on a terminal: ESC, BEL, CSI as a C1 control (UTF-8
  /// C2 9B), and the right-to-left override (E2 80 AE).
  func terminalActions(_ bytes: [UInt8]) -> [String] {
    var found: [String] = []
    for (i, b) in bytes.enumerated() {
      if b == 0x1B { found.append("ESC at \(i)") }
      if b == 0x07 { found.append("BEL at \(i)") }
      if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { found.append("C1 at \(i)") }
      if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0xAA...0xAE).contains(bytes[i + 2]) {
        found.append("direction override at \(i)")
      }
    }
    return found
  }

  func assertSafe(_ r: Binary.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = terminalActions(Array(r.out.utf8)) + terminalActions(Array(r.err.utf8))
    #expect(found.isEmpty, "\(what): \(found.prefix(3)) in\n\(r.out)\(r.err)", sourceLocation: sourceLocation)
  }

  /// `timeout` around stpdash: a hang is a failure, not a stuck test run.
  func runBounded(_ args: [String], seconds: Int = 30) throws -> Binary.Result {
    try Binary.runProgram("/usr/bin/timeout", ["-s", "KILL", String(seconds), Binary.path] + args)
  }

  // 1. A figure of 1.7e308 once crashed the chart (exit 132).
  @Test func anAbsurdFigureIsRefusedByEveryCommandWithItsLine() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let finance = try d.read("finance.csv")
    let changed = finance.replacingOccurrences(
      of: "\nE38000001,2015/16,do_nothing,4.1,", with: "\nE38000001,2015/16,do_nothing,1.7e308,")
    try #require(changed != finance)
    try d.write("finance.csv", changed)
    let v = try runBounded(["validate", "--data", d.path])
    #expect(v.status == 1)
    #expect(
      v.out.contains(
        "finance.csv:2: gbp_m \"1.7e308\" is not a plausible figure in £ million (more than 10,000,000 either way)"),
      "\(v.out)\(v.err)")
    for command in [["trajectory", "West Yorkshire"], ["league"], ["footprint", "E54000005"]] {
      let r = try runBounded(command + ["--data", d.path])
      #expect(r.status == 1, "\(command): exit \(r.status)")
      #expect(r.err.contains("finance.csv:2: gbp_m \"1.7e308\""), "\(command): \(r.err)")
    }
  }

  // 1, 2. The chart itself never trusts its figures: infinity, NaN and
  // sums past any axis once trapped or looped forever.
  @Test(.timeLimit(.minutes(1)), arguments: [Double.infinity, -Double.infinity, .nan, 1.7e308, -1e308])
  func theChartDrawsAroundFiguresNoAxisCanHold(_ bad: Double) {
    var points = Trajectory.empty.points
    for year in FinancialYear.all {
      points[Scenario.doNothing.rawValue][year.index] = TrajectoryPoint(
        value: year.index == 3 ? bad : Double(100 + year.index * 10), origin: .members, illustrative: false)
      points[Scenario.plan.rawValue][year.index] = TrajectoryPoint(
        value: year.index == 4 ? bad : 50, origin: .members, illustrative: false)
    }
    let t = Trajectory(points: points)
    if !bad.isFinite {
      #expect(t.planBalanceYear == nil, "no balance is claimed from a figure that is not one")
    }
    var buf = Buffer(width: 80, height: 20)
    TrajectoryChart(trajectory: t).render(
      into: &buf, area: buf.area, theme: Theme(.full), glyphs: Glyphs(unicode: true))
    let text = (0..<buf.height).map { y in (0..<buf.width).map { buf[$0, y].symbol }.joined() }.joined(separator: "\n")
    // The finite figures (50 to 150) still set the axis, and both lines are drawn.
    #expect(text.contains("150│") && text.contains("  0│"), "\(text)")
    #expect(text.contains("do-nothing") && text.contains("plan") && text.contains("balance"), "\(text)")
    #expect(TrajectoryChart.niceStep(range: .infinity, maxTicks: 5) == 1)
    #expect(TrajectoryChart.niceStep(range: .nan, maxTicks: 5) == 1)
  }

  // 3. One population of Int.max once crashed `league` (the sum overflowed).
  @Test func anAbsurdPopulationIsRefused() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let fps = try d.read("footprints.csv")
    let changed = fps.replacingOccurrences(of: ",2445000,", with: ",9223372036854775807,")
    try #require(changed != fps)
    try d.write("footprints.csv", changed)
    let r = try runBounded(["league", "--data", d.path])
    #expect(r.status == 1, "exit \(r.status)")
    #expect(
      r.err.contains(
        "footprints.csv:2: population \"9223372036854775807\" is more than any footprint's (at most 100,000,000)"),
      "\(r.err)")
  }

  // 5. A FIFO in place of a data file or the journal once blocked forever.
  @Test func aFIFOInPlaceOfAnyFileIsRefusedAtOnce() throws {
    let d = try DataCopy()
    defer { d.remove() }
    unlink(d.path + "/memberships.csv")
    #expect(mkfifo(d.path + "/memberships.csv", 0o600) == 0)
    let v = try runBounded(["validate", "--data", d.path])
    #expect(v.status == 1, "exit \(v.status) (137 is a hang killed)")
    #expect(v.out.contains("memberships.csv: cannot be read: not a regular file"), "\(v.out)")
    unlink(d.path + "/memberships.csv")
    try FileManager.default.copyItem(
      atPath: Binary.repoRoot.path + "/sample-data/memberships.csv", toPath: d.path + "/memberships.csv")
    #expect(mkfifo(d.path + "/flags.csv", 0o600) == 0)
    let league = try runBounded(["league", "--data", d.path])
    #expect(league.status == 0, "the data still loads: exit \(league.status)")
    #expect(league.err.contains("flags not read: \(d.path)/flags.csv: not a regular file"), "\(league.err)")
    let flag = try runBounded(["flag", "E09000009", "--footprint", "E54000027", "--reason", "r", "--data", d.path])
    #expect(flag.status == 1, "exit \(flag.status)")
    #expect(flag.err.contains("not saved"), "\(flag.err)")
  }

  // 7. Names once reached the terminal raw in "saved:" lines and errors.
  @Test func namesNeverActOnTheTerminalOnAnyPath() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let evil = "Ealing\u{1B}]0;owned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m\u{202E}"
    let orgs = try d.read("organisations.csv")
    let changedOrgs = orgs.replacingOccurrences(of: "E09000009,Ealing,", with: "E09000009,\"\(evil)\",")
    try #require(changedOrgs != orgs)
    try d.write("organisations.csv", changedOrgs)
    let fps = try d.read("footprints.csv")
    let changedFps = fps.replacingOccurrences(of: "North West London,", with: "\"North West \u{1B}[2JLondon\",")
    try #require(changedFps != fps)
    try d.write("footprints.csv", changedFps)
    let data = ["--data", d.path]
    let runs: [(String, [String])] = [
      ("flag", ["flag", "E09000009", "--footprint", "E54000027", "--reason", "Silent \u{1B}]0;x\u{07}"]),
      ("flags", ["flags"]), ("flags csv", ["flags", "--format", "csv"]), ("flags json", ["flags", "--format", "json"]),
      ("org", ["org", "E09000009"]), ("org csv", ["org", "E09000009", "--format", "csv"]),
      ("footprint", ["footprint", "E54000027"]), ("footprint csv", ["footprint", "E54000027", "--format", "csv"]),
      ("league csv", ["league", "--format", "csv"]), ("trajectory", ["trajectory", "E54000027"]),
      ("ambiguous footprint", ["footprint", "London"]), ("ambiguous organisation", ["org", "Ealing"]),
      ("not a member", ["flag", "E09000009", "--footprint", "E54000005", "--reason", "r"]),
      ("unflag", ["unflag", "E09000009", "--footprint", "E54000027"]),
      ("not flagged", ["unflag", "E09000009", "--footprint", "E54000027"]),
    ]
    for (what, args) in runs {
      let r = try Binary.run(args + data)
      assertSafe(r, what)
      #expect(
        r.status
          == (["ambiguous footprint", "ambiguous organisation", "not a member", "not flagged"].contains(what) ? 1 : 0),
        "\(what)")
    }
    let saved = try Binary.run(["flag", "E09000009", "--footprint", "E54000027", "--reason", "again"] + data)
    #expect(
      saved.out.hasPrefix(
        "saved: Ealing^[]0;owned^G^[]52;c;ZXZpbA==^G<U+009B>31m<U+202E> flagged in North West ^[[2JLondon"),
      "\(saved.out)")
  }

  // 8. A code with a CSI or a direction override passed `validate`.
  @Test func aCodeWithAControlOrDirectionCharacterIsRefused() throws {
    let d = try DataCopy()
    defer { d.remove() }
    try d.append("organisations.csv", "E0\u{202E}9,Mirror CCG,ccg,\nE1\u{9B}2J,CSI CCG,ccg,\n")
    let r = try Binary.run(["validate", "--data", d.path])
    #expect(r.status == 1)
    #expect(
      r.out.contains(
        "organisations.csv:500: code \"E0<U+202E>9\" contains a space, control, formatting or direction character"),
      "\(r.out)")
    #expect(r.out.contains("organisations.csv:501: code \"E1<U+009B>2J\""), "\(r.out)")
    assertSafe(r, "validate")
  }

  // 9. A journal in another column order: "saved", then skipped as corrupt.
  @Test func aFlagSavedToAReorderedJournalIsThereWhenReadBack() throws {
    let d = try DataCopy()
    defer { d.remove() }
    try d.write("flags.csv", "org,footprint,event,time,reason,author,team\n")
    let flag = try Binary.run(
      ["flag", "E09000009", "--footprint", "E54000027", "--reason", "Will not sign", "--data", d.path])
    #expect(flag.status == 0 && flag.err.isEmpty, "\(flag.err)")
    let list = try Binary.run(["flags", "--format", "csv", "--data", d.path])
    #expect(list.err.isEmpty, "\(list.err)")
    #expect(csvRecords(list.out).dropFirst().map { $0[0...1] } == [["flag", "E09000009"]])
    #expect(try d.read("flags.csv").hasPrefix("org,footprint,event,time,reason,author,team\nE09000009,E54000027,flag,"))
  }

  // 10. A journal of garbage once printed every line (692 MB) and took 1.6 GB.
  @Test func aGarbageJournalGivesAShortWarningAndLittleMemory() throws {
    let d = try DataCopy()
    defer { d.remove() }
    var garbage = Array((FlagJournal.header + "\n").utf8)
    garbage.reserveCapacity(32 << 20)
    var i = 0
    while garbage.count < 30 << 20 {
      garbage += Array("garbage \(i), no sense\n".utf8)
      i += 1
    }
    try Data(garbage).write(to: URL(fileURLWithPath: d.path + "/flags.csv"))
    let r = try Binary.runMeasured(["league", "--format", "csv", "--data", d.path])
    #expect(r.status == 0)
    #expect(r.err.count < 4_000, "warnings are summarised: \(r.err.count) bytes")
    #expect(r.errText.contains("… and \(NumberFormat.grouped(i - 10)) more unreadable lines"), "\(r.errText)")
    #expect(r.peakKiB > 1_000, "the peak was measured")
    #expect(r.peakKiB < (Sanitizer.active ? 300_000 : 150_000), "peak memory \(r.peakKiB) KiB for a 30 MB journal")
  }

  // 11. One 20 MB line of commas once took gigabytes before it was reported.
  @Test func aLineOfMillionsOfCommasIsOneMessageInLittleMemory() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: d.path + "/organisations.csv"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(repeating: UInt8(ascii: ","), count: 20 << 20) + Data([0x0A]))
    try handle.close()
    let r = try Binary.runMeasured(["validate", "--data", d.path])
    #expect(r.status == 1)
    #expect(
      String(decoding: r.out, as: UTF8.self).contains(
        "organisations.csv:500: expected 4 fields as in the header, found 20,971,521"),
      "\(String(decoding: r.out, as: UTF8.self))")
    #expect(r.peakKiB > 1_000, "the peak was measured")
    // The release build peaks at about 41 MB here (BENCHMARKS.md); a
    // sanitizer's shadow memory adds a multiple of what is touched.
    let bound = Sanitizer.active ? 400_000 : 200_000
    #expect(r.peakKiB < bound, "peak memory \(r.peakKiB) KiB for one 20 MB line")
  }

  // 12. Invalid UTF-8 was silently replaced.
  @Test func invalidUTF8IsNamedWithFileAndLine() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: d.path + "/organisations.csv"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("X1,Latin-1 caf".utf8) + Data([0xE9]) + Data(",ccg,\n".utf8))
    try handle.close()
    let r = try Binary.run(["validate", "--data", d.path])
    #expect(r.status == 1)
    #expect(
      r.out.contains(
        "organisations.csv:500: name is not valid UTF-8 (byte 0xE9 at position 12 of the cell); save the file as UTF-8"),
      "\(r.out)")
  }

  // 13. `flag` once appended through a symbolic link to any file.
  @Test func aJournalThatIsASymbolicLinkIsNeverFollowed() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let target = d.path + "/someone-elses-file"
    try "precious\n".write(toFile: target, atomically: false, encoding: .utf8)
    #expect(symlink(target, d.path + "/flags.csv") == 0)
    let r = try Binary.run(["flag", "E09000009", "--footprint", "E54000027", "--reason", "r", "--data", d.path])
    #expect(r.status == 1)
    #expect(r.err.contains("not saved: cannot write \(d.path)/flags.csv: it is not an ordinary file"), "\(r.err)")
    #expect(r.err.contains("give the real file with --flags"))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n", "the link's target is untouched")
    let list = try Binary.run(["flags", "--data", d.path])
    #expect(list.err.contains("a symbolic link, which is not followed for the flag journal"), "\(list.err)")
  }

  // 14. Exit codes: what the README promises, command by command.
  @Test func everyCommandExitsAsTheReadmeSays() throws {
    let readme = try String(contentsOfFile: Binary.repoRoot.path + "/README.md", encoding: .utf8)
    #expect(
      readme.contains(
        "Exit codes: 0 success; 1 data problems or a failed command (or the\ndashboard left with flag changes unsaved, which it then prints); 2 no\nterminal, an unknown `TERM` or one that cannot move the cursor, for the\ndashboard; 64 a usage error; 74 the output could not be written"
      ))
    let broken = BrokenData.make()
    defer { try? FileManager.default.removeItem(atPath: broken) }
    let cases: [([String], Int32)] = [
      (["league"], 0), (["validate"], 0), (["org", "E09000009"], 0), (["flags"], 0), (["--help"], 0),
      (["validate", "--data", broken], 1), (["league", "--data", broken], 1),
      (["league", "--data", "/nonexistent"], 1),
      (["org", "NOPE"], 1), (["footprint", "London"], 1), (["trajectory", "nowhere"], 1),
      ([], 2), (["dashboard"], 2),
      (["league", "--delivery", "-500"], 64), (["org", "E09000009", "--delivery", "99999999999999"], 64),
      (["trajectory", "--delivery", "151"], 64), (["footprint", "E54000027", "--delivery", "x"], 64),
      (["league", "--sort", "nope"], 64), (["league", "--region", "Mars"], 64), (["nope"], 64),
      (["flag", "E09000009", "--footprint", "E54000027"], 64),
    ]
    for (args, expected) in cases {
      let r = try Binary.run(args)
      #expect(r.status == expected, "stpdash \(args.joined(separator: " ")): exit \(r.status)\n\(r.err)")
    }
  }

  @Test func withNoDataDirectoryToFindTheExitIsOne() throws {
    // A copy of the binary outside the repository, run from /: nothing to find.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-bin-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Copied by cp, not in this process: a copy open for writing here could be
    // inherited by a test running a program at the same moment, and then it
    // could not be run ("text file busy").
    #expect(try Binary.runProgram("/bin/cp", [Binary.path, dir + "/stpdash"]).status == 0)
    let r = try Binary.runProgram("/usr/bin/env", ["-u", "STPDASH_DATA", "-C", "/", dir + "/stpdash", "league"])
    #expect(r.status == 1)
    #expect(r.err.contains("no data directory found: pass --data DIR"), "\(r.err)")
  }

  @Test func flagFromReadsAPipe() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let script =
      "\(Tmux.quote(Binary.path)) flag --data \(Tmux.quote(d.path)) --from <(printf 'org,footprint,reason\\nE09000009,E54000027,piped\\n')"
    let r = try Binary.runProgram("/bin/bash", ["-c", script])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("saved 1 flag"), "\(r.out)")
    let h = try FlagJournal(path: d.path + "/flags.csv").read().get()
    #expect(h.events.map(\.reason) == ["piped"])
  }
}

enum BrokenData {
  /// A data directory with one error in it.
  static func make() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-broken-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for name in ["footprints.csv", "organisations.csv", "memberships.csv", "finance.csv", "alignment.csv"] {
      try? FileManager.default.copyItem(
        atPath: Binary.repoRoot.path + "/sample-data/" + name, toPath: dir + "/" + name)
    }
    if let handle = FileHandle(forWritingAtPath: dir + "/finance.csv") {
      _ = try? handle.seekToEnd()
      try? handle.write(contentsOf: Data("E38000001,2016/17,plan,12x,,\n".utf8))
      try? handle.close()
    }
    return dir
  }
}

/// The dashboard side: a FIFO or a file cut short appearing before `r`.
@Suite("Hostile input: the dashboard", .serialized)
struct HostileInputDashboardTests {
  // 4, 5. `r` once froze on a FIFO (deaf to q and Ctrl-C) or lost the session.
  @Test func aFIFOInPlaceOfADataFileAtReloadIsRefusedAndTheSessionKept() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(d.path)"))
    // Something to lose: the delivery setting moved off its default.
    t.send("-")
    #expect(t.waitFor("90%"), "\(t.capture())")
    unlink(d.path + "/finance.csv")
    #expect(mkfifo(d.path + "/finance.csv", 0o600) == 0)
    t.send("r")
    #expect(t.waitFor("reload failed, still showing the old data: finance.csv: cannot be read"), "\(t.capture())")
    let screen = t.capture()
    #expect(
      screen.contains("North West London") && screen.contains("90%"), "the old data and settings stay:\n\(screen)")
    t.send("q")
    #expect(t.waitFor("EXIT=0"), "q still quits:\n\(t.capture())")
  }
}
