import DashModel

/// The top line (breadcrumbs and tabs) and the status line.
enum Chrome {
  static func crumbs(_ state: AppState) -> [String] {
    let d = state.session.dataset
    return ["STPDash"]
      + state.route.map { s in
        switch s {
        case .league: return state.league.region.map { "League (\($0.name))" } ?? "League"
        case .trajectory(let f): return "Trajectory: " + (f.map { d.footprints[$0].name } ?? England.name)
        case .footprint(let f): return d.footprints[f].name
        case .organisation(let o, _): return d.organisations[o].name
        case .flags: return "Flags"
        case .organisations: return "Organisations"
        case .map: return "Map"
        case .regions: return "Regions"
        case .changes: return "Changes"
        }
      }
  }

  /// The tabs on the top line: titled when the breadcrumbs fit beside them.
  static func tabs(_ state: AppState) -> [(tab: Tab, x: Int, width: Int, text: String)] {
    let trail = DisplayWidth.width(of: " " + crumbs(state).joined(separator: state.glyphs.crumb))
    return Layout.tabs(width: state.size.width, current: state.screen.tab, crumbs: trail)
  }

  static func renderTop(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    buf.fill(Rect(x: 0, y: 0, width: buf.width, height: 1), style: theme.topBar)
    let tabs = tabs(state)
    let limit = (tabs.first?.x ?? buf.width) - 1
    var text = " " + crumbs(state).joined(separator: g.crumb)
    if DisplayWidth.width(of: text) > limit {
      // Keep the end of the trail: where the user is matters most.
      var parts = crumbs(state)
      while parts.count > 2,
        DisplayWidth.width(of: " " + g.ellipsis + g.crumb + parts.dropFirst().joined(separator: g.crumb)) > limit
      {
        parts.remove(at: 1)
      }
      text = " " + parts.joined(separator: g.crumb)
      if parts.count < crumbs(state).count {
        text = " " + g.ellipsis + g.crumb + parts.dropFirst().joined(separator: g.crumb)
      }
    }
    buf.put(
      DisplayWidth.truncate(text, to: max(0, limit), ellipsis: g.ellipsis), x: 0, y: 0,
      style: theme.topBar.patched(Style(bold: true)))
    let current = state.screen.tab
    for t in tabs {
      buf.put(t.text, x: t.x, y: 0, style: t.tab == current ? theme.topBarActive : theme.topBar, maxX: t.x + t.width)
    }
  }

  /// The status line's right side: unsaved flags, assumed refusals, a
  /// refusing setting other than the default and the delivery always; the
  /// share of real figures and the data directory only where they leave
  /// room for what is typed or the notice; the default refusing setting
  /// only where every hint still fits.
  static func rightItems(_ state: AppState, width: Int) -> [(String, Style)] {
    let theme = state.theme
    let g = state.glyphs
    let quiet = theme.statusBar.patched(Style(dim: state.caps.color))
    var right: [(String, Style)] = []
    let pending = state.session.pending.count
    if pending > 0 { right.append((" \(pending) UNSAVED: w retries ", theme.statusError)) }
    // A notice (a failed reload, say) says more, and needs the room.
    if state.dataChangedOnDisk && state.notice == nil && state.input == nil {
      right.append((" data changed: r reloads ", theme.statusError))
    }
    if !state.assumed.isEmpty {
      right.append((" \(state.assumed.count) assumed refusing (X clears) ", theme.statusError))
    }
    if let day = state.asOf {
      right.append((" \(AsOfWords.setting(day)) (= latest) ", theme.statusBar.patched(Style(bold: true))))
    }
    let refusing = " refusals: \(state.refusing.setting) "
    if state.refusing != .refused { right.append((refusing, theme.statusBar.patched(Style(bold: true)))) }
    right.append(
      (
        " delivery \(state.deliveryLabel) ",
        theme.statusBar.patched(Style(bold: state.observed || state.delivery != .full))
      ))
    func used() -> Int { right.reduce(0) { $0 + DisplayWidth.width(of: $1.0) } }
    let leftWanted = leftText(state).map { DisplayWidth.width(of: $0) + 2 } ?? 30
    // How much of the data is real, when there is room for it.
    let c = state.derived.basisCounts
    let basis =
      " figures: \(NumberFormat.grouped(c.reported)) reported, \(NumberFormat.grouped(c.caveat))\(Figures.caveatMark), "
      + "\(NumberFormat.grouped(c.illustrative))\(Figures.illustrativeMark) "
    if c.total > 0, width - used() - leftWanted - 34 >= DisplayWidth.width(of: basis) {
      right.insert((basis, quiet), at: 0)
    }
    var dir = state.session.directory
    if DisplayWidth.width(of: dir) > 32 {
      let last = dir.split(separator: "/").last.map(String.init) ?? dir
      dir = g.ellipsis + "/" + DisplayWidth.truncate(last, to: 28, ellipsis: g.ellipsis)
    }
    if width - used() - leftWanted >= DisplayWidth.width(of: dir) + 2 { right.append((" \(dir) ", quiet)) }
    // The default setting gives way to every hint, as well as to a notice.
    let leftWhole = DisplayWidth.width(of: leftText(state) ?? hint(state)) + 2
    if state.refusing == .refused, width - used() - leftWhole >= DisplayWidth.width(of: refusing),
      let delivery = right.firstIndex(where: { $0.0.hasPrefix(" delivery ") })
    {
      right.insert((refusing, theme.statusBar), at: delivery)
    }
    return right
  }

