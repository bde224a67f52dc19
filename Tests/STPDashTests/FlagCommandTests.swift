import DashModel
import Foundation
import TestSupport
import Testing

/// Flagging from the command line, including under concurrency, crashes and
/// unwritable places.
@Suite("Flag commands", .serialized)
struct FlagCommandTests {
  func history(_ path: String) throws -> FlagHistory { try FlagJournal(path: path).read().get() }

  /// A CSV of `n` flags for Ealing in North West London, reasons tagged.
  func rows(_ n: Int, tag: String) -> String {
    "org,footprint,reason\n" + (1...n).map { "E09000009,E54000027,\(tag)-\($0)" }.joined(separator: "\n") + "\n"
  }

  @Test func flagListUnflagAndHistory() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let flag = try Binary.run([
      "flag", "E09000009", "--footprint", "north west", "--reason", "Refuses to sign", "--author", "ana", "--data",
      d.path,
    ])
    #expect(flag.status == 0, "\(flag.err)")
    #expect(flag.out == "saved: Ealing flagged in North West London (\(d.path)/flags.csv)\n")
    let list = try Binary.run(["flags", "--format", "csv", "--data", d.path])
    let rows = csvRecords(list.out)
    #expect(rows.count == 2)
    #expect(rows[1].prefix(6) == ["flag", "E09000009", "Ealing", "E54000027", "North West London", "Refuses to sign"])
    #expect(rows[1][6] == "ana")
    let league = csvRecords(try Binary.run(["league", "--format", "csv", "--data", d.path]).out)
    let nwl = try #require(league.first { $0[1] == "E54000027" })
    let flagged = try #require(league[0].firstIndex(of: "flagged"))
    #expect(nwl[flagged] == "1", "the league counts the flag")
    let unflag = try Binary.run([
      "unflag", "E09000009", "--footprint", "E54000027", "--reason", "Signed after all", "--data", d.path,
    ])
    #expect(unflag.status == 0)
    #expect(try Binary.run(["flags", "--data", d.path]).out.contains("No active flags"))
    let all = csvRecords(try Binary.run(["flags", "--all", "--format", "csv", "--data", d.path]).out)
    #expect(all.dropFirst().map { $0[0] } == ["flag", "unflag"])
    let again = try Binary.run(["unflag", "E09000009", "--footprint", "E54000027", "--data", d.path])
    #expect(again.status == 1)
    #expect(again.err.contains("is not flagged in North West London"))
  }

  @Test func clearErrorsForBadFlags() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let unknown = try Binary.run(["flag", "XYZ", "--footprint", "E54000027", "--reason", "r", "--data", d.path])
    #expect(unknown.status == 1)
    #expect(unknown.err.contains("unknown organisation \"XYZ\""))
    let notMember = try Binary.run(["flag", "E09000009", "--footprint", "E54000005", "--reason", "r", "--data", d.path])
    #expect(notMember.status == 1)
    #expect(
      notMember.err.contains(
        "Ealing (E09000009) is not a member of West Yorkshire (E54000005); it is a member of E54000027"))
    let empty = try Binary.run(["flag", "E09000009", "--footprint", "E54000027", "--reason", "  ", "--data", d.path])
    #expect(empty.status != 0)
    #expect(empty.err.contains("a flag needs a reason"))
    let noReason = try Binary.run(["flag", "E09000009", "--footprint", "E54000027", "--data", d.path])
    #expect(noReason.status != 0)
    #expect(noReason.err.contains("--reason TEXT is required"))
    #expect(!FileManager.default.fileExists(atPath: d.path + "/flags.csv"), "nothing was written")
  }

  @Test func importChecksEveryRowBeforeSavingAny() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let file = d.path + "/in.csv"
    try "org,footprint,reason\nE09000009,E54000027,ok\nXYZ,E54000027,bad org\nE09000013,E54000027,\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let r = try Binary.run(["flag", "--from", file, "--data", d.path])
    #expect(r.status == 1)
    #expect(r.err.contains("in.csv:3: unknown organisation \"XYZ\""))
    #expect(r.err.contains("in.csv:4: reason is empty"))
    #expect(r.err.contains("nothing was saved"))
    #expect(!FileManager.default.fileExists(atPath: d.path + "/flags.csv"))
  }

  @Test func twoProcessesAppending300EachLeaveExactly600Events() throws {
    let d = try DataCopy()
    defer { d.remove() }
    try rows(300, tag: "p1").write(toFile: d.path + "/p1.csv", atomically: true, encoding: .utf8)
    try rows(300, tag: "p2").write(toFile: d.path + "/p2.csv", atomically: true, encoding: .utf8)
    let procs = try ["p1", "p2"].map { tag -> Process in
      let p = Process()
      p.executableURL = URL(fileURLWithPath: Binary.path)
      p.arguments = ["flag", "--from", d.path + "/\(tag).csv", "--data", d.path]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      p.standardInput = FileHandle.nullDevice
      try p.run()
      return p
    }
    for p in procs { p.waitUntilExit() }
    #expect(procs.allSatisfy { $0.terminationStatus == 0 })
    let h = try history(d.path + "/flags.csv")
    #expect(h.problems.isEmpty, "\(h.problems)")
    #expect(h.events.count == 600)
    for tag in ["p1", "p2"] {
      #expect(
        h.events.filter { $0.reason.hasPrefix(tag + "-") }.map(\.reason) == (1...300).map { "\(tag)-\($0)" },
        "each process's flags, all there, in its order")
    }
    let lines = try String(contentsOfFile: d.path + "/flags.csv", encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 601, "a header and 600 whole lines")
  }

  @Test(arguments: 1...4)
  func killedAtARandomMomentEverySavedFlagIsThere(round: Int) throws {
    let d = try DataCopy()
    defer { d.remove() }
    try rows(20_000, tag: "k").write(toFile: d.path + "/k.csv", atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Binary.path)
    p.arguments = ["flag", "--from", d.path + "/k.csv", "--data", d.path]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    p.standardInput = FileHandle.nullDevice
    let collected = LockedData()
    out.fileHandleForReading.readabilityHandler = { h in collected.append(h.availableData) }
    try p.run()
    // Kill it without warning at a random moment while it appends: after a
    // random number of flags have been reported saved, plus a random few µs.
    var rng = SeededGenerator(seed: UInt64(round) &* 7919)
    let target = Int.random(in: 1...5000, using: &rng)
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline && p.isRunning {
      let saved = String(decoding: collected.data, as: UTF8.self).split(separator: "\n").count
      if saved >= target { break }
      usleep(500)
    }
    usleep(UInt32.random(in: 0...2000, using: &rng))
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    out.fileHandleForReading.readabilityHandler = nil
    collected.append(out.fileHandleForReading.readDataToEndOfFile())
    let reported = String(decoding: collected.data, as: UTF8.self).split(separator: "\n")
      .filter { $0.hasPrefix("saved ") && $0.contains(": E09000009 flagged in E54000027: ") }
      .compactMap { $0.components(separatedBy: ": ").last }
    #expect(p.terminationReason == .uncaughtSignal, "killed mid-run (round \(round))")
    let h = try history(d.path + "/flags.csv")
    let saved = Set(h.events.map(\.reason))
    #expect(!reported.isEmpty, "it had saved some before the kill")
    for r in reported { #expect(saved.contains(r), "\(r) was reported saved but is missing") }
    #expect(h.problems.count <= 1, "at most the one line being written when it died: \(h.problems)")
    #expect(h.events.count >= reported.count)
  }

  @Test func aReadOnlyDirectoryGivesAClearMessage() throws {
    let d = try DataCopy()
    defer { d.remove() }
    // Readable by everyone, writable by no one but root; the command runs as
    // an ordinary user (nobody) when the tests run as root.
    chmod(d.path, 0o555)
    let r = try Binary.runAsUnprivileged([
      "flag", "E09000009", "--footprint", "E54000027", "--reason", "r", "--data", d.path,
    ])
    #expect(r.status == 1)
    #expect(
      r.err.contains("not saved: cannot write \(d.path)/flags.csv: it is read-only here (Permission denied)"),
      "\(r.err)")
    #expect(!FileManager.default.fileExists(atPath: d.path + "/flags.csv"))
  }

  @Test func aFullDiskGivesAClearMessage() throws {
    // A real full disk: a 16 KB tmpfs in a mount namespace of its own, made
    // full, with the journal on it.
    let d = try DataCopy()
    defer { d.remove() }
    let mount = d.path + "/small"
    try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
    // The journal fills its page exactly (the header, then a comment-like
    // filler line), so the flag needs a page the full disk cannot give.
    let header = FlagJournal.header + "\n"
    let filler = String(repeating: "x", count: 4096 - header.utf8.count - 1) + "\n"
    try (header + filler).write(toFile: d.path + "/journal.txt", atomically: true, encoding: .utf8)
    let script = """
      mount -t tmpfs -o size=16k tmpfs \(mount) && cp \(d.path)/journal.txt \(mount)/flags.csv \
      && (dd if=/dev/zero of=\(mount)/fill bs=1k count=64 2>/dev/null; true) \
      && exec \(Binary.path) flag E09000009 --footprint E54000027 --reason r --data \(d.path) --flags \(mount)/flags.csv
      """
    let r = try Binary.runProgram("/usr/bin/unshare", ["-rm", "sh", "-c", script])
    try #require(
      !r.err.contains("unshare:"), "this test needs user and mount namespaces (unshare -rm): \(r.err)")
    #expect(r.status == 1, "\(r.err)")
    #expect(r.err.contains("the disk is full (No space left on device)"), "\(r.err)")
    #expect(r.err.contains("not saved"))
  }

  @Test func aDeviceAsTheJournalIsRefusedWithAClearMessage() throws {
    let r = try Binary.run(["flag", "E09000009", "--footprint", "E54000027", "--reason", "r", "--flags", "/dev/full"])
    #expect(r.status == 1)
    #expect(r.err.contains("not saved: cannot write /dev/full: it is not an ordinary file"), "\(r.err)")
  }
}

/// Bytes gathered from a reader thread.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var bytes = Data()

  func append(_ d: Data) {
    lock.lock()
    bytes.append(d)
    lock.unlock()
  }

  var data: Data {
    lock.lock()
    defer { lock.unlock() }
    return bytes
  }
}
