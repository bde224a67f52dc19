import DashModel
import Foundation
import Testing

@testable import STPDash

/// What the screen shows and what the batch commands print come from the
/// same presentation values: these tests read both and compare.
@Suite("One presentation for screen and batch")
struct PresentationTests {
  @Test func aMapFigureIsShortenedNeverCut() {
    let g = Glyphs(unicode: true)
    #expect(MapPresenter.text(641, .doNothing, mark: "†", width: 7, glyphs: g) == "641.0†")
    #expect(MapPresenter.text(1_410, .doNothing, mark: "†", width: 7, glyphs: g) == "1,410†")
    #expect(MapPresenter.text(12_345.6, .doNothing, mark: "*", width: 7, glyphs: g) == "12,346*")
    #expect(MapPresenter.text(123_456.7, .doNothing, mark: "*", width: 7, glyphs: g) == "123.5k*")
    #expect(MapPresenter.text(nil, .doNothing, mark: "", width: 7, glyphs: g) == g.dash)
    // On the screen: no figure under a hex ends in an ellipsis.
    var s = AppFixture.state(width: 100, height: 30)
    AppFixture.send(&s, [.char("6")])
    let screen = AppView.render(s).lines.joined(separator: "\n")
    #expect(screen.contains("1,410†") && !screen.contains(".…"), "\(screen)")
  }

  /// The text of every screen line, joined.
  func screen(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

  @Test func theFootprintScreenShowsTheFactsStpdashFootprintPrints() throws {
    var state = AppFixture.state(width: 100, height: 30)
    let f = AppFixture.footprint("E54000027")
    state.league.list.selected = f
    AppFixture.send(&state, [.enter])
    let shown = screen(state)
    let printed = try Binary.run(["footprint", "E54000027", "--data", "sample-data"]).out
    // A fact's value may wrap onto lines of its own, indented under it.
    var printedFacts: [String] = []
    for line in printed.split(separator: "\n").map(String.init) {
      if line.hasPrefix("            "), let last = printedFacts.popLast() {
        printedFacts.append(last + " " + line.trimmingCharacters(in: .whitespaces))
      } else {
        printedFacts.append(line)
      }
    }
    let facts = state.footprintReport(f).facts(glyphs: state.glyphs)
    var onScreen = 0
    for fact in facts {
      // Batch prints every fact as `label  value`, whole.
      #expect(
        printedFacts.contains { $0.hasPrefix(fact.label + " ") && $0.hasSuffix(" " + fact.value) },
        "stpdash footprint prints \(fact.label): \(fact.value)")
      // The screen shows each grid, title and full-width fact: whole, or cut with an ellipsis.
      guard fact.place != .bar else { continue }
      let visible = fact.value.hasSuffix("…") ? String(fact.value.dropLast()) : fact.value
      let prefix = String(visible.prefix(18))
      #expect(shown.contains(prefix), "the screen shows \(fact.label): \(prefix)")
      onScreen += 1
    }
    // North West London has its changes too: a fourth full-width fact.
    #expect(onScreen == 16, "two title facts, ten in the grid and four full width")
  }

  @Test func anOrganisationsFlagHistoryReadsNewestFirstOnScreenAndInStpdashOrg() throws {
    let d = try DataCopy()
    defer { d.remove() }
    for (i, reason) in ["first reason", "second reason", "third reason"].enumerated() {
      let args =
        i == 1
        ? ["unflag", "E09000009", "--footprint", "E54000027", "--reason", reason]
        : ["flag", "E09000009", "--footprint", "E54000027", "--reason", reason]
      #expect(try Binary.run(args + ["--data", d.path]).status == 0)
    }
    let printed = try Binary.run(["org", "E09000009", "--data", d.path], environment: ["COLUMNS": "120"]).out
    let order = ["third reason", "second reason", "first reason"].map { printed.range(of: $0)?.lowerBound }
    #expect(order.allSatisfy { $0 != nil }, "\(printed)")
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "newest first in stpdash org")

    let journal = try FlagJournal(path: d.path + "/flags.csv").read().get()
    let state = AppState(
      session: Session(
        directory: d.path, dataset: AppFixture.dataset, journalPath: d.path + "/flags.csv", saved: journal),
      size: Size(width: 120, height: 60), caps: .full, author: "tester")
    let details = OrganisationView.details(state, org: AppFixture.organisation("E09000009"), width: 118)
      .map(\.text).joined(separator: "\n")
    let onScreen = ["third reason", "second reason", "first reason"].map { details.range(of: $0)?.lowerBound }
    #expect(onScreen.allSatisfy { $0 != nil }, "\(details)")
    #expect(onScreen.compactMap { $0 } == onScreen.compactMap { $0 }.sorted(), "newest first on screen")
  }
}
