import DashModel
import Testing

@testable import STPDash

@Suite("Reducer: keys through the state")
struct ReducerTests {
  let nwl = AppFixture.footprint("E54000027")
  let wy = AppFixture.footprint("E54000005")

  func names(_ s: AppState) -> [String] { s.derived.visible.map(\.name) }

  @Test func startsOnTheLeagueWithTheLargestGapSelected() {
    let s = AppFixture.state()
    #expect(s.route == [.league])
    #expect(s.league.list.selected == nwl)
    #expect(s.derived.visible.count == 44)
  }

  /// The sort's notice, as the reducer says it.
  func sorted(_ c: LeagueColumn, _ ascending: Bool) -> String {
    "sorted by \(c.meaning) (\(ascending ? "ascending" : "descending"); i inverts)"
  }

  @Test func sortKeysStepInvertAndKeepTheSelection() {
    var s = AppFixture.state()
    AppFixture.expect(&s, after: [.char("j")]) { $0.league.list.selected = wy }
    AppFixture.expect(&s, after: [.char("s")]) {
      $0.league.sort = .plan
      $0.league.ascending = false
      $0.league.list.scroll = 0
      AppFixture.say(&$0, sorted(.plan, false))
    }
    #expect(s.league.list.selected == wy, "the same footprint stays selected: it shows with row 1")
    // Inverted, West Yorkshire falls below the first page: row 1 comes into view, selected.
    let firstAscending = LeagueTable.rank(s.derived.rows, by: .plan, ascending: true).first?.footprint
    AppFixture.expect(&s, after: [.char("i")]) {
      $0.league.ascending = true
      $0.league.list = ListState(selected: firstAscending, scroll: 0)
      AppFixture.say(&$0, sorted(.plan, true))
    }
    let plans = s.derived.visible.compactMap(\.plan)
    #expect(plans == plans.sorted(), "ascending after i")
    // Columns in order, the rank left out: name, region, members, do-nothing, plan, …
    AppFixture.send(&s, [.char("S"), .char("S"), .char("S"), .char("S")])
    #expect(s.league.sort == .name && s.league.ascending)
    #expect(names(s) == names(s).sorted { $0.lowercased() < $1.lowercased() })
    // Every re-sort starts from the first row, the selection kept when it shows with it.
    AppFixture.send(&s, [.char("G")])
    #expect(s.league.list.scroll > 0)
    let last = s.league.list.selected
    AppFixture.send(&s, [.char("s")])
    #expect(s.league.sort == .region && s.league.list.scroll == 0)
    let at = s.derived.visible.firstIndex { $0.footprint == last } ?? 0
    let shows = at < Layout.League(s.size).rowCount
    #expect(
      s.league.list.selected == (shows ? last : s.derived.visible.first?.footprint),
      "kept only if it shows with row 1")
    AppFixture.send(&s, [.char("S")])
    #expect(s.league.sort == .name)
  }

  @Test func regionFilterCyclesThroughTheFourAndBack() {
    var s = AppFixture.state()
    AppFixture.expect(&s, after: [.char("R")]) {
      $0.league.region = .north
      $0.league.list.selected = wy
      AppFixture.say(&$0, "showing North only (R for the next region)")
    }
    #expect(s.derived.visible.allSatisfy { $0.region == .north }, "the selection moved into the filtered list")
    AppFixture.send(&s, [.char("R"), .char("R")])
    #expect(s.league.region == .london)
    #expect(s.derived.visible.count == 5)
    #expect(s.derived.total?.name == "London total")
    AppFixture.send(&s, [.char("R")])
    AppFixture.expect(&s, after: [.char("R")]) {
      $0.league.region = nil
      AppFixture.say(&$0, "showing every region")
    }
    #expect(s.derived.visible.count == 44)
  }

  @Test func incrementalSearchMovesAsYouTypeAndEscRestores() {
    var s = AppFixture.state()
    // The matches in league order: the first after the selection comes first.
    let matches = s.derived.visible.compactMap(\.footprint).filter {
      AppFixture.dataset.footprints[$0].name.lowercased().contains("sur")
    }
    #expect(Set(matches) == [AppFixture.footprint("E54000035"), AppFixture.footprint("E54000033")])
    let first = s.derived.visible.firstIndex { $0.footprint == matches[0] } ?? 0
    AppFixture.expect(&s, after: [.char("/"), .char("s"), .char("u"), .char("r")]) {
      $0.input = TextInput(purpose: .search(origin: 0), text: "sur")
      $0.league.list.selected = matches[0]
      $0.league.list.scroll = max(0, first - Layout.League($0.size).rowCount + 1)
    }
    AppFixture.expect(&s, after: [.escape]) {
      $0.input = nil
      $0.league.list = ListState(selected: nwl, scroll: 0)
      AppFixture.say(&$0, "search cancelled")
    }
    AppFixture.send(&s, AppFixture.typed("/sur") + [.enter])
    #expect(s.lastSearch == "sur" && s.input == nil && s.league.list.selected == matches[0])
    AppFixture.send(&s, [.char("n")])
    #expect(s.league.list.selected == matches[1], "n: the next match")
    AppFixture.send(&s, [.char("N")])
    #expect(s.league.list.selected == matches[0])
    AppFixture.send(&s, AppFixture.typed("/zzz"))
    #expect(s.notice?.text == "no match for \"zzz\"")
  }

  @Test func drillDownAndBack() {
    var s = AppFixture.state()
    let members = s.memberRows(nwl)
    let second = members[1]
    AppFixture.expect(&s, after: [.char("j"), .char("k"), .enter]) {
      $0.route = [.league, .footprint(nwl)]
      $0.members.footprint = nwl
      $0.members.list = ListState(selected: members.first?.membership, scroll: 0)
    }
    AppFixture.expect(&s, after: [.char("j"), .enter]) {
      $0.route.append(.organisation(second.org, context: nwl))
      $0.members.list.selected = second.membership
      $0.orgList = ListState(selected: second.membership, scroll: 0)
    }
    AppFixture.expect(&s, after: [.enter]) {
      $0.route.append(.footprint(nwl))
    }
    AppFixture.send(&s, [.escape, .backspace, .escape])
    #expect(s.route == [.league])
    AppFixture.expect(&s, after: [.escape]) { AppFixture.say(&$0, "this is the top screen; q quits") }
  }

  @Test func deliveryStepsByTenAndEverythingFollows() {
    var s = AppFixture.state()
    let before = s.derived.visible.first { $0.footprint == nwl }
    AppFixture.expect(&s, after: [.char("+")]) {
      $0.delivery = Delivery(percent: 110)
      AppFixture.say(&$0, "plans deliver 110% of their planned savings; league and savings at risk follow")
    }
    let after = s.derived.visible.first { $0.footprint == nwl }
    #expect((after?.plan ?? 0) < (before?.plan ?? 0), "more savings delivered: a smaller plan gap")
    #expect((after?.atRisk ?? 0) > (before?.atRisk ?? 0), "more savings at stake")
    AppFixture.send(&s, Array(repeating: .char("+"), count: 10))
    #expect(s.delivery.percent == 150)
    AppFixture.send(&s, Array(repeating: .char("-"), count: 20))
    #expect(s.delivery.percent == 0)
    #expect(s.derived.visible.allSatisfy { $0.plan == $0.doNothing }, "nothing delivered: plan = do-nothing")
  }

  @Test func tabsAndNumbersSwitchScreens() {
    var s = AppFixture.state()
    AppFixture.expect(&s, after: [.char("2")]) {
      $0.route = [.league, .trajectory(nwl)]
      $0.tabHistory = [([.league], [.league, .trajectory(nwl)])]
    }
    let firstMember = s.memberRows(nwl).first?.membership
    AppFixture.expect(&s, after: [.char("3")]) {
      $0.route = [.league, .footprint(nwl)]
      $0.members.footprint = nwl
      $0.members.list = ListState(selected: firstMember, scroll: 0)
      $0.tabHistory.append(([.league, .trajectory(nwl)], [.league, .footprint(nwl)]))
    }
    AppFixture.send(&s, [.char("4")])
    #expect(s.route == [.league, .flags])
    AppFixture.send(&s, [.tab])
    #expect(s.route == [.league, .organisations])
    AppFixture.send(&s, [.tab, .tab])
    #expect(s.route == [.league, .regions])
    AppFixture.send(&s, [.tab])
    #expect(s.route == [.league, .changes])
    AppFixture.send(&s, [.tab])
    #expect(s.route == [.league])
    AppFixture.send(&s, [.backTab, .backTab, .backTab, .backTab])
    #expect(s.route == [.league, .organisations])
    AppFixture.send(&s, [.backTab])
    #expect(s.route == [.league, .flags])
    AppFixture.send(&s, [.char("5")])
    #expect(s.route == [.league, .organisations])
    AppFixture.send(&s, [.char("1")])
    #expect(s.route == [.league])
  }

  @Test func trajectoryStepsThroughTheLeagueOrderAndShowsEngland() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("2"), .right])
    #expect(s.route.last == .trajectory(wy))
    #expect(s.league.list.selected == wy, "the league follows")
    AppFixture.send(&s, [.left, .left])
    #expect(s.route.last == .trajectory(s.derived.visible.last?.footprint), "wraps to the end")
    AppFixture.send(&s, [.char("E")])
    #expect(s.route.last == .trajectory(nil))
    AppFixture.send(&s, [.char("l")])
    #expect(s.route.last == .trajectory(nwl), "from England, next is the first in the league")
  }

  @Test func escGoesBackToTheScreenATabWasSwitchedFrom() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.enter])
    #expect(s.route == [.league, .footprint(nwl)])
    AppFixture.send(&s, [.char("4")])
    #expect(s.route == [.league, .flags])
    AppFixture.send(&s, [.escape])
    #expect(s.route == [.league, .footprint(nwl)], "Esc returns from Flags to the Footprint it was opened from")
    AppFixture.send(&s, [.escape])
    #expect(s.route == [.league])
  }

  @Test func helpOpensAndAnyKeyClosesIt() {
    var s = AppFixture.state()
    AppFixture.expect(&s, after: [.char("?")]) { $0.overlay = .help(HelpState()) }
    AppFixture.expect(&s, after: [.char("j"), .char("j")]) { $0.overlay = .help(HelpState(scroll: 2)) }
    // The closing key does nothing else.
    AppFixture.expect(&s, after: [.char("x")]) { $0.overlay = nil }
    AppFixture.send(&s, [.char("?"), .char("q")])
    #expect(s.quit, "q still quits from help")
  }

  @Test func quitFromAnyScreen() {
    for keys: [Key] in [[], [.enter], [.char("2")], [.char("4")], [.enter, .enter]] {
      var s = AppFixture.state()
      AppFixture.send(&s, keys + [.char("q")])
      #expect(s.quit)
    }
  }

  @Test func pagingAndEndsKeepTheSelectionOnScreen() {
    var s = AppFixture.state(width: 80, height: 24)
    let rows = Layout.League(s.size).rowCount
    AppFixture.send(&s, [.char("G")])
    #expect(s.league.list.selected == s.derived.visible.last?.footprint)
    #expect(s.league.list.scroll == 44 - rows)
    AppFixture.send(&s, [.char("g")])
    #expect(s.league.list.scroll == 0)
    AppFixture.send(&s, [.pageDown])
    #expect(s.league.list.selected == s.derived.visible[rows - 1].footprint)
    _ = Reducer.reduce(&s, .resized(Size(width: 80, height: 12)), at: AppFixture.time)
    let small = Layout.League(s.size).rowCount
    let index = s.derived.visible.firstIndex { $0.footprint == s.league.list.selected } ?? -1
    #expect(index >= s.league.list.scroll && index < s.league.list.scroll + small, "still visible after shrinking")
  }

  @Test func mouseClickSelectsDoubleClickOpensHeaderSorts() {
    var s = AppFixture.state()
    let layout = Layout.League(s.size)
    _ = Reducer.reduce(
      &s, .mouse(MouseEvent(kind: .press, x: 10, y: layout.firstRowY + 2, time: 1.0)), at: AppFixture.time)
    #expect(s.league.list.selected == s.derived.visible[2].footprint)
    #expect(s.route == [.league])
    _ = Reducer.reduce(
      &s, .mouse(MouseEvent(kind: .press, x: 10, y: layout.firstRowY + 2, time: 1.2)), at: AppFixture.time)
    #expect(
      s.route == [.league, .footprint(s.derived.visible[2].footprint ?? FootprintID(-1))], "a double click opens")
    AppFixture.send(&s, [.escape])
    let league = Table(columns: LeagueColumns.all(footprints: s.derived.rows.count).map(\.spec))
    let savings = TableLayout(league, width: s.size.width, pinned: s.league.sort.csvHeader).placed.first {
      league.columns[$0.index].key == LeagueColumn.short.csvHeader
    }
    #expect(savings != nil, "Short (the plan with refusals) shows at 100 columns")
    _ = Reducer.reduce(
      &s, .mouse(MouseEvent(kind: .press, x: savings?.x ?? 0, y: layout.headerY, time: 5)), at: AppFixture.time)
    #expect(s.league.sort == .short)
    #expect(s.league.ascending == false)
    _ = Reducer.reduce(
      &s, .mouse(MouseEvent(kind: .press, x: (savings?.x ?? 0) + 1, y: layout.headerY, time: 9)), at: AppFixture.time)
    #expect(s.league.ascending == true, "a second click inverts")
    AppFixture.send(&s, [.char("g")])
    let from = s.derived.visible.firstIndex { $0.footprint == s.league.list.selected } ?? 0
    _ = Reducer.reduce(&s, .mouse(MouseEvent(kind: .wheelDown, x: 1, y: 10, time: 12)), at: AppFixture.time)
    #expect(
      s.derived.visible.indices.contains(from + 3) && s.league.list.selected == s.derived.visible[from + 3].footprint,
      "the wheel moves three rows")
  }

  @Test func exportAndReloadAreEffects() {
    var s = AppFixture.state()
    // e asks where, with a default; Enter writes; an existing file is asked about.
    #expect(Reducer.reduce(&s, .keyPressed(.char("e")), at: AppFixture.time).isEmpty)
    #expect(s.input == TextInput(purpose: .exportPath(overwrite: nil), text: "stpdash-league.csv"))
    let export = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
    guard case .writeExport(let path, let csv, let rows, let overwrite)? = export.first else {
      Issue.record("Enter should write the export")
      return
    }
    #expect(path == "stpdash-league.csv" && !overwrite)
    #expect(rows == 44)
    #expect(csv.hasPrefix("rank,code,name,region,members"))
    _ = Reducer.reduce(
      &s, .exported(.failure(ExportFailure(message: "exists", existing: "stpdash-league.csv"))), at: AppFixture.time)
    #expect(s.input?.purpose == .exportPath(overwrite: "stpdash-league.csv"), "it asks before overwriting")
    guard case .writeExport(_, _, _, true)? = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time).first else {
      Issue.record("Enter again overwrites")
      return
    }
    _ = Reducer.reduce(&s, .exported(.success(ExportDone(path: "stpdash-league.csv", rows: 44))), at: AppFixture.time)
    #expect(s.notice?.text == "exported 44 rows to stpdash-league.csv")
    // y copies the selected row as a spreadsheet pastes it: a header, then raw values.
    guard case .copy(let text)? = Reducer.reduce(&s, .keyPressed(.char("y")), at: AppFixture.time).first else {
      Issue.record("y copies")
      return
    }
    let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(lines.count == 2, "a header and the row")
    #expect(
      lines.first?.prefix(3) == ["rank", "code", "name"]
        && lines.last?.prefix(3) == ["1", "E54000027", "North West London"])
    let gap = lines.first?.firstIndex(of: "do_nothing_2020_21_gbp_m").flatMap { lines.last?[$0] }
    #expect(gap == "1410", "the gap as a number, not as the screen formats it (1,410.0†)")
    #expect(
      Reducer.reduce(&s, .keyPressed(.char("r")), at: AppFixture.time)
        == [.reload(directory: s.session.directory, journalPath: s.session.journalPath)])
    #expect(s.busy != nil && AppView.render(s).lines.last?.contains("reloading") == true, "a reload says so first")
  }

  @Test func aFailedReloadKeepsTheOldData() {
    var s = AppFixture.state()
    _ = Reducer.reduce(
      &s, .dataReloaded(.failure(ReloadFailure(message: "finance.csv:3: gbp_m \"x\" is not a number"))),
      at: AppFixture.time)
    #expect(s.derived.visible.count == 44)
    #expect(s.notice?.kind == .error)
    #expect(s.notice?.text.contains("finance.csv:3") == true)
  }
}
