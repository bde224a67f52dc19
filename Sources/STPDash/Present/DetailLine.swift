import DashModel

/// A line of running detail (an organisation's finances, stances and flag
/// history), as every front end shows it: the screen styles and wraps it at
/// its width, text output wraps it at the terminal's.
struct DetailLine: Hashable {
  enum Kind: Hashable {
    /// A section heading.
    case title
    /// A table's header inside the details.
    case header
    /// Ordinary text, in a tone.
    case body(Tone)
  }

  var text: String
  var kind: Kind = .body(.normal)
  /// Spaces before the text, kept on every wrapped line.
  var indent = 0

  /// The line wrapped to `width` columns (words kept whole; a word longer
  /// than a line is cut), each piece indented, text from data made visible.
  func wrapped(to width: Int) -> [DetailLine] {
    let pad = String(repeating: " ", count: indent)
    // A line that fits keeps its spacing (tables line up by it).
    let clean = VisibleText.sanitize(text)
    if DisplayWidth.width(of: clean) <= width - indent {
      return [DetailLine(text: pad + clean, kind: kind, indent: 0)]
    }
    return Self.wrap(text, width: width - indent).map { DetailLine(text: pad + $0, kind: kind, indent: 0) }
  }

  /// Words wrapped to a width (long words are cut).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 8 else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in VisibleText.sanitize(text).split(separator: " ", omittingEmptySubsequences: true) {
      let w = String(word)
      if current.isEmpty {
        current = w
      } else if DisplayWidth.width(of: current) + 1 + DisplayWidth.width(of: w) <= width {
        current += " " + w
      } else {
        lines.append(current)
        current = w
      }
      while DisplayWidth.width(of: current) > width {
        let head = DisplayWidth.truncate(current, to: width, ellipsis: "")
        lines.append(head)
        current = String(current.dropFirst(head.count))
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
