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
    var room = buf.height - 4
    if table.rows.count > room { room -= 1 }
    for (i, row) in table.rows.prefix(room).enumerated() {
      TableView.row(row, in: table, layout: layout, y: 3 + i, into: &buf, theme: theme, glyphs: g)
    }
    if table.rows.count > room {
      buf.put(
        "\(table.rows.count - room) more rows: a taller terminal shows them, e exports them all",
        x: 1, y: 3 + room, style: theme.dim, maxX: buf.width)
    }
  }
}
