import DashModel
import Foundation
import Testing

@testable import STPDash

/// Every screen, drawn from the sample data at 100×30 and 80×24, compared
/// with the committed text in Snapshots/.
@Suite("Screen snapshots")
struct SnapshotTests {
  static let sizes = [(100, 30), (80, 24)]

  func render(_ state: AppState) -> Buffer { AppView.render(state) }

  @Test(arguments: sizes)
  func league(width: Int, height: Int) {
    let state = AppFixture.state(width: width, height: height)
    assertSnapshot(render(state), named: "league-\(width)x\(height)")
  }

  @Test(arguments: sizes)
  func trajectory(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height)
    AppFixture.send(&state, [.char("2")])
    assertSnapshot(render(state), named: "trajectory-\(width)x\(height)")
  }

  @Test(arguments: sizes)
  func organisations(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height)
    AppFixture.send(&state, [.char("5")])
    assertSnapshot(render(state), named: "organisations-\(width)x\(height)")
  }

  @Test(arguments: sizes)
  func changes(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height)
    AppFixture.send(&state, [.char("8"), .char("j"), .char("j")])
    assertSnapshot(render(state), named: "changes-\(width)x\(height)")
  }

  @Test func changesFilteredAsOfADate() {
    var state = AppFixture.state()
    AppFixture.send(&state, [.char("8"), .char("\\")] + "service:maternity referred".map { .char($0) } + [.enter])
    AppFixture.send(&state, Array(repeating: .char("<"), count: 50))
    assertSnapshot(render(state), named: "changes-maternity-as-of-100x30")
  }

  @Test func organisationsFilteredWithAnAssumedRefusal() {
    var state = AppFixture.state()
    AppFixture.send(&state, [.char("5"), .char("\\")] + "kind:council stance:refused".map { .char($0) } + [.enter])
    AppFixture.send(&state, [.char("j"), .char("x")])
    assertSnapshot(render(state), named: "organisations-filtered-100x30")
  }

  @Test func goToShowsTheBestMatchesFirst() {
    var state = AppFixture.state(width: 80, height: 24)
    AppFixture.send(&state, [.char(":")] + "ealing".map { .char($0) })
    assertSnapshot(render(state), named: "goto-ealing-80x24")
  }

  @Test func organisationsInASCIIAndMonochrome() {
    var state = AppFixture.state(width: 80, height: 24, caps: Capabilities(color: false, unicode: false))
    AppFixture.send(&state, [.char("5")])
    assertSnapshot(render(state), named: "organisations-ascii-mono-80x24")
  }

  @Test(arguments: sizes)
  func map(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height)
    AppFixture.send(&state, [.char("6"), .right, .up])
    assertSnapshot(render(state), named: "map-\(width)x\(height)")
  }

  @Test func mapInMonochromeASCIIFiltered() {
    var state = AppFixture.state(width: 80, height: 24, caps: Capabilities(color: false, unicode: false))
    AppFixture.send(&state, [.char("\\")] + AppFixture.typed("region:London") + [.enter, .char("6")])
    assertSnapshot(render(state), named: "map-ascii-mono-london-80x24")
  }

  @Test(arguments: sizes)
  func regions(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height)
    AppFixture.send(&state, [.char("7")])
    assertSnapshot(render(state), named: "regions-\(width)x\(height)")
  }

  @Test func provenanceOfAFootprint() {
    var state = AppFixture.state()
    AppFixture.send(&state, [.char("p")])
    assertSnapshot(render(state), named: "provenance-nwl-100x30")
  }

  /// Three lines told apart: by colour (and the legend in the same
  /// colours), and without colour by plain, bold and underline.
  @Test func trajectorySeriesAreDistinguishableWithAndWithoutColour() {
    var colour = AppFixture.state()
    AppFixture.send(&colour, [.char("2")])
    assertSnapshot(render(colour), named: "trajectory-colours-100x30", colors: true)
    var mono = AppFixture.state(caps: Capabilities(color: false, unicode: true))
    AppFixture.send(&mono, [.char("2")])
    assertSnapshot(render(mono), named: "trajectory-mono-100x30", styles: true)
    let masks = render(mono).styleMask.joined()
    #expect(masks.contains("U") && masks.contains("B"), "outturn underlined, plan bold")
    let colours = render(colour).colorMask.joined()
    #expect(colours.contains("r") && colours.contains("c") && colours.contains("y"), "three colours")
  }

  /// At 60×20 the help scrolls, and reaches its last entry.
  @Test func helpScrollsToItsLastEntryOnASmallScreen() {
    var state = AppFixture.state(width: 60, height: 20)
    AppFixture.send(&state, [.char("?")])
    let top = render(state).lines.joined(separator: "\n")
    #expect(top.contains("j/k PgDn/PgUp"))
    // The league's help ends with what the data hold, by kind of source.
    let last = HelpOverlay.entries(state, HelpState()).last
    let lastWords = String((last?.help ?? "?").prefix(16))
    #expect(!top.contains(lastWords), "not on the first page")
    AppFixture.send(&state, Array(repeating: .char("j"), count: 120))
    #expect(state.help != nil, "j scrolls, it does not close")
    let bottom = render(state).lines.joined(separator: "\n")
    #expect(bottom.contains(lastWords), "the last entry shows:\n\(bottom)")
    assertSnapshot(render(state), named: "help-scrolled-60x20")
    AppFixture.send(&state, [.char("x")])
    #expect(state.overlay == nil)
  }

  @Test func helpFiltersAsYouType() {
    var state = AppFixture.state(width: 80, height: 24)
    AppFixture.send(&state, [.char("?"), .char("/")] + AppFixture.typed("deliver"))
    let screen = render(state).lines.joined(separator: "\n")
    #expect(screen.contains("plans deliver 10% more") && screen.contains("observed delivery rates"))
    #expect(!screen.contains("next row") && screen.contains("/deliver"), "\(screen)")
    AppFixture.send(&state, [.enter, .escape])
    #expect(state.overlay == nil, "Enter keeps the filter; the next key closes the help")
  }

  @Test func englandTrajectoryAtHalfDelivery() {
    var state = AppFixture.state()
    AppFixture.send(&state, [.char("2"), .char("E")] + Array(repeating: .char("-"), count: 5))
    assertSnapshot(render(state), named: "trajectory-england-50pct-100x30")
  }

  @Test(arguments: sizes)
  func footprint(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height, flags: AppFixture.someFlags)
    AppFixture.send(&state, [.enter])
    assertSnapshot(render(state), named: "footprint-\(width)x\(height)")
  }

  /// Derbyshire balances as filed but not with Derby's refusal: the
  /// verdict gives the shortfall; no refusing body is marked pivotal.
  @Test(arguments: sizes)
  func footprintShortWithItsRefusals(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height)
    state.league.list.selected = AppFixture.footprint("E54000012")
    AppFixture.send(&state, [.enter])
    let screen = render(state)
    assertSnapshot(screen, named: "footprint-derbyshire-\(width)x\(height)")
    let text = screen.lines.joined(separator: "\n")
    #expect(text.contains("balances as filed; £10.8m* short with 1 refusal"), "\(text)")
  }

  /// Nottinghamshire balances with ten pivotal bodies: their names wrap
  /// onto the lines they need; `!` counting Nottingham's dissent sinks it.
  @Test(arguments: sizes)
  func footprintWithPivotalBodies(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height)
    state.league.list.selected = AppFixture.footprint("E54000014")
    AppFixture.send(&state, [.enter])
    assertSnapshot(render(state), named: "footprint-nottinghamshire-\(width)x\(height)")
    AppFixture.send(&state, [.char("!")])
    let text = render(state).lines.joined(separator: "\n")
    #expect(text.contains("£6.8m* short with 1 refusal: Nottingham"), "\(text)")
    #expect(text.contains("refusals: +dissenting"), "the status line says the setting")
  }

  @Test(arguments: sizes)
  func organisation(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height, flags: AppFixture.someFlags)
    AppFixture.send(&state, [.enter])
    // The first "ealing" is the CCG; n moves on to Ealing council.
    AppFixture.send(&state, AppFixture.typed("/ealing") + [.enter, .char("n"), .enter])
    assertSnapshot(render(state), named: "organisation-\(width)x\(height)")
  }

  @Test(arguments: sizes)
  func flags(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height, flags: AppFixture.someFlags)
    AppFixture.send(&state, [.char("4")])
    assertSnapshot(render(state), named: "flags-\(width)x\(height)")
  }

  @Test(arguments: sizes)
  func help(width: Int, height: Int) {
    var state = AppFixture.state(width: width, height: height)
    AppFixture.send(&state, [.char("?")])
    assertSnapshot(render(state), named: "help-league-\(width)x\(height)")
  }

  @Test func tooSmall() {
    let state = AppFixture.state(width: 39, height: 9)
    assertSnapshot(render(state), named: "too-small-39x9")
  }

  @Test func asciiChart() {
    var state = AppFixture.state(caps: Capabilities(color: true, unicode: false))
    AppFixture.send(&state, [.char("2")])
    let buf = render(state)
    #expect(buf.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "no UTF-8 at all in ASCII mode")
    assertSnapshot(buf, named: "trajectory-ascii-100x30")
  }

  @Test func asciiLeagueAndFootprint() {
    var state = AppFixture.state(width: 80, height: 24, caps: Capabilities(color: true, unicode: false))
    #expect(render(state).lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    AppFixture.send(&state, [.enter])
    let buf = render(state)
    #expect(buf.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    assertSnapshot(buf, named: "footprint-ascii-80x24")
  }

  @Test func monochrome() {
    var state = AppFixture.state(caps: Capabilities(color: false, unicode: true), flags: AppFixture.someFlags)
    AppFixture.send(&state, [.enter])
    let buf = render(state)
    #expect(buf.cells.allSatisfy { $0.style.fg == nil && $0.style.bg == nil }, "no colour at all")
    assertSnapshot(buf, named: "footprint-mono-100x30", styles: true)
  }

  @Test func monochromeLeague() {
    let state = AppFixture.state(caps: Capabilities(color: false, unicode: true))
    let buf = render(state)
    #expect(buf.cells.allSatisfy { $0.style.fg == nil && $0.style.bg == nil })
    assertSnapshot(buf, named: "league-mono-100x30", styles: true)
  }

  @Test func nationalTotalsFitTheirColumns() throws {
    // 1,400 synthetic footprints: England's plan total runs past 100,000 £m,
    // too wide for its column with a decimal. It must show whole £m, not be cut.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-wide-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try SyntheticData(footprints: 1400, organisationsPerFootprint: 1, seed: 3).write(to: dir)
    guard case .success(let dataset) = DatasetLoader.load(directory: dir) else {
      Issue.record("synthetic data should load")
      return
    }
    let session = Session(
      directory: dir, dataset: dataset, journalPath: dir + "/flags.csv", saved: FlagHistory(events: []))
    for (width, height) in [(80, 24), (100, 30)] {
      let state = AppState(session: session, size: Size(width: width, height: height), caps: .full, author: "t")
      let lines = render(state).lines
      let total = try #require(lines.first { $0.contains("England") })
      let plan = try #require(state.derived.total?.plan)
      #expect(plan >= 100_000, "the test needs a total that is too wide with a decimal")
      #expect(!total.contains("…"), "\(width)x\(height): \(total)")
      #expect(total.contains(NumberFormat.fixed(plan, decimals: 0)), "\(width)x\(height): \(total)")
      // Ranks run to four digits; sorted by name, the last row is 1,400th.
      var byName = state
      AppFixture.send(&byName, [.char("s"), .char("G")])
      let screen = render(byName).lines
      #expect(screen.contains { $0.hasPrefix(" 1400 ") }, "\(width)x\(height): \(screen.suffix(5))")
    }
  }
}
