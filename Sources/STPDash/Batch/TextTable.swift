import DashModel

/// A table laid out for a given width: columns that do not fit are dropped
/// by priority, the flexible column is cut with an ellipsis, nothing wraps.
struct TextTable {
  /// One column's layout rules.
  struct Column {
    var title: String
    var rightAligned = false
    /// Lower stays longer when space is short.
    var priority = 0
    /// The column that gives way (cut with an ellipsis) before any is dropped.
    var flexible = false
    var minWidth = 8
  }

  var columns: [Column]
  var rows: [[String]] = []
  var footer: [[String]] = []

  /// The table as lines no wider than `width`.
  func render(width: Int, unicode: Bool) -> [String] {
    let ellipsis = unicode ? "…" : "~"
    let clean = rows.map { $0.map(VisibleText.sanitize) }
    let cleanFooter = footer.map { $0.map(VisibleText.sanitize) }
    var natural = columns.enumerated().map { i, c in
      (clean + cleanFooter).reduce(DisplayWidth.width(of: c.title)) { max($0, DisplayWidth.width(of: $1[i])) }
    }
    var visible = Array(columns.indices)
    var widths = natural
    while true {
      widths = natural
      let total = visible.reduce(0) { $0 + widths[$1] } + 2 * max(0, visible.count - 1)
      if total <= width { break }
      if let f = visible.first(where: { columns[$0].flexible }) {
        let over = total - width
        let canGive = widths[f] - min(columns[f].minWidth, widths[f])
        if canGive >= over {
          widths[f] -= over
          break
        }
      }
      // Drop the least important column that is not the flexible one.
      guard
        let drop = visible.filter({ !columns[$0].flexible }).max(by: { columns[$0].priority < columns[$1].priority }),
        visible.count > 1
      else {
        if let f = visible.first(where: { columns[$0].flexible }) {
          widths[f] = max(1, widths[f] - (total - width))
        }
        break
      }
      visible.removeAll { $0 == drop }
      natural = natural.enumerated().map { $0.element }
    }
    func line(_ cells: [String]) -> String {
      visible.map { i in
        DisplayWidth.pad(cells[i], to: widths[i], right: columns[i].rightAligned, ellipsis: ellipsis)
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    let ruleChar = unicode ? "─" : "-"
    let totalWidth = visible.reduce(0) { $0 + widths[$1] } + 2 * max(0, visible.count - 1)
    let rule = String(repeating: ruleChar, count: totalWidth)
    var out = [line(columns.map(\.title)), rule]
    out += clean.map(line)
    if !cleanFooter.isEmpty {
      out.append(rule)
      out += cleanFooter.map(line)
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
