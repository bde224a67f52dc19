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
    let filter = state.filters[.league].map { " \(g.dot) filter \\\(VisibleText.sanitize($0.text))" } ?? ""
    let info =
      "\(rows.count) footprint\(rows.count == 1 ? "" : "s") \(g.dot) \(region) (R)\(filter) \(g.dot) sorted by \(state.league.sort.title) \(dir) \(g.dot) £m, 2020/21, plans at \(state.scheme.phrase)"
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
      // Say what emptied the list: the filter, the region, or both.
      let filter = state.filters[.league].map { "the filter \\\(VisibleText.sanitize($0.text))" }
      let region = state.league.region.map { "the region \($0.name)" }
      let why = [filter, region].compactMap { $0 }.joined(separator: " and ")
      let fix = [
        filter == nil ? nil : "\\ then Enter clears the filter", region == nil ? nil : "R changes the region",
      ].compactMap { $0 }.joined(separator: "; ")
      buf.put(
        why.isEmpty ? "No footprints in the data." : "No footprint passes \(why): \(fix).", x: 2,
        y: layout.firstRowY, style: theme.dim, maxX: buf.width - 1)
    }
    // What the marks mean, always on the home screen: on the rule above England's totals.
    let room = buf.width - 18
    let marks = [
      " \(Figures.illustrativeMark) illustrative  \(Figures.caveatMark) \(FigureStanding.caveat.label) (p shows it) ",
      " \(Figures.illustrativeMark) illustrative  \(Figures.caveatMark) with a caveat (p) ",
      " \(Figures.illustrativeMark) illustr.  \(Figures.caveatMark) caveat ",
    ].first { DisplayWidth.width(of: $0) <= room }
    if let marks { buf.put(marks, x: 1, y: layout.ruleY, style: theme.dim) }
    // Scroll position, when the list is longer than the screen.
    if rows.count > layout.rowCount {
      let text = " \(scroll + 1)-\(min(rows.count, scroll + layout.rowCount)) of \(rows.count) "
      buf.put(text, x: buf.width - text.count - 1, y: layout.ruleY, style: theme.dim)
    }
  }
}
