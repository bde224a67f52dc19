import DashModel
import Foundation
import Testing

/// Flagging in the real dashboard, read back from the screen and the file.
@Suite("Flags end to end under tmux", .serialized)
struct FlagEndToEndTests {
  /// From the league: open North West London and select Ealing council.

  @Test func flagQuitRestartSeeItThenUnflag() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(d.path)"))
    t.selectEaling()
    t.send("f")
    #expect(t.waitFor("Why is Ealing not cooperating with North West London?"), "\(t.capture())")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "Blocks the A&E downgrade plan"])
    t.send("Enter")
    #expect(t.waitFor("saved: Ealing flagged in North West London"), "\(t.capture())")
    t.send("q")
    #expect(t.waitFor("EXIT=0"))

    // A new run reads the flag back from disk (afresh: not where the last one was left).
    t.run("clear; \(Binary.path) --data \(d.path) --fresh; echo EXIT=$?")
    #expect(t.waitFor("1 League"))
    let league = t.capture().split(separator: "\n").first { $0.contains("North West London") } ?? ""
    #expect(league.contains("    1 "), "the league counts one flag:\n\(league)")
    t.selectEaling()
    let row = t.capture().split(separator: "\n").first { $0.hasPrefix(" Ealing ") } ?? ""
    #expect(row.contains("⚑"), "the member row carries the flag:\n\(row)")
    t.send("4")
    #expect(t.waitFor("Blocks the A&E downgrade plan"), "the flags screen lists it:\n\(t.capture())")
    t.send("u")
    #expect(t.waitFor("Unflag Ealing in North West London?"), "u asks first:\n\(t.capture())")
    t.send("Enter")
    #expect(t.waitFor("saved: Ealing unflagged in North West London"), "\(t.capture())")
    #expect(t.waitFor("No active flags"))
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
    let h = try FlagJournal(path: d.path + "/flags.csv").read().get()
    #expect(h.events.map(\.kind) == [.flag, .unflag])
    #expect(h.events.first?.reason == "Blocks the A&E downgrade plan")
    #expect(h.problems.isEmpty)
  }

  @Test func readOnlyDirectoryKeepsTheFlagUnsavedUntilWSucceeds() throws {
    // As root, permissions do not bind: the dashboard is run as an ordinary
    // user through setpriv, which must then be there (it is in util-linux).
    try #require(
      getuid() != 0 || access("/usr/bin/setpriv", X_OK) == 0,
      "running as root needs /usr/bin/setpriv to test a read-only directory")
    let d = try DataCopy()
    defer { d.remove() }
    chmod(d.path, 0o555)
    let t = try Tmux()
    let runAs = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
    t.run("\(runAs)\(Binary.path) --data \(d.path); echo EXIT=$?")
    #expect(t.waitFor("1 League"), "\(t.capture())")
    t.selectEaling()
    t.send("f")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "No engagement"])
    t.send("Enter")
    #expect(t.waitFor("NOT SAVED"), "\(t.capture())")
    let screen = t.capture()
    #expect(screen.contains("1 UNSAVED: w retries"))
    #expect(screen.contains("read-only"))
    #expect(
      screen.split(separator: "\n").contains { $0.hasPrefix(" Ealing ") && $0.contains("⚑!") }, "shown, marked unsaved")
    #expect(!FileManager.default.fileExists(atPath: d.path + "/flags.csv"))
    chmod(d.path, 0o777)
    t.send("w")
    #expect(t.waitFor("saved: Ealing flagged in North West London"), "\(t.capture())")
    #expect(!t.capture().contains("UNSAVED"))
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
    let h = try FlagJournal(path: d.path + "/flags.csv").read().get()
    #expect(h.events.map(\.reason) == ["No engagement"])
  }

  @Test func anotherProcessesFlagAppearsWithoutAKeyAndRStillReloads() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(d.path)"))
    t.send("4")
    #expect(t.waitFor("No active flags"))
    let r = try Binary.run([
      "flag", "RYJ", "--footprint", "E54000027", "--reason", "Flagged elsewhere", "--data", d.path,
    ])
    #expect(r.status == 0)
    #expect(t.waitFor("Flagged elsewhere"), "seen without a key:\n\(t.capture())")
    t.send("r")
    #expect(t.waitFor("reloaded"), "\(t.capture())")
    #expect(t.capture().contains("Flagged elsewhere"))
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }
}
