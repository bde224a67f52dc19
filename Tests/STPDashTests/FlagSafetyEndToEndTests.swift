import DashModel
import Foundation
import Testing

/// Never losing a flag, undoing, seeing the team's flags live, and starting
/// where one left off: the real binary under tmux.
@Suite("End to end: flags are never lost, and the dashboard remembers", .serialized)
struct FlagSafetyEndToEndTests {

  @Test func quittingWithAnUnsavedFlagAsksThenPrintsItForImport() throws {
    try #require(
      getuid() != 0 || access("/usr/bin/setpriv", X_OK) == 0,
      "running as root needs /usr/bin/setpriv to test a read-only directory")
    let d = try DataCopy()
    defer { d.remove() }
    chmod(d.path, 0o555)
    let err = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-err-\(UUID().uuidString)").path
    defer { unlink(err) }
    let t = try Tmux()
    let runAs = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
    // Standard error into a file the unprivileged user may write.
    FileManager.default.createFile(atPath: err, contents: nil)
    chmod(err, 0o666)
    t.run("\(runAs)\(Binary.path) --data \(d.path) 2>\(err); echo EXIT=$?")
    #expect(t.waitFor("1 League"), "\(t.capture())")
    t.selectEaling()
    t.send("f")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "Blocks the downgrade, \"again\""])
    t.send("Enter")
    #expect(t.waitFor("1 UNSAVED"), "\(t.capture())")
    t.send("q")
    #expect(t.waitFor("q quits (printed"), "q asks, it does not quit:\n\(t.capture())")
    #expect(!t.capture().contains("EXIT="))
    t.send("Escape")
    #expect(t.waitFor("still here"), "Esc stays:\n\(t.capture())")
    t.send("q", "q")
    #expect(t.waitFor("EXIT=1"), "q again quits:\n\(t.capture())")
    let printed = try String(contentsOfFile: err, encoding: .utf8)
    #expect(printed.contains("stpdash flag --from FILE"), "\(printed)")
    // The lines from the header on are a file `stpdash flag --from` takes.
    let csv = try #require(printed.range(of: "event,org,footprint,reason,author,time\n")).lowerBound
    let importFile = d.path + "-import.csv"
    defer { unlink(importFile) }
    try String(printed[csv...]).components(separatedBy: "stpdash: exited")[0].write(
      toFile: importFile, atomically: true, encoding: .utf8)
    chmod(d.path, 0o755)
    let r = try Binary.run(["flag", "--from", importFile, "--data", d.path])
    #expect(r.status == 0, "\(r.out)\(r.err)")
    let h = try FlagJournal(path: d.path + "/flags.csv").read().get()
    #expect(h.events.map(\.reason) == ["Blocks the downgrade, \"again\""])
    #expect(h.events.first?.org == "E09000009")
  }

  @Test func unflagAsksAndZRestores() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let r = try Binary.run(["flag", "E09000009", "--footprint", "E54000027", "--reason", "first", "--data", d.path])
    #expect(r.status == 0)
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(d.path) --fresh"))
    t.send("4")
    #expect(t.waitFor("first"))
    t.send("u")
    #expect(t.waitFor("Unflag Ealing in North West London?"), "u asks:\n\(t.capture())")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "agreed"])
    t.send("Enter")
    #expect(t.waitFor("No active flags"), "\(t.capture())")
    t.send("z")
    #expect(t.wait { $0.contains("first") && !$0.contains("No active flags") }, "z restores it:\n\(t.capture())")
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
    let all = try Binary.run(["flags", "--all", "--format", "csv", "--data", d.path])
    let events = csvParse(all.out).dropFirst().map { $0[0] }
    #expect(events == ["flag", "unflag", "flag"], "\(all.out)")
  }

  @Test func aColleaguesFlagAppearsWithinTwoSecondsAndIdleCostsNothing() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(d.path) --fresh"))
    t.send("4")
    #expect(t.waitFor("No active flags"))
    let p = try #require(pid(matching: "stpdash --data \(d.path) --fresh"))
    let idle = try #require(idleTicks(pid: p, over: 3))
    #expect(idle <= 1, "idle before: \(idle) ticks")
    let r = try Binary.run(
      [
        "flag", "E09000009", "--footprint", "E54000027", "--reason", "from the other shell", "--author", "ana",
        "--data", d.path,
      ])
    #expect(r.status == 0)
    #expect(t.waitFor("1 new flag from ana", timeout: 2), "within two seconds, no key pressed:\n\(t.capture())")
    #expect(t.capture().contains("from the other shell"))
    let idleAfter = try #require(idleTicks(pid: p, over: 3))
    #expect(idleAfter <= 1, "idle after: \(idleAfter) ticks")
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }

  @Test func itStartsWhereItWasLeftUnlessFresh() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(d.path)"))
    t.send("s", "R", "-", "-")
    #expect(t.waitFor("plans at 80%"))
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
    t.run("clear; \(Binary.path) --data \(d.path); echo EXIT=$?")
    #expect(t.waitFor("sorted by Plan"), "as it was left:\n\(t.capture())")
    let screen = t.capture()
    #expect(screen.contains("North (R)") && screen.contains("plans at 80%"), "\(screen)")
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
    t.run("clear; \(Binary.path) --data \(d.path) --fresh; echo EXIT=$?")
    #expect(t.waitFor("sorted by Do-nothing"), "--fresh starts clean:\n\(t.capture())")
    #expect(t.capture().contains("all regions") && t.capture().contains("plans at 100%"))
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
    // A garbage settings file: a notice and a clean start.
    let state = try #require(t.environmentValue("XDG_STATE_HOME")) + "/stpdash"
    let files = try FileManager.default.contentsOfDirectory(atPath: state).filter { $0.hasSuffix(".json") }
    #expect(files.count == 1)
    try "{ not json \u{1B}[2J".write(toFile: state + "/" + files[0], atomically: true, encoding: .utf8)
    t.run("clear; \(Binary.path) --data \(d.path); echo EXIT=$?")
    #expect(t.waitFor("saved settings ignored"), "\(t.capture())")
    #expect(t.capture().contains("sorted by Do-nothing"))
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }
}
