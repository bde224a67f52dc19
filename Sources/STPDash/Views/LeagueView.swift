import DashModel

/// The home screen: every footprint ranked, with England's totals below.
enum LeagueView {
  /// The columns kept off screen: the user's choice, and the sparkline
  /// unless the names can still be shown whole beside it.
  static func hiddenColumns(_ state: AppState, width: Int) -> Set<String> {
    let chosen = Columns.settings(state, .league).hidden
    return width >= 230 ? chosen : chosen.union(["trend"])
  }

  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let layout = Layout.League(state.size)
    let rows = state.derived.visible
    let scroll = state.league.list.scroll
    // Only the rows on screen are presented: a thousand-row league costs
    // no more to draw than a short one.
    let shown = rows.dropFirst(min(scroll, rows.count)).prefix(layout.rowCount)
    let hidden = hiddenColumns(state, width: buf.width)
    let table = state.leagueReport.table(shown, glyphs: g, path: !hidden.contains("trend"))
    let cs = Columns.settings(state, .league)
    let columns = TableLayout(
      table, width: buf.width, pinned: state.league.sort.csvHeader, hidden: hidden, offset: cs.offset)

    // Settings line.
    let dir = state.league.ascending ? g.up : g.down
    let region = state.league.region?.name ?? "all regions"
    let illustrative = rows.contains(where: \.illustrative) ? "  \(Figures.illustrativeMark) illustrative" : ""
    let filter = state.filters[.league].map { " \(g.dot) filter \\\(VisibleText.sanitize($0.text))" } ?? ""
    let info =
      "\(rows.count) footprint\(rows.count == 1 ? "" : "s") \(g.dot) \(region) (R)\(filter) \(g.dot) sorted by \(state.league.sort.title) \(dir) \(g.dot) £m, 2020/21, plans at \(state.scheme.phrase)\(illustrative)"
    buf.put(
      DisplayWidth.truncate(g.text(info), to: buf.width - 1, ellipsis: g.ellipsis), x: 1, y: layout.infoY,
      style: theme.dim)

    TableView.header(
      table, layout: columns, y: layout.headerY, sorted: state.league.sort.csvHeader,
      ascending: state.league.ascending, into: &buf, theme: theme, glyphs: g)
    TableView.body(
      table, layout: columns, y: layout.firstRowY, selected: state.league.list.selected, footerY: layout.totalY,
      footerRows: 1, into: &buf, theme: theme, glyphs: g)
    if rows.isEmpty {
      buf.put(
        "No footprints in this region. Press R to change the region.", x: 2, y: layout.firstRowY, style: theme.dim)
    }
    // Scroll position, when the list is longer than the screen.
    if rows.count > layout.rowCount {
      let text = " \(scroll + 1)-\(min(rows.count, scroll + layout.rowCount)) of \(rows.count) "
      buf.put(text, x: buf.width - text.count - 1, y: layout.ruleY, style: theme.dim)
    }
  }
}
