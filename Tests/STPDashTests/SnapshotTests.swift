import DashModel
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
}
