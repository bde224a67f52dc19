import DashModel

/// The tables whose columns can be chosen and scrolled.
enum TableName: String, Hashable, Codable, CaseIterable {
  case league, members, organisations, regions, changes

  /// The table on a screen, if it has one of these.
  static func on(_ screen: Screen) -> TableName? {
    switch screen {
    case .changes: .changes
    case .league: .league
    case .footprint: .members
    case .organisations: .organisations
    case .regions: .regions
    default: nil
    }
  }

  /// Its columns (screen ones).
  func columns(_ state: AppState) -> [Table.Column] {
    let all: [Table.Column]
    switch self {
    case .league: all = LeagueColumns.all(footprints: state.derived.rows.count).map(\.spec)
    case .members: all = FootprintPresenter.memberColumns.map(\.spec)
    case .organisations: all = OrganisationsPresenter.columns.map(\.spec)
    case .regions: all = RegionsPresenter.sideBySide(state.derived.regionSummaries, glyphs: state.glyphs).columns
    case .changes: all = state.changesReport.columns().map(\.spec)
    }
    return all.filter { $0.outputs.contains(.screen) }
  }
}

/// A table's column settings.
struct TableSettings: Hashable, Codable {
  var hidden: Set<String> = []
  var offset = 0
}

/// `c`: which columns a table shows.
struct ColumnChooser: Hashable {
  var table: TableName
  var selected = 0
}

/// Hiding, showing and scrolling columns.
enum Columns {
  /// The settings of the table on the current screen.
  static func settings(_ state: AppState, _ table: TableName) -> TableSettings {
    state.tables[table] ?? TableSettings()
  }

  static func scroll(_ state: inout AppState, by delta: Int) {
    guard let t = TableName.on(state.screen) else {
      state.notice = Notice(text: "no table to scroll sideways here", kind: .info)
      return
    }
    var s = settings(state, t)
    s.offset = max(0, min(s.offset + delta, t.columns(state).count - 2))
    state.tables[t] = s
    state.notice = Notice(
      text: s.offset == 0
        ? "columns from the start"
        : "\(s.offset) column\(s.offset == 1 ? "" : "s") scrolled off to the left (H brings them back)",
      kind: .info)
  }

  static func openChooser(_ state: inout AppState) {
    guard let t = TableName.on(state.screen) else {
      state.notice = Notice(text: "no columns to choose here", kind: .info)
      return
    }
    state.chooser = ColumnChooser(table: t)
  }

  /// Keys while the chooser is open: move, toggle, close.
  static func key(_ state: inout AppState, _ key: Key) {
    guard var c = state.chooser else { return }
    let columns = c.table.columns(state)
    switch key {
    case .down, .char("j"): c.selected = min(columns.count - 1, c.selected + 1)
    case .up, .char("k"): c.selected = max(0, c.selected - 1)
    case .char(" "), .enter, .char("x"):
      guard c.selected < columns.count else { break }
      let key = columns[c.selected].key
      var s = settings(state, c.table)
      if case .flexible = columns[c.selected].width {
        state.notice = Notice(text: "the name column always shows", kind: .info)
      } else if s.hidden.contains(key) {
        s.hidden.remove(key)
        state.notice = Notice(text: "\(columns[c.selected].title) shown", kind: .info)
      } else {
        s.hidden.insert(key)
        state.notice = Notice(text: "\(columns[c.selected].title) hidden (c, then Space, shows it again)", kind: .info)
      }
      state.tables[c.table] = s
    default:
      state.chooser = nil
      return
    }
    state.chooser = c
  }
}
