import DashModel

/// `c`: the table's columns, each shown or hidden, toggled with Space.
enum ChooserOverlay {
  static func render(_ state: AppState, _ c: ColumnChooser, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let columns = c.table.columns(state)
    let hidden = Columns.settings(state, c.table).hidden
    let width = min(buf.width, 44)
    let room = max(1, buf.height - 5)
    let first = max(0, min(c.selected - room + 1, columns.count - room))
    let shown = Array(columns.enumerated().dropFirst(first).prefix(room))
    let height = shown.count + 3
    let box = Rect(x: max(0, buf.width - width - 2), y: 1, width: width, height: height)
    buf.fill(box, style: theme.normal)
    buf.box(box, glyphs: g, style: theme.border, title: "Columns")
    for (row, (i, col)) in shown.enumerated() {
      let on = !hidden.contains(col.key)
      var flexible = false
      if case .flexible = col.width { flexible = true }
      let mark = flexible ? "[=]" : (on ? "[x]" : "[ ]")
      let y = box.y + 1 + row
      buf.put(" \(mark) " + g.text(col.title), x: box.x + 1, y: y, style: theme.normal, maxX: box.maxX - 1)
      if i == c.selected { buf.style(Rect(x: box.x + 1, y: y, width: width - 2, height: 1), theme.selected) }
    }
    buf.put(
      "Space shows/hides, j/k move, any other key closes", x: box.x + 2, y: box.maxY - 2, style: theme.dim,
      maxX: box.maxX - 1)
  }
}
