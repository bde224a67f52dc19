import DashModel

/// Draws the whole screen from the state: pure, no terminal involved.
enum AppView {
  static func render(_ state: AppState) -> Buffer {
    var buf = Buffer(width: state.size.width, height: state.size.height)
    if Layout.tooSmall(state.size) {
      tooSmall(state, into: &buf)
      return buf
    }
    Chrome.renderTop(state, into: &buf)
    switch state.screen {
    case .league: LeagueView.render(state, into: &buf)
    case .trajectory(let f): TrajectoryView.render(state, footprint: f, into: &buf)
    case .footprint(let f): FootprintView.render(state, footprint: f, into: &buf)
    case .organisation(let o, _): OrganisationView.render(state, org: o, into: &buf)
    case .flags: FlagsView.render(state, into: &buf)
    case .organisations: OrganisationsView.render(state, into: &buf)
    case .changes: ChangesView.render(state, into: &buf)
    case .map: MapView.render(state, into: &buf)
    case .regions: RegionsView.render(state, into: &buf)
    }
    Chrome.renderStatus(state, into: &buf)
    if case .goTo(let selected) = state.input?.purpose { GoToView.render(state, selected: selected, into: &buf) }
    switch state.overlay {
    case .help(let help): HelpOverlay.render(state, help, into: &buf)
    case .provenance(let scroll): ProvenanceOverlay.render(state, scroll: scroll, into: &buf)
    case .messages(let scroll): MessagesOverlay.render(state, scroll: scroll, into: &buf)
    case .columns(let c): ChooserOverlay.render(state, c, into: &buf)
    case .prompt, .confirmQuit, nil: break
    }
    if !state.caps.unicode { foldToASCII(&buf) }
    return buf
  }

  /// Without UTF-8, nothing but ASCII may reach the terminal: interface
  /// symbols get their stand-ins and other text (names from the data) `?`.
  static func foldToASCII(_ buf: inout Buffer) {
    for y in 0..<buf.height {
      for x in 0..<buf.width {
        let cell = buf[x, y]
        guard !cell.symbol.unicodeScalars.allSatisfy(\.isASCII) else { continue }
        buf[x, y].symbol = cell.symbol.isEmpty ? " " : Glyphs.ascii(cell.symbol)
      }
    }
  }

  static func tooSmall(_ state: AppState, into buf: inout Buffer) {
    let lines = [
      "Terminal too small",
      "\(state.size.width)\(state.glyphs.times)\(state.size.height); needs \(Layout.minimum.width)\(state.glyphs.times)\(Layout.minimum.height)",
      "Make it larger, or q to quit",
    ]
    let top = max(0, (buf.height - lines.count) / 2)
    for (i, l) in lines.enumerated() {
      let text = DisplayWidth.truncate(l, to: buf.width, ellipsis: state.glyphs.ellipsis)
      buf.put(
        text, x: max(0, (buf.width - DisplayWidth.width(of: text)) / 2), y: top + i,
        style: i == 0 ? state.theme.title : state.theme.normal)
    }
  }
}
