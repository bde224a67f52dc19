import DashModel
import Foundation
import Testing

@testable import STPDash

/// Tables that never hide what they are sorted by, and columns the user chooses.
@Suite("Tables: the sort column, chosen columns, sideways scroll, wide screens")
struct TablesTests {
  func header(_ s: AppState) -> String { AppView.render(s).lines[Layout.League(s.size).headerY] }

  @Test(arguments: [(100, 30), (80, 24)])
  func sortingByAnyColumnShowsThatColumnWithItsArrow(width: Int, height: Int) {
    for column in LeagueColumn.allCases where column != .rank {
      var s = AppFixture.state(width: width, height: height)
      Sorting.setLeague(&s, column, ascending: column.naturallyAscending)
      let h = header(s)
      let arrow = column.naturallyAscending ? "▲" : "▼"
      // The title, or as much of it as the column holds, then the arrow.
      #expect(
        h.contains(String(column.title.prefix(3))) && h.contains(arrow),
        "\(width)x\(height) sorted by \(column.title): \(h)")
      if let at = h.range(of: arrow) {
        let before = h[..<at.lowerBound]
        #expect(
          before.hasSuffix(String(column.title.prefix(min(column.title.count, 3))))
            || before.contains(column.title.prefix(3)), "\(h)")
      }
    }
    var s = AppFixture.state(width: width, height: height)
    AppFixture.send(&s, [.char("5")])
    for _ in OrganisationColumn.allCases {
      AppFixture.send(&s, [.char("s")])
      let line = AppView.render(s).lines[Layout.Organisations(s).headerY]
      #expect(
        line.contains(String(s.organisations.sort.title.prefix(2))) && (line.contains("▲") || line.contains("▼")),
        "organisations sorted by \(s.organisations.sort.title): \(line)")
    }
  }

  @Test func cHidesAndRestoresAColumnAndHLScroll() {
    var s = AppFixture.state()
    #expect(header(s).contains("Aligned"))
    AppFixture.send(&s, [.char("c")])
    let aligned = TableName.league.columns(s).firstIndex { $0.key == LeagueColumn.aligned.csvHeader } ?? 0
    AppFixture.send(&s, Array(repeating: .char("j"), count: aligned) + [.char(" ")])
    #expect(s.chooser != nil)
    AppFixture.send(&s, [.escape])
    #expect(s.chooser == nil && !header(s).contains("Aligned"), "hidden: \(header(s))")
    AppFixture.send(&s, [.char("c")] + Array(repeating: .char("j"), count: aligned) + [.char(" "), .escape])
    #expect(header(s).contains("Aligned"), "shown again")
    // Sideways: the first columns go off to the left, marked ◂; L and H.
    let before = header(s)
    AppFixture.send(&s, [.char("L"), .char("L")])
    let scrolled = header(s)
    #expect(scrolled.hasPrefix("◂") && scrolled != before, "\(scrolled)")
    AppFixture.send(&s, [.char("H"), .char("H")])
    #expect(header(s) == before)
    #expect(before.contains("▸"), "columns out of sight to the right are marked: \(before)")
  }

  @Test func theRegionsScrollSidewaysAtSixtyColumnsAndKeepEngland() {
    var s = AppFixture.state(width: 60, height: 20)
    AppFixture.send(&s, [.char("7")])
    func head() -> String { AppView.render(s).lines[2] }
    let first = head()
    // Regions give way from the right, so what shows reads from the left.
    #expect(first.contains("North") && first.contains("England") && first.contains("+2▸"), "\(first)")
    #expect(!first.contains("South"))
    AppFixture.send(&s, [.char("L"), .char("L"), .char("L")])
    let scrolled = head()
    #expect(scrolled.hasPrefix("◂") && scrolled.contains("South") && scrolled.contains("England"), "\(scrolled)")
    #expect(!scrolled.contains("North"))
    AppFixture.send(&s, [.char("H"), .char("H"), .char("H")])
    #expect(head() == first)
    // The measure column cannot be hidden; a region can.
    AppFixture.send(&s, [.char("c"), .char(" ")])
    #expect(s.notice?.text.contains("always shows") == true)
    AppFixture.send(&s, [.char("j"), .char(" "), .escape])
    #expect(!head().contains("North") && head().contains("England"), "\(head())")
  }

  @Test func aTextTableSaysWhichColumnsItLeftOut() throws {
    let narrow = try Binary.run(["regions"], environment: ["COLUMNS": "60", "LANG": "C.UTF-8"])
    #expect(narrow.out.contains("Not shown at 60 columns: South"), "\(narrow.out.prefix(400))")
    let wide = try Binary.run(["regions"], environment: ["COLUMNS": "120", "LANG": "C.UTF-8"])
    #expect(!wide.out.contains("Not shown"), "every column fits at 120")
    let orgs = try Binary.run(["orgs"], environment: ["COLUMNS": "100", "LANG": "C.UTF-8"])
    let header = orgs.out.split(separator: "\n").first.map(String.init) ?? ""
    let note = orgs.out.split(separator: "\n").first { $0.hasPrefix("Not shown at 100 columns:") }
    #expect(note != nil, "orgs at 100 columns names what it leaves out")
    if let note { #expect(!note.contains("Name") && (header.contains("Kind") || note.contains("Kind"))) }
  }

  @Test func wideTerminalsShowFullNamesAndRatings() {
    let s = AppFixture.state(width: 200, height: 60)
    let screen = AppView.render(s).lines.joined(separator: "\n")
    #expect(screen.contains("Making progress"), "the full rating")
    // With every column on screen, the longest name keeps its first thirty-odd characters.
    #expect(screen.contains("Northumberland, Tyne and We"), "a long name, most of it")
    #expect(screen.contains("Chg") && screen.contains("Ref"), "the disputes' counts")
    #expect(screen.contains("Loans"), "every column")
  }

  @Test func batchTablesKeepTheirKeyColumnsAndTheSortColumn() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let reason = String(repeating: "a very long reason ", count: 8)
    #expect(reason.count > 140)
    #expect(
      try Binary.run(["flag", "E09000009", "--footprint", "E54000027", "--reason", reason, "--data", d.path]).status
        == 0)
    #expect(try Binary.run(["unflag", "E09000009", "--footprint", "E54000027", "--data", d.path]).status == 0)
    let r = try Binary.run(["flags", "--all", "--data", d.path])
    let lines = r.out.split(separator: "\n").map(String.init)
    #expect(lines[0].contains("Time (UTC)") && lines[0].contains("Event") && lines[0].contains("Organisation"))
    #expect(lines[0].contains("Footprint") && lines[0].contains("Author"), "\(lines[0])")
    #expect(lines.contains { $0.contains(" flag ") && $0.contains("Ealing") && $0.contains("North West London") })
    #expect(lines.contains { $0.contains(" unflag ") && $0.contains("Ealing") })
    #expect(lines.allSatisfy { $0.count <= 100 }, "fits a pipe's 100 columns")
    let league = try Binary.run(["league", "--sort", "rating"])
    #expect(league.out.split(separator: "\n").first?.contains("Rating") == true, "\(league.out.prefix(200))")
  }
}

