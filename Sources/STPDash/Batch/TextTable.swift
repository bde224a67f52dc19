import DashModel

/// A ``Table`` as plain text lines for a given width: columns that do not
/// fit are dropped by priority, the flexible column is cut with an
/// ellipsis, nothing wraps. Figures carry their illustrative mark.
struct TextTable {
  let table: Table

  init(_ table: Table) { self.table = table }

  /// A cell as text output shows it: figures get their mark (or a space,
  /// so digits line up).
  static func text(_ cell: Table.Cell) -> String {
    guard let basis = cell.basis else { return cell.text }
    return Figures.marked(cell.text, basis == .illustrative, caveat: cell.caveat)
  }

  /// The table as lines no wider than `width`.
  func render(width: Int, glyphs g: Glyphs) -> [String] {
    let shown = table.columns.indices.filter { table.columns[$0].outputs.contains(.text) }
    let columns = shown.map { table.columns[$0] }
    let clean = table.rows.map { row in shown.map { VisibleText.sanitize(Self.text(row.cells[$0])) } }
    let cleanFooter = table.footer.map { row in shown.map { VisibleText.sanitize(Self.text(row.cells[$0])) } }
    let natural = columns.enumerated().map { i, c in
      (clean + cleanFooter).reduce(DisplayWidth.width(of: g.text(c.title))) { max($0, DisplayWidth.width(of: $1[i])) }
    }
    var visible = Array(columns.indices)
    var widths = natural
    while true {
      widths = natural
      let total = visible.reduce(0) { $0 + widths[$1] } + 2 * max(0, visible.count - 1)
      if total <= width { break }
      // Text columns that may be cut give their room first, the widest
      // first, down to their minimums; only then is a column dropped.
      let flexible = visible.filter { columns[$0].textFlexible }
      let canGive = flexible.reduce(0) { $0 + widths[$1] - min(columns[$1].textMinimum, widths[$1]) }
      if !flexible.isEmpty, canGive >= total - width {
        var over = total - width
        while over > 0 {
          guard
            let f = flexible.filter({ widths[$0] > columns[$0].textMinimum }).max(by: { widths[$0] < widths[$1] })
          else { break }
          widths[f] -= 1
          over -= 1
        }
        break
      }
      // Drop the least important column that is not the flexible one.
      guard
        let drop = visible.filter({ !columns[$0].textFlexible }).max(by: { columns[$0].priority < columns[$1].priority }
        ),
        visible.count > 1
      else {
        if let f = visible.first(where: { columns[$0].textFlexible }) {
          widths[f] = max(1, widths[f] - (total - width))
        }
        break
      }
      visible.removeAll { $0 == drop }
    }
    func line(_ cells: [String]) -> String {
      visible.map { i in
        DisplayWidth.pad(cells[i], to: widths[i], right: columns[i].align == .right, ellipsis: g.ellipsis)
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    let totalWidth = visible.reduce(0) { $0 + widths[$1] } + 2 * max(0, visible.count - 1)
    let rule = String(repeating: g.hline, count: totalWidth)
    var out = [line(columns.map { g.text($0.title) }), rule]
    out += clean.map(line)
    if !cleanFooter.isEmpty {
      out.append(rule)
      out += cleanFooter.map(line)
    }
    // A column left out is said, never silently missing.
    let dropped = columns.indices.filter { !visible.contains($0) }.map { g.text(columns[$0].title) }
    if !dropped.isEmpty {
      let note =
        "Not shown at \(width) columns: \(dropped.joined(separator: ", ")) (a wider terminal or --format csv shows \(dropped.count == 1 ? "it" : "them"))."
      out += DetailLine(text: note, indent: 0).wrapped(to: width).map(\.text)
    }
    return out
  }
}

extension String {
  /// The string without trailing spaces.
  func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
