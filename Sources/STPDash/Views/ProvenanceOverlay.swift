import DashModel

/// `p`: where every figure of the footprint or organisation in view comes
/// from (basis, source, caveat), in a box over the screen.
enum ProvenanceOverlay {
  /// The lines for the current screen's footprint or organisation, wrapped.
  static func lines(_ state: AppState, width: Int) -> [(text: String, style: Style)] {
    let theme = state.theme
    let a = state.session.analysis
    let g = state.glyphs
    var detail: [DetailLine] = []
    switch state.screen {
    case .organisation(let o, _):
      detail = ProvenancePresenter.organisation(o, analysis: a, glyphs: g)
    case .organisations:
      if let o = state.organisations.list.selected {
        detail = ProvenancePresenter.organisation(o, analysis: a, glyphs: g)
      }
    case .flags:
      if let flag = state.activeFlag(key: state.flagsList.selected),
        let o = state.session.dataset.organisationID(code: flag.org)
      {
        detail = ProvenancePresenter.organisation(o, analysis: a, glyphs: g)
      }
    default:
      if let f = state.focusFootprint {
        detail = ProvenancePresenter.footprint(
          f, analysis: a, row: state.derived.rows.first { $0.footprint == f }, glyphs: g)
      }
    }
    return detail.flatMap { $0.wrapped(to: width) }.map { line in
      let style: Style
      switch line.kind {
      case .title: style = theme.title
      case .header: style = theme.header
      case .body(let tone): style = theme.style(tone)
      }
      return (g.text(line.text), style)
    }
  }

  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let width = min(buf.width, 110)
    let inner = width - 4
    var text = lines(state, width: inner)
    let room = max(1, buf.height - 5)
    var hidden = 0
    if text.count > room {
      hidden = text.count - (room - 1)
      text = Array(text.prefix(room - 1))
    }
    let height = text.count + 3 + (hidden > 0 ? 1 : 0)
    let box = Rect(x: (buf.width - width) / 2, y: max(1, (buf.height - height) / 2), width: width, height: height)
    buf.fill(box, style: theme.normal)
    buf.box(box, glyphs: g, style: theme.border, title: "Where these figures come from")
    for (i, line) in text.enumerated() {
      buf.put(line.text, x: box.x + 2, y: box.y + 1 + i, style: line.style, maxX: box.maxX - 1)
    }
    if hidden > 0 {
      buf.put(
        "… \(hidden) more lines: a taller terminal shows them; --format json carries every source",
        x: box.x + 2, y: box.y + 1 + text.count, style: theme.dim, maxX: box.maxX - 1)
    }
    buf.put("any key closes this", x: box.x + 2, y: box.maxY - 2, style: theme.dim, maxX: box.maxX - 1)
  }
}
