import DashModel

/// Choosing the sort column and direction of the league or a member list.
enum Sorting {
  static func step(_ state: inout AppState, by delta: Int) {
    switch state.screen {
    case .league:
      // The rank is where a row stands, not something to sort by: left out of the cycle.
      let all = LeagueColumn.allCases.filter { $0 != .rank }
      let i = all.firstIndex(of: state.league.sort) ?? 0
      let next = all[((i + delta) % all.count + all.count) % all.count]
      setLeague(&state, next, ascending: next.naturallyAscending)
    case .footprint:
      let all = MemberColumn.allCases
      let i = all.firstIndex(of: state.members.sort) ?? 0
      let next = all[((i + delta) % all.count + all.count) % all.count]
      state.members.sort = next
      state.members.ascending = next.naturallyAscending
      state.notice = Notice(text: "members sorted by \(next.title.lowercased())", kind: .info)
    case .map:
      let all = MapPresenter.metrics
      let i = all.firstIndex(of: state.mapMetric) ?? 0
      state.mapMetric = all[((i + delta) % all.count + all.count) % all.count]
      state.notice = Notice(text: "map coloured by \(state.mapMetric.meaning)", kind: .info)
    case .organisations:
      let all = OrganisationColumn.allCases
      let i = all.firstIndex(of: state.organisations.sort) ?? 0
      let next = all[((i + delta) % all.count + all.count) % all.count]
      setOrganisations(&state, next, ascending: next.naturallyAscending)
    case .changes:
      let all = ChangeColumn.allCases
      let i = all.firstIndex(of: state.changes.sort) ?? 0
      state.changes.sort = all[((i + delta) % all.count + all.count) % all.count]
      state.changes.ascending = true
      state.notice = Notice(text: "changes sorted by \(state.changes.sort.title.lowercased()) (i inverts)", kind: .info)
    default: break
    }
  }

  /// Sorts the organisations, keeping the selected one selected.
  static func setOrganisations(_ state: inout AppState, _ column: OrganisationColumn, ascending: Bool) {
    state.organisations.sort = column
    state.organisations.ascending = ascending
    state.notice = Notice(
      text: "organisations sorted by \(column.meaning) (\(ascending ? "ascending" : "descending"); i inverts)",
      kind: .info)
  }

  static func invert(_ state: inout AppState) {
    switch state.screen {
    case .league: setLeague(&state, state.league.sort, ascending: !state.league.ascending)
    case .footprint:
      state.members.ascending.toggle()
    case .organisations:
      setOrganisations(&state, state.organisations.sort, ascending: !state.organisations.ascending)
    case .changes: state.changes.ascending.toggle()
    default: break
    }
  }

  /// Sorts the league, keeping the selected footprint selected.
  static func setLeague(_ state: inout AppState, _ column: LeagueColumn, ascending: Bool) {
    state.league.sort = column
    state.league.ascending = ascending
    state.notice = Notice(
      text: "sorted by \(column.meaning) (\(ascending ? "ascending" : "descending"); i inverts)", kind: .info)
  }

  /// A click on a column header: sort by it, or invert when it is already the sort.
  static func clickLeagueHeader(_ state: inout AppState, _ column: LeagueColumn) {
    if state.league.sort == column {
      setLeague(&state, column, ascending: !state.league.ascending)
    } else {
      setLeague(&state, column, ascending: column.naturallyAscending)
    }
  }
}
