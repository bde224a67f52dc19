import DashModel

/// Typing into the status line: a search, a filter, a go-to, a reason, a
/// file name or a delivery.
enum TextEntry {
  static func key(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var input = state.input else { return [] }
    if case .goTo(let selected) = input.purpose, let step = goToStep(key) {
      let count = state.derived.goToMatches.count
      input.purpose = .goTo(selected: count == 0 ? 0 : ((selected + step) % count + count) % count)
      state.input = input
      return []
    }
    switch key {
    case .escape, .ctrl("c"), .ctrl("g"):
      state.input = nil
      cancel(&state, input.purpose)
      return []
    case .enter:
      state.input = nil
      return commit(&state, input)
    case .backspace, .delete:
      if !input.text.isEmpty { input.text.removeLast() }
    case .ctrl("u"):
      input.text = ""
    case .char(let c):
      if input.suggested { input.text = "" }
      guard input.text.utf8.count + c.utf8.count <= input.purpose.limit else {
        state.notice = full(input.purpose)
        return []
      }
      input.text.append(c)
    default:
      return []
    }
    input.suggested = false
    edited(&state, input)
    return []
  }

  /// What the status line says when the prompt can take no more.
  static func full(_ purpose: TextInput.Purpose) -> Notice {
    Notice(text: "the prompt is full: it holds \(purpose.limit) bytes of text; the rest was not taken", kind: .error)
  }

  /// A paste (bracketed by the terminal): text for the open prompt, never
  /// keys. Line breaks and tabs become spaces, other controls are dropped,
  /// and what does not fit is left out and said so; the prompt acts on the
  /// whole paste once (one filter, one search), whatever its length.
  static func paste(_ state: inout AppState, _ text: String) {
    guard var input = state.input else {
      state.notice = Notice(
        text: "paste ignored: open a prompt first (/ \\ : or f)", kind: .info)
      return
    }
    if input.suggested { input.text = "" }
    let room = input.purpose.limit - input.text.utf8.count
    var taken = ""
    var used = 0
    var cut = false
    for ch in text {
      let c: Character = ch == "\n" || ch == "\r\n" || ch == "\r" || ch == "\t" ? " " : ch
      if c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { continue }
      if used + c.utf8.count > room {
        cut = true
        break
      }
      taken.append(c)
      used += c.utf8.count
    }
    input.text += taken
    input.suggested = false
    edited(&state, input)
    if cut { state.notice = full(input.purpose) }
  }

  /// Moving through the go-to matches: down and up, Tab and Shift-Tab.
  static func goToStep(_ key: Key) -> Int? {
    switch key {
    case .down, .ctrl("n"), .tab: 1
    case .up, .ctrl("p"), .backTab: -1
    default: nil
    }
  }

  /// Esc: what was being typed is dropped, and says so.
  static func cancel(_ state: inout AppState, _ purpose: TextInput.Purpose) {
    switch purpose {
    case .search(let origin):
      if let origin { Lists.select(&state, index: origin) }
      state.notice = Notice(text: "search cancelled", kind: .info)
    case .filter(let scope, _):
      state.filters[scope] = nil
      state.notice = Notice(text: "filter cleared", kind: .info)
    case .goTo:
      state.notice = nil
    case .unflagReason:
      state.notice = Notice(text: "unflag cancelled: the flag stays", kind: .info)
    case .exportPath:
      state.pendingExport = nil
      state.notice = Notice(text: "export cancelled, nothing written", kind: .info)
    case .delivery:
      state.notice = Notice(text: "delivery unchanged: \(state.deliveryLabel)", kind: .info)
    case .flagReason:
      state.notice = Notice(text: "flag cancelled, nothing saved", kind: .info)
    }
  }

