import DashModel
import Foundation
import Testing

/// The real `stpdash` in a real terminal (tmux), read back from the screen.
@Suite("End to end under tmux", .serialized)
struct EndToEndTests {
  /// The third footprint of the league, as the batch command ranks it.
  func thirdFootprint() throws -> String {
    let rows = csvRecords(try Binary.run(["league", "--format", "csv"]).out)
    return rows[3][2]
  }

  /// SGR colour codes (30-37, 40-47, 38;/48; forms) in captured output.
  func hasColour(_ styled: String) -> Bool {
    styled.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)[0-9;]*m", options: .regularExpression) != nil
  }

  @Test(arguments: [
    ("", false), ("screen-256color", false), ("xterm", true),
  ])
  func aUserSession(term: String, noColor: Bool) throws {
    var env: [String: String] = [:]
    if !term.isEmpty { env["TERM"] = term }
    if noColor { env["NO_COLOR"] = "1" }
    let t = try Tmux(width: 100, height: 30, environment: env)
    let third = try thirdFootprint()
    #expect(t.startDashboard(""), "the league appears:\n\(t.capture())")
    #expect(t.capture().contains("North West London"))
    #expect(t.alternateScreen)
    let styled = t.captureWithStyles()
    if noColor {
      #expect(!hasColour(styled), "NO_COLOR: no colour codes at all")
      #expect(
        styled.range(of: "\u{1B}\\[([0-9]*;)*7(;[0-9]*)*m", options: .regularExpression) != nil,
        "NO_COLOR: the selection is shown in reverse video")
    } else {
      #expect(hasColour(styled), "colour is used where the terminal has it")
    }

    t.send("j", "j", "Enter")
    #expect(t.waitFor("Organisation"), "the footprint's members:\n\(t.capture())")
    let footprint = t.capture()
    #expect(footprint.contains("League › \(third)"), "breadcrumbs name the footprint")
    #expect(footprint.contains(" Members "))

    t.send("?")
    #expect(t.waitFor("Keys: \(third)"), "help overlay:\n\(t.capture())")
    #expect(t.capture().contains("flag: not cooperating"))
    t.send("Escape")
    #expect(t.waitGone("Keys:"), "Esc closes help")
    #expect(t.capture().contains("Organisation"), "and the footprint is still there")

    t.send("2")
    // Waited for whole: a capture can catch the screen part-way through a redraw.
    let chartParts = [" \(third) deficit, £m", "balance", "2020/21", "do-nothing", "outturn", "plan"]
    #expect(
      t.wait { screen in chartParts.allSatisfy { screen.contains($0) } },
      "the trajectory: its title, the balance line, the last year and every scenario:\n\(t.capture())")

    t.send("+")
    #expect(t.waitFor("delivery 110%"), "delivery follows +:\n\(t.capture())")
    #expect(t.capture().contains("plan at 110% delivery"))

    t.send("q")
    #expect(t.waitFor("EXIT=0"), "q quits cleanly:\n\(t.capture())")
    #expect(t.waitFor("EXIT=0\n\(Tmux.promptText)"), "the shell prompt is back:\n\(t.capture())")
    #expect(!t.alternateScreen, "the terminal is given back")
    #expect(!t.capture().contains("1 League"), "nothing of the dashboard is left on screen")
  }

  @Test func tooSmallThenGrown() throws {
    let t = try Tmux(width: 36, height: 9)
    t.run("\(Binary.path); echo EXIT=$?")
    #expect(t.waitFor("Terminal too small"), "\(t.capture())")
    t.resize(width: 100, height: 30)
    #expect(t.waitFor("1 League"), "recovers when grown:\n\(t.capture())")
    t.resize(width: 80, height: 24)
    #expect(t.waitFor("Do-nothing"))
    #expect(!t.capture().contains("Rating"), "at 80 columns the rating column is dropped")
    t.send("C-c")
    #expect(t.waitFor("EXIT=0"), "Ctrl-C quits cleanly")
  }

  @Test func sigtermRestoresTheTerminal() throws {
    let data = try DataCopy()
    defer { data.remove() }
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(data.path)"))
    let p = try #require(pid(matching: data.path))
    kill(p, SIGTERM)
    #expect(t.waitFor("EXIT=143"), "\(t.capture())")
    #expect(!t.alternateScreen)
    t.run("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo")
    #expect(t.waitFor("icanon echo"), "echo and canonical mode are back:\n\(t.capture())")
  }

  @Test func idleMeansIdle() throws {
    let data = try DataCopy()
    defer { data.remove() }
    let t = try Tmux()
    t.run("\(Binary.path) --data \(data.path)")
    #expect(t.waitFor("1 League"))
    let p = try #require(pid(matching: data.path))
    let idle = try #require(idleTicks(pid: p, over: 3))
    #expect(idle <= 1, "CPU time while waiting for a key: \(idle) ticks in 3 s")
    t.send("q")
  }

  @Test func unknownTerminalTypeGetsAClearMessage() throws {
    let t = try Tmux()
    t.run("TERM=no-such-terminal \(Binary.path); echo EXIT=$?")
    #expect(t.waitFor("EXIT=2"), "\(t.capture())")
    #expect(t.capture().contains("unknown terminal type \"no-such-terminal\""))
    t.run("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo")
    #expect(t.waitFor("icanon echo"), "the terminal is left sane")
  }

  @Test func noTerminalAtAll() throws {
    let r = try Binary.run([])
    #expect(r.status == 2)
    #expect(r.err.contains("no terminal"))
    #expect(r.err.contains("stpdash league"), "and says what works without one")
  }

  @Test func dataTextIsShownNotObeyedAndWideCharactersKeepColumns() throws {
    let data = try DataCopy()
    defer { data.remove() }
    let fps = try data.read("footprints.csv")
    try data.write(
      "footprints.csv",
      fps.replacingOccurrences(of: "North West London,", with: "\"NW \u{1B}[2J\u{1B}[31mLondon\",")
        .replacingOccurrences(of: "West Yorkshire,", with: "\"西约克郡 🏥 Yorks\","))
    let t = try Tmux()
    #expect(t.startDashboard(" --data \(data.path)"))
    let screen = t.capture()
    #expect(screen.contains("NW ^[[2J^[[31mLon"), "escape sequences are made visible:\n\(screen)")
    let lines = screen.split(separator: "\n").map(String.init)
    let wide = try #require(lines.first { $0.contains("西约克郡") })
    let plain = try #require(lines.first { $0.contains("Cheshire and") })
    func column(of needle: String, in line: String) -> Int? {
      guard let r = line.range(of: needle) else { return nil }
      return DisplayWidth.width(of: String(line[..<r.lowerBound]))
    }
    // The plan column (right-aligned) ends at the same screen column on both rows.
    #expect(
      column(of: "87.0†", in: wide).map { $0 + 5 } == column(of: "92.3*", in: plain).map { $0 + 5 },
      "wide characters keep columns aligned:\n\(wide)\n\(plain)")
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }
}
