import DashModel
import Foundation
import Testing

@testable import STPDash

/// Every figure reachable and legible at the sizes people use: what a
/// journalist on deadline meets, key by key and command by command.
@Suite("Reachable and legible")
struct LegibilityTests {
  func screen(_ s: AppState) -> String { AppView.render(s).lines.joined(separator: "\n") }

  @Test func thePercentPromptIsReplacedByTyping() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("%"), .char("7"), .char("5"), .enter])
    #expect(s.delivery.percent == 75 && s.input == nil)
  }

  @Test func theRegionsScrollToTheirLastRowsAt80x24() {
    var s = AppFixture.state(width: 80, height: 24)
    AppFixture.send(&s, [.char("7")])
    #expect(!screen(s).contains("DHSC loans"), "below the first page at 80×24")
    AppFixture.send(&s, [.char("G")])
    #expect(screen(s).contains("DHSC loans") && screen(s).contains("since 16/17"))
    #expect(screen(s).contains("of 29"), "it says where it is")
  }

  @Test func sourcesScrollToTheirLastLine() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("j"), .char("p")])
    #expect(s.league.list.selected == AppFixture.footprint("E54000005"))
    let legend = "no mark: reported"
    #expect(!screen(s).contains(legend), "West Yorkshire's sources run past one box")
    AppFixture.send(&s, [.char("G")])
    #expect(screen(s).contains(legend), "G reaches the last line")
  }

  @Test func helpAt100x30CutsNoLine() {
    for tab in ["1", "2", "3", "4", "5", "6", "7", "8"] {
      var s = AppFixture.state()
      AppFixture.send(&s, [.char(Character(tab)), .char("?")])
      let lines = AppView.render(s).lines.filter { $0.contains("│") }
      #expect(!lines.contains { $0.split(separator: "│").dropFirst().first?.contains("…") == true }, "tab \(tab)")
    }
  }

  @Test func anEmptyJournalsHintIsWholeAt60x20() {
    var s = AppFixture.state(width: 60, height: 20)
    AppFixture.send(&s, [.char("4")])
    // The hint wraps at the width instead of losing its end.
    let words = screen(s).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    #expect(words.contains("Press f on a member (footprint or organisation screen) to flag a body."), "\(screen(s))")
    // The journal's path, too long for the line, keeps its file's name after an ellipsis.
    let info = screen(s).split(separator: "\n").first { $0.contains("active flags") } ?? ""
    #expect(info.contains("· …") && info.hasSuffix("/stpdash/flags.csv"), "\(info)")
    // In ASCII, with the ASCII set's ellipsis.
    var ascii = AppFixture.state(width: 60, height: 20, caps: Capabilities(color: false, unicode: false))
    AppFixture.send(&ascii, [.char("4")])
    let plain = screen(ascii).split(separator: "\n").first { $0.contains("active flags") } ?? ""
    #expect(!plain.contains("…") && plain.contains(" ~") && plain.hasSuffix("/stpdash/flags.csv"), "\(plain)")
  }

  @Test func theTrajectorysSubtitleIsSeenToBeCutAt60x20() {
    var s = AppFixture.state(width: 60, height: 20)
    AppFixture.send(&s, [.char("2")])
    let subtitle = AppView.render(s).lines[1].trimmingCharacters(in: .whitespaces)
    #expect(subtitle.hasPrefix("North West London deficit, £m"))
    #expect(subtitle.hasSuffix("…"), "cut where the width runs out, and marked: \(subtitle)")
  }

  @Test func theTrajectoryLegendHasAGlyphPerSeriesWithoutColour() {
    var s = AppFixture.state(caps: Capabilities(color: false, unicode: true))
    AppFixture.send(&s, [.char("2")])
    let text = screen(s)
    for mark in ["● do-nothing", "◆─ plan", "▲─ outturn"] {
      #expect(text.contains(mark) || text.contains(mark.replacingOccurrences(of: " do", with: "─ do")), "\(mark)")
    }
    #expect(text.contains("1,410.0†"), "the reported gap keeps its mark")
  }

  @Test func theMapShowsValuesAt80x24AndALegendAt60x20() {
    var s = AppFixture.state(width: 80, height: 24)
    AppFixture.send(&s, [.char("6")])
    #expect(screen(s).contains("1.4k†") || screen(s).contains("1,410"), "values under the hexes")
    var small = AppFixture.state(width: 60, height: 20)
    AppFixture.send(&small, [.char("6")])
    #expect(screen(small).contains("Do-nothing: "), "a legend under the map")
  }

  @Test func theHomeScreenSaysWhatTheMarksMean() {
    for (w, h) in [(100, 30), (80, 24), (60, 20)] {
      let text = screen(AppFixture.state(width: w, height: h))
      #expect(text.contains("* illustr") && text.contains("† "), "\(w)×\(h)")
    }
  }

  @Test func batchPrintsValuesFiltersNumbersAndSuggestsCommands() throws {
    let map = try Binary.run(["map"])
    let league = csvParse(try Binary.run(["league", "--format", "csv"]).out)
    let h = try #require(league.first)
    let gap = try #require(h.firstIndex(of: "do_nothing_2020_21_gbp_m"))
    let risk = try #require(h.firstIndex(of: "savings_at_risk_gbp_m"))
    for row in league.dropFirst() {
      let v = try #require(Double(row[gap]))
      #expect(map.out.contains(NumberFormat.fixed(v, decimals: 1)), "the map prints \(row[gap])")
    }
    let kept = csvParse(try Binary.run(["league", "--filter", "at_risk>50", "--format", "csv"]).out).dropFirst()
    let expected = league.dropFirst().filter { (Double($0[risk]) ?? 0) > 50 }.map { $0[1] }
    #expect(kept.map { $0[1] } == expected && !expected.isEmpty)
    let typo = try Binary.run(["leage"])
    #expect(typo.status == 64 && typo.err.contains("did you mean \"league\""))
    let orgs = try Binary.run(["orgs", "--pivotal"])
    #expect(orgs.out.split(separator: "\n").first?.contains("Footprint") == true)
  }
}
