import Foundation
import Testing

/// Every terminal type people have: a working, readable league and a clean
/// return to the shell (terminal modes unchanged, the prompt on a clean
/// line), or a one-line refusal and exit 2.
@Suite("End to end: the terminal matrix", .serialized)
struct TerminalMatrixTests {
  static let terms = [
    "xterm-256color", "xterm", "screen", "screen-256color", "tmux-256color", "linux", "vt100", "vt220", "ansi",
    "rxvt-unicode-256color", "xterm-mono", "dumb",
  ]

  func run(term: String, lang: String = "C.UTF-8") throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-tty-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let t = try Tmux(width: 100, height: 30, environment: ["LANG": lang, "LC_ALL": lang])
    // In a script, so the markers waited for are not on the typed command line.
    try """
    stty -g > \(dir)/before
    TERM=\(term) \(Binary.path) --fresh 2> \(dir)/err
    echo EXIT=$?
    stty -g > \(dir)/after
    echo DONE

    """.write(toFile: dir + "/run.sh", atomically: true, encoding: .utf8)
    t.run("clear; sh \(dir)/run.sh")
    #expect(t.wait { $0.contains("North West London") || $0.contains("EXIT=2") }, "\(term):\n\(t.capture())")
    if t.capture().contains("EXIT=2") {
      // A refusal: one line, saying why and what works instead.
      let err = try String(contentsOfFile: dir + "/err", encoding: .utf8)
      #expect(err.split(separator: "\n").count == 1, "\(term): one line:\n\(err)")
      #expect(err.hasPrefix("stpdash: TERM=\(term) cannot move the cursor") && err.contains("stpdash league"), "\(err)")
      #expect(!t.capture().contains("\u{1B}"), "the terminal untouched")
      #expect(term == "dumb", "\(term) should have a working screen:\n\(t.capture())")
      return
    }
    let screen = t.capture()
    #expect(screen.contains("1 League") && screen.contains("Do-nothing"), "\(term): the league is readable:\n\(screen)")
    t.send("q")
    #expect(t.waitFor("DONE"), "\(term): q quits:\n\(t.capture())")
    let after = t.capture()
    let exitLine = after.split(separator: "\n").first { $0.contains("EXIT=") }.map(String.init) ?? ""
    #expect(exitLine.trimmingCharacters(in: .whitespaces) == "EXIT=0", "\(term): a clean line: \(exitLine)")
    #expect(!after.contains("North West London"), "\(term): no dashboard text left on the shell's screen:\n\(after)")
    let before = try String(contentsOfFile: dir + "/before", encoding: .utf8)
    let afterModes = try String(contentsOfFile: dir + "/after", encoding: .utf8)
    #expect(before == afterModes, "\(term): terminal modes restored")
  }

  @Test(arguments: terms)
  func aWorkingScreenOrAClearRefusal(term: String) throws { try run(term: term) }

  @Test func anASCIILocaleWithAUnicodeTerminal() throws { try run(term: "xterm-256color", lang: "C") }

  @Test func dumbRefusesAndBatchCommandsStillWork() throws {
    let r = try Binary.run([], environment: ["TERM": "dumb"])
    #expect(r.status != 0)
    let league = try Binary.run(["league"], environment: ["TERM": "dumb"])
    #expect(league.status == 0 && league.out.contains("North West London"))
  }
}
