/// The keys of the current screen, in a box over it.
enum HelpOverlay {
  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let screenScopes = state.screen.scopes
    // This screen's own keys first, then moving in lists, then the rest.
    let all = Keymap.bindings(in: screenScopes)
    let own = all.filter { !$0.scopes.contains(.everywhere) && !$0.scopes.contains(.lists) }
    let lists = all.filter { $0.scopes.contains(.lists) }
    let global = all.filter { $0.scopes.contains(.everywhere) }
    let items = own + lists + global
    let available = Rect(x: 1, y: 1, width: buf.width - 2, height: buf.height - 2)
    let columns = available.width >= 96 || items.count + 2 > available.height ? 2 : 1
    let perColumn = (items.count + columns - 1) / columns
    let colWidth = min(56, (available.width - 4) / columns)
    let width = colWidth * columns + 4
    let height = min(available.height, perColumn + 3)
    // Narrow screens: the box takes the full width, so nothing shows past its edges.
    let box =
      buf.width < 100
      ? Rect(x: 0, y: max(1, (buf.height - height) / 2), width: buf.width, height: height)
      : Rect(x: (buf.width - width) / 2, y: max(1, (buf.height - height) / 2), width: width, height: height)
    buf.fill(box, style: theme.normal)
    buf.box(box, glyphs: g, style: theme.border, title: "Keys: \(Chrome.crumbs(state).last ?? "")")
    let labelWidth = 9
    for (i, b) in items.enumerated() {
      let col = i / perColumn
      let row = i % perColumn
      let y = box.y + 1 + row
      guard y < box.maxY - 2 else { continue }
      let x = box.x + 2 + col * colWidth
      let label =
        g.unicode
        ? b.label
        : b.label.replacing("↓", with: "Dn").replacing("↑", with: "Up")
          .replacing("←", with: "Left").replacing("→", with: "Right")
      buf.put(label, x: x, y: y, width: labelWidth, style: theme.header, ellipsis: g.ellipsis)
      buf.put(b.help, x: x + labelWidth, y: y, width: colWidth - labelWidth - 1, ellipsis: g.ellipsis)
    }
    buf.put("any key closes this", x: box.x + 2, y: box.maxY - 2, style: theme.dim, maxX: box.maxX - 1)
  }
}
