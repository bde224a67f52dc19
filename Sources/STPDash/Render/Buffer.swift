import DashModel

/// A terminal colour (the eight every colour terminal has).
enum Color: Int, Hashable, CaseIterable {
  case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell looks.
struct Style: Hashable {
  var fg: Color?
  var bg: Color?
  var bold = false
  var dim = false
  var reverse = false
  var underline = false

  static let plain = Style()

  /// This style with another laid over it (the other's set parts win).
  func patched(_ other: Style) -> Style {
    Style(
      fg: other.fg ?? fg, bg: other.bg ?? bg, bold: bold || other.bold, dim: dim || other.dim,
      reverse: reverse != other.reverse, underline: underline || other.underline)
  }
}

/// One screen cell: a grapheme and its style. The cell after a two-column
/// grapheme holds an empty symbol.
struct Cell: Hashable {
  var symbol: String
  var style: Style

  static let blank = Cell(symbol: " ", style: .plain)
}

/// A position and size on screen.
struct Rect: Hashable {
  var x: Int
  var y: Int
  var width: Int
  var height: Int

  var maxX: Int { x + width }
  var maxY: Int { y + height }

  /// Whether a point is inside.
  func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

  /// The rectangle shrunk by a margin on every side.
  func inset(_ n: Int) -> Rect {
    Rect(x: x + n, y: y + n, width: max(0, width - 2 * n), height: max(0, height - 2 * n))
  }
}

/// Width and height in cells.
struct Size: Hashable {
  var width: Int
  var height: Int
}

/// An in-memory grid of cells that views draw into. Nothing here touches the terminal.
struct Buffer: Equatable {
  let width: Int
  let height: Int
  private(set) var cells: [Cell]

  init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes text from (x, y), clipped at `maxX`, making data text visible
  /// first. Returns the column after the last cell written. Only as much of
  /// the text as can show is looked at: a name of millions of characters
  /// costs no more than a short one.
  @discardableResult
  mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
    guard y >= 0, y < height else { return x }
    let limit = min(maxX ?? width, width)
    var cx = x
    for raw in text {
      if cx >= limit { break }
      // A character that must not reach the terminal is shown by its stand-in.
      let shown =
        raw.unicodeScalars.contains { VisibleText.escape($0) != nil } ? VisibleText.sanitize(String(raw)) : nil
      for ch in shown.map(Array.init) ?? [raw] {
        let w = DisplayWidth.width(of: ch)
        if w == 0 { continue }
        if cx + w > limit {
          // A wide character that would straddle the edge becomes a space.
          if cx < limit, cx >= 0 { self[cx, y] = Cell(symbol: " ", style: style) }
          return limit
        }
        if cx >= 0 {
          self[cx, y] = Cell(symbol: String(ch), style: style)
          if w == 2 { self[cx + 1, y] = Cell(symbol: "", style: style) }
        }
        cx += w
      }
    }
    return cx
  }

  /// Writes text padded or cut to exactly `width` columns.
  mutating func put(
    _ text: String, x: Int, y: Int, width w: Int, style: Style = .plain, right: Bool = false, ellipsis: String
  ) {
    guard w > 0 else { return }
    // Only the part that can show is made visible and measured (each
    // character takes at least one column, or is a stand-in of several).
    let head = String(text.prefix(w * 8 + 8))
    let clean = VisibleText.sanitize(head)
    let cut = head.count < text.count ? clean + ellipsis + ellipsis : clean
    put(DisplayWidth.pad(cut, to: w, right: right, ellipsis: ellipsis), x: x, y: y, style: style, maxX: x + w)
  }

  /// Sets the style of every cell in a rectangle (keeping symbols).
  mutating func style(_ rect: Rect, _ style: Style) {
    for y in max(0, rect.y)..<min(height, rect.maxY) {
      for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y].style = style }
    }
  }

  /// Lays a style over every cell of a rectangle.
  mutating func patch(_ rect: Rect, _ style: Style) {
    for y in max(0, rect.y)..<min(height, rect.maxY) {
      for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y].style = self[x, y].style.patched(style) }
    }
  }

  /// Fills a rectangle with one symbol and style.
  mutating func fill(_ rect: Rect, symbol: String = " ", style: Style = .plain) {
    for y in max(0, rect.y)..<min(height, rect.maxY) {
      for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = Cell(symbol: symbol, style: style) }
    }
  }

  /// The screen as plain text lines, trailing spaces removed.
  var lines: [String] {
    (0..<height).map { y in
      var s = ""
      for x in 0..<width { s += self[x, y].symbol }
      return s.trimmingTrailingSpaces()
    }
  }

  /// One character per cell naming its foreground colour (`r` red, `g` green,
  /// `y` yellow, `b` blue, `m` magenta, `c` cyan, `w` white, `k` black; `.`
  /// the terminal's own).
  var colorMask: [String] {
    let letters: [Color: Character] = [
      .red: "r", .green: "g", .yellow: "y", .blue: "b", .magenta: "m", .cyan: "c", .white: "w", .black: "k",
    ]
    return (0..<height).map { y in
      String((0..<width).map { x in self[x, y].style.fg.flatMap { letters[$0] } ?? "." })
    }
  }

  /// One character per cell saying how it is styled: `R` reverse, `B` bold,
  /// `U` underline, `D` dim, `.` plain (first attribute that applies).
  var styleMask: [String] {
    (0..<height).map { y in
      var s = ""
      for x in 0..<width {
        let st = self[x, y].style
        s += st.reverse ? "R" : st.bold ? "B" : st.underline ? "U" : st.dim ? "D" : "."
      }
      return s
    }
  }
}
