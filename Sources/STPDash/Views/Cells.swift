import DashModel

/// Drawing helpers shared by the tables on screen.
extension Buffer {
  /// A figure right-aligned in `width` columns, its last column the
  /// illustrative mark (or blank), so digits line up down a column.
  mutating func figure(
    _ text: String, illustrative: Bool, caveat: Bool = false, x: Int, y: Int, width: Int, style: Style, theme: Theme,
    ellipsis: String
  ) {
    guard width > 1 else { return }
    put(text, x: x, y: y, width: width - 1, style: style, right: true, ellipsis: ellipsis)
    put(
      illustrative ? Figures.illustrativeMark : (caveat ? Figures.caveatMark : " "), x: x + width - 1, y: y,
      // The illustrative mark in the figure's own style: it reads the same,
      // and a terminal is not sent two attribute changes per figure.
      style: illustrative ? style : theme.caveat)
  }

  /// A horizontal rule.
  mutating func rule(y: Int, from x: Int = 0, to maxX: Int? = nil, glyph: String, style: Style) {
    let end = maxX ?? width
    guard x < end else { return }
    put(String(repeating: glyph, count: end - x), x: x, y: y, style: style, maxX: end)
  }

  /// A box border around a rectangle.
  mutating func box(_ r: Rect, glyphs g: Glyphs, style: Style, title: String? = nil) {
    guard r.width >= 2, r.height >= 2 else { return }
    put(g.topLeft + String(repeating: g.hline, count: r.width - 2) + g.topRight, x: r.x, y: r.y, style: style)
    put(
      g.bottomLeft + String(repeating: g.hline, count: r.width - 2) + g.bottomRight, x: r.x, y: r.maxY - 1, style: style
    )
    for y in (r.y + 1)..<(r.maxY - 1) {
      put(g.vline, x: r.x, y: y, style: style)
      put(g.vline, x: r.maxX - 1, y: y, style: style)
    }
    if let title { put(" \(title) ", x: r.x + 2, y: r.y, style: style.patched(Style(bold: true)), maxX: r.maxX - 2) }
  }
}
