import Foundation
import Testing

/// The organisations screen, go-to, filters, assumed refusals and observed
/// delivery in the real binary under tmux, at two sizes, in colour, with
/// NO_COLOR and in ASCII.
@Suite("End to end: who can block the plan", .serialized)
struct WhoCanBlockEndToEndTests {
  /// The line of the screen that starts a row for `name`.
  func row(_ screen: String, _ name: String) -> String? {
    screen.split(separator: "\n").map(String.init).first { $0.contains(" " + name + " ") }
  }

  @Test(arguments: [(100, 30, false, false), (80, 24, true, false), (80, 24, false, true)])
  func aSession(width: Int, height: Int, noColor: Bool, ascii: Bool) throws {
    let refusingCouncils =
      csvParse(
        try Binary.run(["orgs", "--kind", "council", "--stance", "refused", "--format", "csv"]).out
      ).count - 1
    #expect(refusingCouncils > 0)
    let t = try Tmux(width: width, height: height, environment: noColor ? ["NO_COLOR": "1"] : [:])
    #expect(t.startDashboard("\(ascii ? " --ascii" : "")"), "the league appears:\n\(t.capture())")
    // Kent and Medway selected, so its row is on screen.
    t.send("/")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "Kent and M"])
    t.send("Enter")
    #expect(t.wait { row($0, "Kent and Medway") != nil }, "\(t.capture())")
    let kentBefore = try #require(row(t.capture(), "Kent and Medway"), "\(t.capture())")

    // 5: every organisation.
    t.send("5")
    #expect(t.waitFor("498 of 498 organisations"), "the organisations:\n\(t.capture())")
    #expect(t.capture().contains("England (498)"))

    // \kind:council stance:refused keeps only refusing councils and says how many.
    t.send("\\")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "kind:council stance:refused"])
    #expect(t.waitFor("\(refusingCouncils) kept"), "the count as typed:\n\(t.capture())")
    t.send("Enter")
    #expect(t.waitFor("stance:refused: \(refusingCouncils) kept"), "kept:\n\(t.capture())")
    let kept = t.capture()
    #expect(kept.contains("\(refusingCouncils) of 498 organisations"))
    if width >= 100 { #expect(kept.contains("filter \\kind:council stance:refused")) }
    #expect(kept.contains("Doncaster") && !kept.contains("Kent "), "\(kept)")

    // :ealing then Enter opens an Ealing body.
    t.send(":")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "ealing"])
    #expect(t.waitFor("E38000048"), "the matches show as typed:\n\(t.capture())")
    t.send("Enter")
    #expect(t.wait { $0.contains("Ealing  E09000009") }, "Ealing's screen:\n\(t.capture())")

    // x on Kent, then X: savings at risk in Kent and Medway change, then come back.
    t.send(":")
    _ = try t.tmux(["send-keys", "-t", t.target, "-l", "E10000016"])
    t.send("Enter")
    #expect(t.waitFor("Kent  E10000016"), "Kent's screen:\n\(t.capture())")
    t.send("x")
    #expect(t.waitFor("1 assumed refusing"), "counted in the status line:\n\(t.capture())")
    t.send("1")
    #expect(t.waitFor("Kent and Medway"))
    #expect(
      t.wait { row($0, "Kent and Medway").map { $0 != kentBefore } ?? false },
      "savings at risk follow:\n\(kentBefore)\n\(t.capture())")
    t.send("X")
    #expect(t.waitGone("assumed refusing"), "X clears:\n\(t.capture())")
    #expect(t.wait { row($0, "Kent and Medway") == kentBefore }, "and restores:\n\(t.capture())")

    // D: each footprint at its observed delivery.
    t.send("D")
    #expect(t.waitFor("delivery observed"), "\(t.capture())")
    if width >= 100 { #expect(t.capture().contains("plans at observed rates")) }
    t.send("2")
    #expect(t.wait { $0.contains("plan at observed") }, "the trajectory says so:\n\(t.capture())")
    t.send("0")
    #expect(t.waitFor("delivery 100%"))

    t.send("q")
    #expect(t.waitFor("EXIT=0"), "quits cleanly:\n\(t.capture())")
  }
}
