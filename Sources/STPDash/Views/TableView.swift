import DashModel

/// Where a ``Table``'s screen columns go for a width: the least important
/// are dropped when narrow, and the flexible column takes what is left.
struct TableLayout: Hashable {
  struct Placed: Hashable {
    /// The column's index in the table.
    var index: Int
    var x: Int
    var width: Int
  }

  let placed: [Placed]
  /// Columns scrolled off to the left (`H`), and dropped for want of room on the right.
  let hiddenLeft: Int
  let hiddenRight: Int

  /// - Parameters:
  ///   - left: the first screen column used.
  ///   - rightMargin: screen columns left free at the right.
  ///   - pinned: the key of a column never dropped (the one sorted by).
  ///   - hidden: keys of columns the user hid (`c`).
  ///   - offset: how many columns are scrolled off to the left (`H`/`L`).
  init(
    _ table: Table, width: Int, left: Int = 1, rightMargin: Int = 0, pinned: String? = nil, hidden: Set<String> = [],
    offset: Int = 0
  ) {
    let columns = table.columns
    var visible = columns.indices.filter {
      columns[$0].outputs.contains(.screen) && (!hidden.contains(columns[$0].key) || columns[$0].key == pinned)
    }
    func isFlexible(_ i: Int) -> Bool {
      if case .flexible = columns[i].width { return true }
      return false
    }
    // Scrolling sideways hides the first columns after the name (never the pinned one).
    let scrollable = visible.filter { !isFlexible($0) && columns[$0].key != pinned && columns[$0].priority > 0 }
    let skip = max(0, min(offset, scrollable.count - 1))
    visible.removeAll { scrollable.prefix(skip).contains($0) }
    hiddenLeft = skip
    let before = visible.count
    func total(_ cols: [Int]) -> Int {
      cols.reduce(0) { $0 + columns[$1].width.minimum } + max(0, cols.count - 1)
    }
    func flexible(_ i: Int) -> Bool {
      if case .flexible = columns[i].width { return true }
      return false
    }
    func fit(_ available: Int) -> [Int] {
      var kept = visible
      while total(kept) > available, kept.count > 2 {
        guard
          let drop = kept.filter({ !(flexible($0) && columns[$0].priority == 0) && columns[$0].key != pinned }).max(
            by: {
              columns[$0].priority < columns[$1].priority
            })
        else { break }
        kept.removeAll { $0 == drop }
      }
      return kept
    }
    var available = width - left - rightMargin
    visible = fit(available)
    if visible.count < before {
      // Room at the right for the "+N ▸" that says columns are out of sight.
      available -= 4
      visible = fit(available)
    }
    hiddenRight = before - visible.count
    // What is left over goes to the flexible columns, the one wanting
    // least first (a rating's full name before a long footprint name).
    var spare = max(0, available - total(visible))
    var grant: [Int: Int] = [:]
    let wanting = visible.compactMap { i -> (Int, Int)? in
      if case .flexible(_, let extra) = columns[i].width { return (i, extra) }
      return nil
    }.sorted { $0.1 < $1.1 }
    for (i, extra) in wanting {
      let take = min(spare, extra)
      grant[i] = take
      spare -= take
    }
    var x = left
    var out: [Placed] = []
    for i in visible {
      var w = columns[i].width.minimum
      w += grant[i] ?? 0
      out.append(Placed(index: i, x: x, width: w))
      x += w + 1
    }
    placed = out
  }

  /// The index of the column under a screen column, if any.
  func column(at x: Int) -> Int? {
    placed.first { x >= $0.x && x < $0.x + $0.width }?.index
  }
}