  static func renderStatus(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let y = buf.height - 1
    buf.fill(Rect(x: 0, y: y, width: buf.width, height: 1), style: theme.statusBar)

    let right = rightItems(state, width: buf.width)
    var x = buf.width - right.reduce(0) { $0 + DisplayWidth.width(of: $1.0) }
    let leftLimit = max(0, x - 1)
    for (text, style) in right { x = buf.put(text, x: max(0, x), y: y, style: style) }

    // Left: what is typed, or the latest notice, or a hint.
    if let input = state.input {
      // A prompt that can take no more says so where the eye is.
      let full = input.text.utf8.count >= input.purpose.limit - 3 ? "[full] " : ""
      let prompt = full + Self.prompt(state, input)
      var line = prompt + input.text
      let room = leftLimit - 1 - DisplayWidth.width(of: g.cursor)
      if DisplayWidth.width(of: line) > room {
        // Show the end of what is being typed.
        let textRoom = max(4, room - DisplayWidth.width(of: prompt))
        line =
          DisplayWidth.truncate(prompt, to: max(0, room - textRoom), ellipsis: g.ellipsis)
          + String(input.text.suffix(textRoom))
      }
      buf.fill(Rect(x: 0, y: y, width: leftLimit, height: 1), style: theme.prompt)
      let end = buf.put(" " + line, x: 0, y: y, style: theme.prompt, maxX: leftLimit)
      let after = buf.put(g.cursor, x: end, y: y, style: theme.prompt, maxX: leftLimit)
      if let count = Self.promptCount(state, input) {
        buf.put(
          "  " + count, x: after, y: y, style: theme.prompt.patched(Style(dim: state.caps.color)), maxX: leftLimit)
      }
      return
    }
    if let busy = state.busy {
      buf.put(" " + busy + " ", x: 0, y: y, style: theme.statusBar.patched(Style(bold: true)), maxX: leftLimit)
      return
    }
    if let notice = state.notice {
      let style: Style
      switch notice.kind {
      case .info: style = theme.statusBar
      case .ok: style = theme.statusOK
      case .error: style = theme.statusError
      }
      let text = " " + DisplayWidth.truncate(notice.text, to: max(0, leftLimit - 1), ellipsis: g.ellipsis) + " "
      buf.put(text, x: 0, y: y, style: style, maxX: leftLimit)
      return
    }
    // Whole hints only: drop the last ones rather than cut one in half.
    var items = hint(state).components(separatedBy: "  ")
    while items.count > 1, DisplayWidth.width(of: " " + items.joined(separator: "  ")) > leftLimit {
      items.removeLast()
    }
    buf.put(
      " " + items.joined(separator: "  "), x: 0, y: y, style: theme.statusBar.patched(Style(dim: state.caps.color)),
      maxX: leftLimit)
  }

  /// What the left of the status line must show in full if it can: the
  /// question being answered, or the notice.
  static func leftText(_ state: AppState) -> String? {
    if let input = state.input {
      return prompt(state, input) + input.text + " " + (promptCount(state, input).map { " " + $0 + " " } ?? "")
    }
    return state.notice?.text
  }

  /// What the status line asks before the text being typed.
  static func prompt(_ state: AppState, _ input: TextInput) -> String {
    let d = state.session.dataset
    switch input.purpose {
    case .search: return "/"
    case .filter: return "filter \\"
    case .goTo: return "go to: "
    case .exportPath(let overwrite):
      return overwrite != nil && overwrite == input.text.trimmingWhitespace()
        ? "overwrite? file: " : "save as (.csv or .json): "
    case .delivery: return "delivery %: "
    case .unflagReason(let o, let f):
      return
        "Unflag \(d.organisations[o].name) in \(d.footprints[f].name)? reason (optional), Enter to confirm, Esc to cancel: "
    case .flagReason(let o, let f):
      if Flagging.currentReason(state, org: o, footprint: f) != nil {
        return
          "\(d.organisations[o].name) is flagged in \(d.footprints[f].name); new reason (Enter updates, Esc keeps it): "
      }
      return "Why is \(d.organisations[o].name) not cooperating with \(d.footprints[f].name)? "
    }
  }

  /// A live count after what is typed: matches of a search, rows a filter keeps.
  static func promptCount(_ state: AppState, _ input: TextInput) -> String? {
    switch input.purpose {
    case .search:
      guard !input.text.isEmpty else { return nil }
      let n = state.derived.searchCount
      return n == 1 ? "1 match" : "\(n) matches"
    case .filter(let scope, _):
      switch FilterQuery.parse(input.text, scope: scope) {
      case .failure(let e): return e.message
      case .success: return "\(Lists.count(state)) kept; Enter keeps it"
      }
    case .goTo:
      let n = state.derived.goToMatches.count
      return input.text.isEmpty ? "type a name or code" : (n == 0 ? "no match" : nil)
    case .flagReason, .unflagReason, .exportPath, .delivery: return nil
    }
  }

  /// The screen's hints, from its declaration and the keymap.
  static func hint(_ state: AppState) -> String {
    let scopes = state.screen.scopes
    return state.screen.spec.hints.map { Keymap.hint($0.commands, $0.word, in: scopes) }.joined(separator: "  ")
  }
}
