import DashModel

/// The keys of the current screen, in a box over it.
enum HelpOverlay {
  /// The help laid out for a screen size: its box, its columns, and every
  /// entry wrapped to a column (nothing cut); `rows` lines a column shows.
  struct Page {
    var box: Rect
    var columns: Int
    var colWidth: Int
    var labelWidth: Int
    var rows: Int
    /// Every line: the label (on an entry's first line) and the text.
    var lines: [(label: String, text: String)]
    /// The lines under the entries: what the marks and colours mean.
    var legend: [(Tone, String)]

    /// The furthest the entries scroll.
    var maxScroll: Int { max(0, lines.count - rows * columns) }
  }

  /// The legend lines: the marks always, the colours where there are colours.
  static func legend(_ state: AppState) -> [(Tone, String)] {
    let g = state.glyphs
    var out: [(Tone, String)] = [
      (
        .dim,
        "\(Figures.illustrativeMark) illustrative  \(Figures.caveatMark) \(FigureStanding.caveat.label) (p)  \(g.pivotal) pivotal  \(g.refusing) refusing  \(g.flag) flagged  \(g.assumed) assumed refusing"
      )
    ]
    out.append(
      state.caps.color
        ? (.bad, "red: big gap or risk, refused · yellow: upper half · green: balance, aligned · magenta: flagged")
        : (.bad, "bold: big gap or risk, refused · underline: upper half · reverse: the selected row"))
    return out
  }

  static func page(_ state: AppState, _ help: HelpState, width: Int, height: Int) -> Page {
    let g = state.glyphs
    let items = entries(state, help)
    let available = Rect(x: 1, y: 1, width: width - 2, height: height - 2)
    let columns = available.width >= 96 ? 2 : 1
    let colWidth = min(60, (available.width - 4) / columns)
    let labelWidth = colWidth >= 40 ? 12 : 9
    let textWidth = max(8, colWidth - labelWidth - 1)
    var lines: [(label: String, text: String)] = []
    for b in items {
      // Every key that does it (aliases too), as the binding lists them.
      let label = b.keys.isEmpty ? b.label : b.keys.map { Keymap.name($0, unicode: g.unicode) }.joined(separator: " ")
      let labelLines = DetailLine.wrap(label, width: labelWidth - 1)
      let textLines = DetailLine.wrap(b.help, width: textWidth)
      for i in 0..<max(labelLines.count, textLines.count) {
        lines.append((i < labelLines.count ? labelLines[i] : "", i < textLines.count ? textLines[i] : ""))
      }
    }
    let legendLines = legend(state).flatMap { DetailLine.wrap($0.1, width: colWidth * columns).map { _ in () } }.count
    // Box: the entries, the legend, the closing line, the borders.
    let wanted = (lines.count + columns - 1) / columns + legendLines + 3
    let boxHeight = min(available.height, wanted)
    let rows = max(1, boxHeight - legendLines - 3)
    let boxWidth = colWidth * columns + 4
    let box =
      width < 100
      ? Rect(x: 0, y: max(1, (height - boxHeight) / 2), width: width, height: boxHeight)
      : Rect(x: (width - boxWidth) / 2, y: max(1, (height - boxHeight) / 2), width: boxWidth, height: boxHeight)
    let perColumn = min(rows, (lines.count + columns - 1) / columns)
    return Page(
      box: box, columns: columns, colWidth: colWidth, labelWidth: labelWidth, rows: max(1, perColumn), lines: lines,
      legend: legend(state))
  }

