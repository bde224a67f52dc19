import DashModel

/// `p`: where every figure of the footprint or organisation in view comes
/// from (basis, source, caveat), in a box over the screen that scrolls.
enum ProvenanceOverlay {
  /// The lines as the box shows them at a screen width (wrapped, never cut).
  static func lines(_ state: AppState, width: Int) -> [(text: String, style: Style)] {
    let theme = state.theme
    let g = state.glyphs
    return state.provenance.flatMap { $0.wrapped(to: min(width, 110) - 4) }.map {
      (g.text($0.text), theme.style($0.kind))
    }
  }

  static func render(_ state: AppState, scroll: Int, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let width = min(buf.width, 110)
    let lines = lines(state, width: buf.width)
    ScrollBox.render(
      lines, title: "Where these figures come from", scroll: scroll, width: width, into: &buf, theme: theme,
      glyphs: g)
  }
}

/// A box over the screen whose lines scroll (j/k, PgUp/PgDn, g/G, the
/// wheel), saying where it is; any other key closes it.
enum ScrollBox {
  static func render(
    _ lines: [(text: String, style: Style)], title: String, scroll: Int, width: Int, into buf: inout Buffer,
    theme: Theme, glyphs g: Glyphs
  ) {
    let room = room(height: buf.height)
    let top = max(0, min(scroll, lines.count - room))
    let shown = lines.dropFirst(top).prefix(room)
    let height = shown.count + 3
    let box = Rect(x: (buf.width - width) / 2, y: max(1, (buf.height - height) / 2), width: width, height: height)
    buf.fill(box, style: theme.normal)
    buf.box(box, glyphs: g, style: theme.border, title: title)
    for (i, line) in shown.enumerated() {
      buf.put(line.text, x: box.x + 2, y: box.y + 1 + i, style: line.style, maxX: box.maxX - 1)
    }
    let position =
      lines.count > room
      ? "\(top + 1)-\(top + shown.count) of \(lines.count) lines: j/k, PgUp/PgDn scroll; any other key closes"
      : "any key closes this"
    buf.put(position, x: box.x + 2, y: box.maxY - 2, style: theme.dim, maxX: box.maxX - 1)
  }

  /// How many lines a box shows at a screen height.
  static func room(height: Int) -> Int { max(1, height - 5) }

  /// The furthest a box of `count` lines scrolls at a screen height.
  static func maxScroll(_ count: Int, height: Int) -> Int { max(0, count - room(height: height)) }
}

extension Theme {
  /// The style of a detail line.
  func style(_ kind: DetailLine.Kind) -> Style {
    switch kind {
    case .title: title
    case .header: header
    case .body(let tone): style(tone)
    }
  }
}
