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

  /// The most lines one detail wraps to: a reason of a megabyte shows its
  /// start and says it goes on (the whole is in the journal and the exports).
  static let maxLines = 40

  /// Words wrapped to a width (long words are cut), in one pass over the
  /// text: its length costs once, never per line.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 8 else { return [DisplayWidth.truncate(VisibleText.sanitize(text), to: max(1, width))] }
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    var word = ""
    var wordWidth = 0
    func endWord() {
      guard !word.isEmpty else { return }
      if current.isEmpty {
        (current, currentWidth) = (word, wordWidth)
      } else if currentWidth + 1 + wordWidth <= width {
        current += " " + word
        currentWidth += 1 + wordWidth
      } else {
        lines.append(current)
        (current, currentWidth) = (word, wordWidth)
      }
      (word, wordWidth) = ("", 0)
    }
    // Enough of the text for the lines kept (each character takes a column,
    // or is a stand-in of several).
    let head = text.prefix(width * (Self.maxLines + 1) + 64)
    var cut = head.endIndex != text.endIndex
    for ch in VisibleText.sanitize(String(head)) {
      if lines.count >= Self.maxLines {
        cut = true
        break
      }
      if ch == " " {
        endWord()
        continue
      }
      let w = DisplayWidth.width(of: ch)
      if wordWidth + w > width {
        // A word longer than a line: the line so far, then the word's piece.
        if !current.isEmpty { lines.append(current) }
        lines.append(word)
        (current, currentWidth, word, wordWidth) = ("", 0, "", 0)
      }
      word.append(ch)
      wordWidth += w
    }
    if !cut { endWord() }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    if cut || lines.count > Self.maxLines {
      lines = Array(lines.prefix(Self.maxLines))
      lines.append("… (cut here: \(NumberFormat.grouped(text.utf8.count)) bytes in all)")
    }
    return lines
  }
}
