import DashModel

/// The matches of `:` as a box above the status line: best first, the
/// highlighted one opened by Enter.
enum GoToView {
  static func render(_ state: AppState, selected: Int, into buf: inout Buffer) {
    guard state.goToText != nil else { return }
    let theme = state.theme
    let g = state.glyphs
    let matches = state.derived.goToMatches
    let room = max(1, buf.height - 4)
    let shown = min(matches.count, room, 12)
    guard shown > 0 else { return }
    let width = buf.width
    let top = buf.height - 2 - shown - 1
    let x = 0
    buf.fill(Rect(x: x, y: top, width: width, height: shown + 2), style: theme.normal)
    buf.rule(y: top, from: x, to: x + width, glyph: g.hline, style: theme.dim)
    let more =
      matches.count > shown
      ? " \(selected + 1) of \(matches.count)\(matches.count == GoTo.limit ? "+" : "") "
      : " \(matches.count) match\(matches.count == 1 ? "" : "es") "
    buf.put(
      " go to (\(g.up)\(g.down) choose, Enter open, Esc back) " + more, x: x + 1, y: top, style: theme.dim,
      maxX: x + width)
    // Keep the highlighted match in view.
    let first = max(0, min(selected - shown + 1, matches.count - shown))
    for i in 0..<shown {
      let m = matches[first + i]
      let y = top + 1 + i
      let nameW = max(10, width * 11 / 20)
      var cx = buf.put(
        DisplayWidth.truncate(VisibleText.sanitize(m.name), to: nameW, ellipsis: g.ellipsis), x: x + 1, y: y,
        style: theme.normal)
      cx = max(cx, x + 1 + nameW) + 1
      buf.put(m.code + "  " + m.detail, x: cx, y: y, style: theme.dim, maxX: x + width)
      if first + i == selected { buf.style(Rect(x: x, y: y, width: width, height: 1), theme.selected) }
    }
    buf.rule(y: top + shown + 1, from: x, to: x + width, glyph: g.hline, style: theme.dim)
  }
}
