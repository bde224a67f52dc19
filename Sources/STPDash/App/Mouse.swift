import DashModel

extension Reducer {
  /// How close two clicks must be to count as a double click, in seconds.
  static let doubleClickInterval = 0.4

  static func mouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    switch state.overlay {
    case .help, .provenance, .messages:
      // A click closes them; the wheel scrolls them.
      if let overlay = state.overlay, event.kind != .press {
        return OverlayKeys.key(&state, overlay, event.kind == .wheelUp ? .up : .down)
      }
      state.overlay = nil
      return []
    case .prompt, .columns, .confirmQuit: return []
    case nil: break
    }
    switch event.kind {
    case .wheelUp, .wheelDown:
      if state.screen == .regions {
        // The Regions screen scrolls its measures (it has no selection).
        for _ in 0..<3 { Lists.run(&state, event.kind == .wheelUp ? .up : .down) }
      } else {
        Lists.move(&state, by: event.kind == .wheelUp ? -3 : 3)
      }
      return []
    case .press:
      break
    }
    let double =
      state.lastClick.map { last in
        last.y == event.y && abs(last.x - event.x) <= 3 && event.time - last.time <= doubleClickInterval
      } ?? false
    state.lastClick = double ? nil : event
    if event.y == 0 {
      if let t = Chrome.tabs(state).first(where: {
        event.x >= $0.x && event.x < $0.x + $0.width
      }) {
        Navigation.switchTab(&state, t.tab)
      }
      return []
    }
    guard let hit = rowHit(state, event) else { return [] }
    switch hit {
    case .header(let x):
      if case .league = state.screen,
        let c = LeagueReport.column(
          at: x, width: state.size.width, rows: state.derived.rows.count, sorted: state.league.sort,
          hidden: LeagueView.hiddenColumns(state, width: state.size.width),
          offset: Columns.settings(state, .league).offset)
      {
        Sorting.clickLeagueHeader(&state, c)
      }
      if case .organisations = state.screen,
        let i = TableLayout(
          Table(columns: OrganisationsPresenter.columns.map(\.spec)), width: state.size.width,
          pinned: state.organisations.sort.key, hidden: Columns.settings(state, .organisations).hidden,
          offset: Columns.settings(state, .organisations).offset
        ).column(at: x),
        let c = OrganisationColumn.allCases.first(where: { $0.key == OrganisationsPresenter.columns[i].spec.key })
      {
        let ascending = state.organisations.sort == c ? !state.organisations.ascending : c.naturallyAscending
        Sorting.setOrganisations(&state, c, ascending: ascending)
      }
    case .row(let index):
      Lists.select(&state, index: index)
      if double { Navigation.drill(&state) }
    }
    return []
  }

  enum RowHit {
    case header(x: Int)
    case row(Int)
  }

  /// What a click landed on in the current screen's list.
  static func rowHit(_ state: AppState, _ e: MouseEvent) -> RowHit? {
    let header: Int
    let first: Int
    let count: Int
    switch state.screen {
    case .league:
      let l = Layout.League(state.size)
      (header, first, count) = (l.headerY, l.firstRowY, l.rowCount)
    case .footprint(let f):
      let l = state.footprintLayout(f)
      (header, first, count) = (l.headerY, l.firstRowY, l.rowCount)
    case .organisation(let o, _):
      let l = Layout.Organisation(state.size, footprints: state.session.dataset.membershipsOfOrganisation[o].count)
      (header, first, count) = (l.headerY, l.firstRowY, l.rowCount)
    case .flags:
      let l = Layout.Flags(state.size)
      (header, first, count) = (l.headerY, l.firstRowY, l.rowCount)
    case .organisations:
      let l = Layout.Organisations(state)
      (header, first, count) = (l.headerY, l.firstRowY, l.rowCount)
    case .changes:
      let l = Layout.Changes(state.size)
      (header, first, count) = (l.headerY, l.firstRowY, l.rowCount)
    case .trajectory, .map, .regions:
      return nil
    }
    if e.y == header { return .header(x: e.x) }
    guard e.y >= first, e.y < first + count else { return nil }
    guard let list = Lists.access(state, screen: state.screen), list.scroll + e.y - first < list.count else {
      return nil
    }
    return .row(list.scroll + e.y - first)
  }
}