/// Draws a ``Table``'s header and rows into the cell grid.
enum TableView {
  /// The header line; `sorted` is the key of the column the rows are sorted
  /// by, marked with the arrow of `ascending`.
  static func header(
    _ t: Table, layout: TableLayout, y: Int, sorted: String?, ascending: Bool, into buf: inout Buffer, theme: Theme,
    glyphs g: Glyphs
  ) {
    defer {
      // Columns out of sight are marked: ◂ to the left (H), +N ▸ to the right (L, or c to choose).
      if layout.hiddenLeft > 0 { buf.put(g.unicode ? "◂" : "<", x: 0, y: y, style: theme.header) }
      if layout.hiddenRight > 0 {
        let mark = "+\(layout.hiddenRight)" + (g.unicode ? "▸" : ">")
        buf.put(mark, x: max(0, buf.width - mark.count), y: y, style: theme.header)
      }
    }
    for p in layout.placed {
      let c = t.columns[p.index]
      var title = g.text(c.title)
      if c.key == sorted {
        // The arrow always shows: the title gives way to it in a narrow column.
        let arrow = ascending ? g.up : g.down
        if DisplayWidth.width(of: title) + 1 > p.width {
          title = DisplayWidth.truncate(title, to: p.width - 1, ellipsis: "")
        }
        title += arrow
      }
      // A column of bars reads from the left, so its title starts there.
      let bars = (t.rows + t.footer).first.map { $0.cells[p.index].bar != nil } ?? false
      buf.put(
        title, x: p.x, y: y, width: p.width, style: theme.header, right: c.align == .right && !bars,
        ellipsis: g.ellipsis)
    }
  }

  /// The rows from `y`, the one whose key is `selected` highlighted, then
  /// (under a rule) as many footer rows as `footerRows` from `footerY`, the
  /// first in the total's style.
  static func body<Key: Hashable>(
    _ t: Table, layout: TableLayout, y: Int, selected: Key?, footerY: Int? = nil, footerRows: Int = 0,
    into buf: inout Buffer, theme: Theme, glyphs g: Glyphs
  ) {
    let selectedKey = selected.map { AnyHashable($0) }
    for (i, r) in t.rows.enumerated() {
      row(r, in: t, layout: layout, y: y + i, into: &buf, theme: theme, glyphs: g)
      if selectedKey != nil, r.key == selectedKey {
        buf.style(Rect(x: 0, y: y + i, width: buf.width, height: 1), theme.selected)
      }
    }
    guard let footerY else { return }
    buf.rule(y: footerY - 1, glyph: g.hline, style: theme.dim)
    for (i, r) in t.footer.prefix(footerRows).enumerated() {
      row(r, in: t, layout: layout, y: footerY + i, into: &buf, theme: theme, glyphs: g)
      buf.patch(Rect(x: 0, y: footerY + i, width: buf.width, height: 1), i == 0 ? theme.total : theme.dim)
    }
  }

  /// One row of cells.
  static func row(
    _ row: Table.Row, in t: Table, layout: TableLayout, y: Int, into buf: inout Buffer, theme: Theme, glyphs g: Glyphs
  ) {
    for p in layout.placed {
      cell(
        row.cells[p.index], column: t.columns[p.index], x: p.x, y: y, width: p.width, into: &buf, theme: theme,
        glyphs: g)
    }
  }

  /// The text of a cell for a width: its short form when the whole does not fit.
  static func fitted(_ cell: Table.Cell, width: Int) -> String {
    if let short = cell.short, DisplayWidth.width(of: VisibleText.sanitize(cell.text)) > width { return short }
    return cell.text
  }

  static func cell(
    _ cell: Table.Cell, column: Table.Column, x: Int, y: Int, width w: Int, into buf: inout Buffer, theme: Theme,
    glyphs g: Glyphs
  ) {
    let style = theme.style(cell.tone)
    if let bar = cell.bar {
      let barWidth = max(0, w - 5)
      buf.put(AlignmentBar.share(bar.isNaN ? nil : bar, width: barWidth, glyphs: g), x: x, y: y, style: style)
      buf.put(cell.text, x: x + barWidth, y: y, width: w - barWidth, right: true, ellipsis: g.ellipsis)
      return
    }
    if let basis = cell.basis {
      buf.figure(
        fitted(cell, width: w - 1), illustrative: basis == .illustrative, caveat: cell.caveat, x: x, y: y, width: w,
        style: style, theme: theme, ellipsis: g.ellipsis)
      return
    }
    buf.put(
      fitted(cell, width: w), x: x, y: y, width: w, style: style, right: column.align == .right, ellipsis: g.ellipsis)
  }
}
