import DashModel

/// The four regions and England side by side, each measure a row.
enum RegionsView {
  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let table = state.regionsReport.sideBySide(glyphs: g)
    var info = "2020/21, plans at \(state.scheme.phrase)"
    if !state.assumed.isEmpty { info += " \(g.dot) \(state.assumed.count) assumed refusing" }
    info += " \(g.dot) reported: share of the £ reported, not illustrative"
    buf.put(DisplayWidth.truncate(g.text(info), to: buf.width - 2, ellipsis: g.ellipsis), x: 1, y: 1, style: theme.dim)
    let cs = Columns.settings(state, .regions)
    let layout = TableLayout(table, width: buf.width, hidden: cs.hidden, offset: cs.offset)
    TableView.header(table, layout: layout, y: 2, sorted: nil, ascending: false, into: &buf, theme: theme, glyphs: g)
    let room = room(state.size)
    let top = max(0, min(state.regionsScroll, table.rows.count - room))
    for (i, row) in table.rows.dropFirst(top).prefix(room).enumerated() {
      TableView.row(row, in: table, layout: layout, y: 3 + i, into: &buf, theme: theme, glyphs: g)
    }
    if table.rows.count > room {
      let last = min(table.rows.count, top + room)
      let position =
        " rows \(top + 1)-\(last) of \(table.rows.count)"
        + (last < table.rows.count ? ": j/PgDn for \(table.rows.count - last) more" : ": k/PgUp back") + " "
      let rule = String(repeating: g.hline, count: max(0, buf.width - DisplayWidth.width(of: position) - 2))
      buf.put(rule + position, x: 0, y: 3 + room, style: theme.dim, maxX: buf.width)
    }
  }

  /// How many measure rows fit (one line kept for the position when they do not all fit).
  static func room(_ size: Size) -> Int { max(1, size.height - 5) }
}
