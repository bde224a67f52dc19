/// The keys of the current screen, in a box over it.
enum HelpOverlay {
  static func render(_ state: AppState, _ help: HelpState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let items = entries(state, help)
    let available = Rect(x: 1, y: 1, width: buf.width - 2, height: buf.height - 2)
    // As few columns as let every key show (three at most); past that the
    // last line says how many did not fit.
    var columns = available.width >= 96 || items.count + 3 > available.height ? 2 : 1
    while columns < 3, (items.count + columns - 1) / columns + 3 > available.height { columns += 1 }
    // Too narrow for that many columns, or still too many keys: one column
    // that scrolls (j/k, PgDn/PgUp) to the last entry.
    let scrolling = available.width / columns < 30 || (items.count + columns - 1) / columns + 3 > available.height
    let rows = max(1, available.height - 3)
    if scrolling { columns = max(1, min(2, available.width / 38)) }
    let first = scrolling ? max(0, min(help.scroll, items.count - rows * columns)) : 0
    let shownItems = scrolling ? Array(items.dropFirst(first).prefix(rows * columns)) : items
    let perColumn = scrolling ? rows : (items.count + columns - 1) / columns
    let colWidth = min(56, (available.width - 4) / columns)
    let width = colWidth * columns + 4
    let legend = state.caps.color && !scrolling && perColumn + 4 <= available.height
    let height = min(available.height, perColumn + 3 + (legend ? 1 : 0))
    // Narrow screens: the box takes the full width, so nothing shows past its edges.
    let box =
      buf.width < 100
      ? Rect(x: 0, y: max(1, (buf.height - height) / 2), width: buf.width, height: height)
      : Rect(x: (buf.width - width) / 2, y: max(1, (buf.height - height) / 2), width: width, height: height)
    buf.fill(box, style: theme.normal)
    buf.box(box, glyphs: g, style: theme.border, title: "Keys: \(Chrome.crumbs(state).last ?? "")")
    let labelWidth = columns > 2 ? 7 : (colWidth >= 40 ? 14 : 9)
    var hidden = 0
    for (i, b) in shownItems.enumerated() {
      let col = i / perColumn
      let row = i % perColumn
      let y = box.y + 1 + row
      guard y < box.maxY - 2 - (legend ? 1 : 0) else {
        hidden += 1
        continue
      }
      let x = box.x + 2 + col * colWidth
      // Every key that does it (aliases too), as the binding lists them.
      let all = b.keys.isEmpty ? b.label : b.keys.map { Keymap.name($0, unicode: g.unicode) }.joined(separator: " ")
      let label = all
      buf.put(label, x: x, y: y, width: labelWidth, style: theme.header, ellipsis: g.ellipsis)
      buf.put(b.help, x: x + labelWidth, y: y, width: colWidth - labelWidth - 1, ellipsis: g.ellipsis)
    }
    // What colours mean, where there is colour and a line to say it on.
    if legend {
      let y = box.maxY - 3
      var x = box.x + 2
      for (tone, text) in [
        (Tone.bad, "red: big gap or risk, refused"), (.warn, "  yellow: upper half"),
        (.good, "  green: balance, aligned"), (.flag, "  magenta: flagged"),
      ] {
        x = buf.put(text, x: x, y: y, style: theme.style(tone), maxX: box.maxX - 1)
      }
    }
    let filterLine = help.filter.map {
      "/\($0)\(g.cursor)  \(items.count) match\(items.count == 1 ? "" : "es"); Esc clears"
    }
    let closing =
      filterLine != nil
      ? (filterLine ?? "")
      : scrolling
        ? "\(first + 1)-\(first + shownItems.count) of \(items.count): j/k scroll, any other key closes"
        : hidden > 0
          ? "\(hidden) more keys do not fit: make the terminal taller (README lists them all); any key closes this"
          : "any key closes this"
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