  /// Enter: what was typed is acted on (or the prompt stays, saying why not).
  static func commit(_ state: inout AppState, _ input: TextInput) -> [Effect] {
    switch input.purpose {
    case .filter(let scope, _):
      switch FilterQuery.parse(input.text, scope: scope) {
      case .failure(let e):
        state.input = input
        state.notice = Notice(text: "filter not applied: \(e.message)", kind: .error)
      case .success(let q):
        state.filters[scope] = q.isEmpty ? nil : q
        state.notice = Notice(
          text: q.isEmpty
            ? "filter cleared" : "filter \(q.text): \(kept(state, scope, q)) kept (\\ then Enter on empty clears)",
          kind: .info)
      }
    case .unflagReason(let org, let footprint):
      return Flagging.confirmUnflag(&state, org: org, footprint: footprint, reason: input.text)
    case .delivery: typedDelivery(&state, input)
    case .exportPath(let overwrite):
      let path = input.text.trimmingWhitespace()
      guard let pending = state.pendingExport, !path.isEmpty else {
        state.input = input
        state.notice = Notice(text: "type a file name (.csv or .json), Enter saves, Esc cancels", kind: .error)
        return []
      }
      // Only the name the question was about is overwritten: another name is asked about in turn.
      return [
        .writeExport(path: path, text: pending.text(for: path), rows: pending.rows, overwrite: overwrite == path)
      ]
    case .goTo(let selected):
      let matches = state.derived.goToMatches
      guard !matches.isEmpty else {
        state.notice = Notice(text: "nothing matches \"\(VisibleText.sanitize(input.text))\"", kind: .info)
        return []
      }
      GoTo.open(&state, matches[min(selected, matches.count - 1)].target)
    case .search:
      state.lastSearch = input.text
      if !input.text.isEmpty
        && !Search.find(&state, input.text, from: Lists.selectedPosition(state), forward: true, skipCurrent: false)
      {
        state.notice = Notice(text: "no match for \"\(input.text)\"", kind: .info)
      }
    case .flagReason(let org, let footprint):
      return Flagging.commit(&state, org: org, footprint: footprint, reason: input.text, input: input)
    }
    return []
  }

  /// How many rows of a list a filter keeps (the lists are derived after the key).
  static func kept(_ state: AppState, _ scope: FilterScope, _ q: FilterQuery) -> Int {
    let d = state.session.dataset
    switch scope {
    case .league: return LeagueReport.visible(state.derived.ranked, region: state.league.region, filter: q).count
    case .members:
      guard let f = state.members.footprint else { return 0 }
      return state.memberRows(f).count
    case .organisations: return state.derived.organisations.filter { q.matches(.organisation($0, dataset: d)) }.count
    case .flags: return state.derived.activeFlags.filter { q.matches(.flag($0, dataset: d)) }.count
    case .changes: return ChangeLine.all(d).filter { q.matches(.change($0, dataset: d)) }.count
    }
  }

  /// `%` then Enter: a whole percent, or the prompt stays.
  static func typedDelivery(_ state: inout AppState, _ input: TextInput) {
    guard let scheme = DeliveryScheme(setting: input.text), let d = scheme.uniform else {
      state.input = input
      state.notice = Notice(
        text:
          "a whole percent from \(Delivery.minimum) to \(Delivery.maximum), then Enter (Esc keeps \(state.deliveryLabel))",
        kind: .error)
      return
    }
    state.observed = false
    state.delivery = d
    state.notice = Notice(text: "plans deliver \(d.percent)% of their planned savings", kind: .info)
  }

  /// After each key typed: a filter applies as typed (whenever it reads), a
  /// search moves to the first match.
  static func edited(_ state: inout AppState, _ input: TextInput) {
    var input = input
    if case .goTo = input.purpose { input.purpose = .goTo(selected: 0) }
    state.input = input
    switch input.purpose {
    case .filter(let scope, _):
      if case .success(let q) = FilterQuery.parse(input.text, scope: scope) {
        state.filters[scope] = q.isEmpty ? nil : q
      }
    case .search(let origin):
      if input.text.isEmpty {
        if let origin { Lists.select(&state, index: origin) }
      } else if !Search.find(&state, input.text, from: origin, forward: true, skipCurrent: false) {
        state.notice = Notice(text: "no match for \"\(input.text)\"", kind: .info)
        return
      }
      state.notice = nil
    default: break
    }
  }
}
