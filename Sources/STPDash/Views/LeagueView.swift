import DashModel

/// The home screen: every footprint ranked, with England's totals below.
enum LeagueView {
  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let layout = Layout.League(state.size)
    let columns = LeagueColumns(width: buf.width, rows: state.derived.rows.count)
    let rows = state.derived.visible

    // Settings line.
    let dir = state.league.ascending ? g.up : g.down
    let region = state.league.region?.name ?? "all regions"
    let illustrative = rows.contains(where: \.illustrative) ? "  \(Figures.illustrativeMark) illustrative" : ""
    let info =
      "\(rows.count) footprint\(rows.count == 1 ? "" : "s") \(g.dot) \(region) (R) \(g.dot) sorted by \(state.league.sort.title) \(dir) \(g.dot) £m, 2020/21, plans at \(state.delivery.percent)%\(illustrative)"
    buf.put(
      DisplayWidth.truncate(g.text(info), to: buf.width - 1, ellipsis: g.ellipsis), x: 1, y: layout.infoY,
      style: theme.dim)

    // Header, with the sort arrow.
    for p in columns.placed {
      var title = g.text(p.column.title)
      if p.column == state.league.sort { title += dir }
      buf.put(
        title, x: p.x, y: layout.headerY, width: p.width, style: theme.header, right: p.column.isNumeric,
        ellipsis: g.ellipsis)
    }

    let scroll = state.league.list.scroll
    for i in 0..<layout.rowCount {
      let index = scroll + i
      guard index < rows.count else { break }
      let row = rows[index]
      let y = layout.firstRowY + i
      draw(row, y: y, columns: columns, into: &buf, theme: theme, glyphs: g)
      if row.footprint == state.league.list.selected {
        buf.style(Rect(x: 0, y: y, width: buf.width, height: 1), theme.selected)
      }
    }
    if rows.isEmpty {
      buf.put(
        "No footprints in this region. Press R to change the region.", x: 2, y: layout.firstRowY, style: theme.dim)
    }
    buf.rule(y: layout.ruleY, glyph: g.hline, style: theme.dim)
    if let total = state.derived.total {
      draw(total, y: layout.totalY, columns: columns, into: &buf, theme: theme, glyphs: g)
      buf.patch(Rect(x: 0, y: layout.totalY, width: buf.width, height: 1), theme.total)
    }
    // Scroll position, when the list is longer than the screen.
    if rows.count > layout.rowCount {
      let text = " \(scroll + 1)-\(min(rows.count, scroll + layout.rowCount)) of \(rows.count) "
      buf.put(text, x: buf.width - text.count - 1, y: layout.ruleY, style: theme.dim)
    }
  }

  static func draw(
    _ row: LeagueRow, y: Int, columns: LeagueColumns, into buf: inout Buffer, theme: Theme, glyphs g: Glyphs
  ) {
    let ill = row.illustrativeColumns
    let e = g.ellipsis
    let dash = g.dash
    for p in columns.placed {
      let x = p.x
      let w = p.width
      switch p.column {
      case .rank:
        buf.put(
          row.footprint == nil ? "" : String(row.rank), x: x, y: y, width: w, style: theme.dim, right: true, ellipsis: e
        )
      case .name:
        buf.put(row.name, x: x, y: y, width: w, style: row.flagged > 0 ? theme.flag : theme.normal, ellipsis: e)
      case .region:
        buf.put(row.region?.shortName ?? "", x: x, y: y, width: w, ellipsis: e)
      case .members:
        buf.put(NumberFormat.grouped(row.members), x: x, y: y, width: w, right: true, ellipsis: e)
      case .doNothing:
        buf.figure(
          Figures.money(row.doNothing, fitting: w - 1, unicode: g.unicode), illustrative: ill.contains(.doNothing),
          x: x, y: y,
          width: w, style: Meaning.gap(row, theme), theme: theme, ellipsis: e)
      case .plan:
        buf.figure(
          Figures.money(row.plan, fitting: w - 1, unicode: g.unicode), illustrative: ill.contains(.plan), x: x, y: y,
          width: w,
          style: Meaning.plan(row, theme), theme: theme, ellipsis: e)
      case .savingsPercent:
        buf.figure(
          Figures.percent(row.savingsPercent, unicode: g.unicode), illustrative: ill.contains(.savingsPercent), x: x,
          y: y, width: w, style: theme.normal, theme: theme, ellipsis: e)
      case .perHead:
        buf.figure(
          Figures.pounds(row.perHead, unicode: g.unicode), illustrative: ill.contains(.perHead), x: x, y: y, width: w,
          style: theme.normal, theme: theme, ellipsis: e)
      case .aligned:
        let pct = row.alignedShare.map { NumberFormat.percent($0) } ?? dash
        let barWidth = max(0, w - 5)
        buf.put(AlignmentBar.share(row.alignedShare, width: barWidth, glyphs: g), x: x, y: y, style: theme.good)
        buf.put(pct, x: x + barWidth, y: y, width: w - barWidth, right: true, ellipsis: e)
      case .flagged:
        buf.put(
          row.flagged > 0 ? "\(row.flagged)" : "0", x: x, y: y, width: w,
          style: row.flagged > 0 ? theme.flag : theme.dim, right: true, ellipsis: e)
      case .atRisk:
        buf.figure(
          Figures.money(row.atRisk, fitting: w - 1, unicode: g.unicode), illustrative: ill.contains(.atRisk), x: x,
          y: y, width: w,
          style: Meaning.atRisk(row, theme), theme: theme, ellipsis: e)
      case .rating:
        buf.put(
          row.rating?.shortName ?? (row.footprint == nil ? "" : dash), x: x, y: y, width: w,
          style: Meaning.rating(row.rating, theme), ellipsis: e)
      }
    }
  }
}