/// The same in the real binary under tmux.
@Suite("End to end: columns", .serialized)
struct ColumnsEndToEndTests {
  @Test(arguments: [(100, 30), (80, 24)])
  func sortShowsItsColumnCHidesAndHLScroll(width: Int, height: Int) throws {
    let t = try Tmux(width: width, height: height)
    #expect(t.startDashboard(" --fresh"), "\(t.capture())")
    func header() -> String {
      t.capture().split(separator: "\n").first { $0.contains("Footprint") }.map(String.init) ?? ""
    }
    // S from the gap: the previous column, Members, which the default view does not show.
    t.send("S")
    #expect(t.wait { _ in header().contains("Mem▲") || header().contains("Mem▼") }, "\(t.capture())")
    t.send("c")
    #expect(t.waitFor("Space shows/hides"), "\(t.capture())")
    t.send("j", "j", "j", "j", "j", "Space", "Escape")
    #expect(t.waitFor("hidden"), "c hides a column:\n\(t.capture())")
    t.send("c", "Space", "Escape")
    t.send("L")
    #expect(t.wait { _ in header().hasPrefix("◂") }, "L scrolls:\n\(t.capture())")
    t.send("H")
    #expect(t.wait { _ in !header().hasPrefix("◂") }, "H scrolls back:\n\(t.capture())")
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }

  @Test func twoHundredColumnsShowFullNamesAndRatings() throws {
    let t = try Tmux(width: 200, height: 60)
    #expect(t.startDashboard(" --fresh"), "\(t.capture())")
    #expect(
      t.capture().contains("Making progress") && t.capture().contains("Northumberland, Tyne and We"))
    t.send("q")
    #expect(t.waitFor("EXIT=0"))
  }
}