  static func render(_ state: AppState, _ help: HelpState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let p = page(state, help, width: buf.width, height: buf.height)
    let box = p.box
    buf.fill(box, style: theme.normal)
    buf.box(box, glyphs: g, style: theme.border, title: "Keys: \(Chrome.crumbs(state).last ?? "")")
    let first = max(0, min(help.scroll, p.maxScroll))
    let shown = p.lines.dropFirst(first).prefix(p.rows * p.columns)
    for (i, line) in shown.enumerated() {
      let x = box.x + 2 + (i / p.rows) * p.colWidth
      let y = box.y + 1 + i % p.rows
      buf.put(line.label, x: x, y: y, width: p.labelWidth, style: theme.header, ellipsis: g.ellipsis)
      buf.put(line.text, x: x + p.labelWidth, y: y, width: p.colWidth - p.labelWidth - 1, ellipsis: g.ellipsis)
    }
    // What the marks and colours mean, under the entries.
    var y = box.y + 1 + p.rows
    for (tone, text) in p.legend {
      for piece in DetailLine.wrap(text, width: box.width - 4) where y < box.maxY - 2 {
        buf.put(piece, x: box.x + 2, y: y, style: theme.style(tone), maxX: box.maxX - 1)
        y += 1
      }
    }
    let items = entries(state, help)
    let filterLine = help.filter.map {
      "/\($0)\(g.cursor)  \(items.count) match\(items.count == 1 ? "" : "es"); Esc clears"
    }
    let scrolls = p.maxScroll > 0
    let closing =
      filterLine
      ?? (scrolls
        ? (box.width >= 80
          ? "lines \(first + 1)-\(first + shown.count) of \(p.lines.count): j/k PgDn/PgUp scroll, / finds, any other key closes"
          : "\(first + 1)-\(first + shown.count) of \(p.lines.count) · j/k PgDn/PgUp · / finds · others close")
        : "/ finds a key; any other key closes this")
    buf.put(closing, x: box.x + 2, y: box.maxY - 2, style: theme.dim, maxX: box.maxX - 1)
  }

  /// The entries listed: this screen's own keys first, then moving in
  /// lists, then the rest, then what the measures mean; those the help's
  /// filter keeps.
  static func entries(_ state: AppState, _ help: HelpState) -> [Binding] {
    let g = state.glyphs
    let screenScopes = state.screen.scopes
    // This screen's own keys first, then moving in lists, then the rest.
    let all = Keymap.bindings(in: screenScopes)
    let own = all.filter { !$0.scopes.contains(.everywhere) && !$0.scopes.contains(.lists) }
    let lists = all.filter { $0.scopes.contains(.lists) }
    let global = all.filter { $0.scopes.contains(.everywhere) }
    // The numbered screens share one line.
    let tabs = global.filter { if case .tab = $0.command { return true } else { return false } }
    var merged = global.filter { b in !tabs.contains { $0.label == b.label } }
    if let first = tabs.first, let last = tabs.last {
      let at = global.firstIndex { $0.label == first.label } ?? 0
      merged.insert(
        Binding(
          keys: [], label: "\(first.label)-\(last.label)", command: first.command, scopes: [.everywhere],
          help: "the screens on the top line"),
        at: min(at, merged.count))
    }
    // The mouse too, where there is a list to click.
    if screenScopes.contains(.lists) {
      merged.append(
        Binding(
          keys: [], label: "mouse", command: .redraw, scopes: [.everywhere],
          help: "click selects, double-click opens, wheel scrolls, a header click sorts"))
    }
    // What the blocking measures mean, where they are shown.
    if !screenScopes.isDisjoint(with: [.league, .footprint, .organisations, .organisation]) {
      for m in MeasureWords.help(glyphs: g) {
        merged.append(Binding(keys: [], label: m.label, command: .provenance, scopes: [.everywhere], help: m.text))
      }
    }
    // What the data reports, by kind of source.
    for line in DisputeWords.help(state.session.dataset) {
      merged.append(Binding(keys: [], label: line.label, command: .provenance, scopes: [.everywhere], help: line.text))
    }
    var items = own + lists + merged
    if let filter = help.filter, !filter.isEmpty {
      let q = filter.lowercased()
      items = items.filter { b in
        b.help.lowercased().contains(q) || b.keys.contains { Keymap.name($0, unicode: true).lowercased() == q }
      }
    }
    return items
  }
}
