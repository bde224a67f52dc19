import DashModel

/// The one place the state changes: an action and the moment it happened
/// in, a new state and any disk work out. No I/O, no clock, no globals:
/// effects come back as actions, so a session replays from its actions.
enum Reducer {
  /// Reduces an action, then brings what is derived from the state up to
  /// date (the only place that happens), keeps the lists' selections valid,
  /// and logs a new notice with its time.
  static func reduce(_ state: inout AppState, _ action: Action, at time: WallTime) -> [Effect] {
    let notice = state.notice
    let screen = state.screen
    let order = Lists.order(state, screen: screen)
    let effects = reduceAction(&state, action)
    state.derive()
    // A new order or a new filter starts the list from its first row.
    if state.screen == screen, order != Lists.order(state, screen: screen) {
      Lists.toTop(&state, screen: screen == .map ? .league : screen)
    }
    Lists.clamp(&state, screen: .league)
    if state.screen != .league { Lists.clamp(&state, screen: state.screen) }
    if let n = state.notice, n != notice { state.messages.add(n, at: time) }
    return effects
  }

  static func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let size):
      state.size = size
      Navigation.clampDetail(&state)
      return []
    case .keyPressed(let key): return keyPressed(&state, key)
    case .pasted(let text), .typed(let text):
      TextEntry.paste(&state, text)
      return []
    case .liveUpdatesBack:
      state.liveUpdates = true
      state.notice = Notice(text: "reconnected to the journal's server: live updates on", kind: .ok)
      return [.readFlags(journalPath: state.session.journalPath)]
    case .liveUpdatesOff(let why):
      state.liveUpdates = false
      state.notice = Notice(
        text: "live updates off: \(why)", kind: .error)
      return []
    case .undecodableKey:
      state.notice = Notice(
        text: "ignored a key that is not UTF-8 (set the terminal to UTF-8)", kind: .info)
      return []
    case .mouse(let event): return mouse(&state, event)
    case .dataReloaded, .flagSaved, .exported, .filesChanged, .flagsRead:
      return Results.reduce(&state, action)
    }
  }

  // MARK: Keys

  static func keyPressed(_ state: inout AppState, _ key: Key) -> [Effect] {
    if let overlay = state.overlay { return OverlayKeys.key(&state, overlay, key) }
    if state.notice?.kind != .error { state.notice = nil }
    guard let command = Keymap.command(for: key, in: state.screen.scopes) else {
      if case .char(let c) = key, !c.isWhitespace {
        state.notice = Notice(text: "\(c) does nothing here; press ? for the keys of this screen", kind: .info)
      }
      return []
    }
    // An error stays on the status line until replaced; Esc dismisses it first.
    if command == .back, state.notice?.kind == .error {
      state.notice = nil
      return []
    }
    return run(&state, command)
  }

  /// Carries out a command, by its group.
  static func run(_ state: inout AppState, _ command: Command) -> [Effect] {
    switch command {
    case .up, .down, .pageUp, .pageDown, .top, .bottom, .halfPageUp, .halfPageDown:
      Lists.run(&state, command)
    case .quit, .back, .help, .messages, .provenance, .columns:
      Navigation.open(&state, command)
    case .drill, .tab, .nextTab, .previousTab, .previousFootprint, .nextFootprint, .england, .trajectory, .goTo:
      Navigation.run(&state, command)
    case .sortNext: Sorting.step(&state, by: 1)
    case .sortPrevious: Sorting.step(&state, by: -1)
    case .sortInvert: Sorting.invert(&state)
    case .regionCycle: Navigation.cycleRegion(&state)
    case .search:
      state.input = TextInput(purpose: .search(origin: Lists.selectedPosition(state)))
    case .searchNext: Search.step(&state, forward: true)
    case .searchPrevious: Search.step(&state, forward: false)
    case .filter:
      guard let scope = state.screen.spec.filter else { return [] }
      state.input = TextInput(
        purpose: .filter(scope, origin: state.filters[scope]), text: state.filters[scope]?.text ?? "")
    case .deliveryUp, .deliveryDown, .deliveryUpOne, .deliveryDownOne, .typeDelivery, .observedDelivery,
      .resetDelivery, .assumeRefusing, .clearAssumed, .cycleRefusing:
      WhatIf.run(&state, command)
    case .asOfEarlier, .asOfLater, .asOfLatest: WhatIf.stepAsOf(&state, command)
    case .mapMove(let direction): MapMoves.move(&state, direction)
    case .scrollLeft: Columns.scroll(&state, by: -1)
    case .scrollRight: Columns.scroll(&state, by: 1)
    case .flag: Flagging.begin(&state)
    case .unflag: return Flagging.unflag(&state)
    case .undo: return Flagging.undo(&state)
    case .retrySave: return Flagging.retry(&state)
    case .reload:
      state.busy = "reloading \(state.session.directory)…"
      return [.reload(directory: state.session.directory, journalPath: state.session.journalPath)]
    case .export:
      // Made now, saved where the user says (a default in the current directory).
      let content = ExportContent(state.report)
      state.pendingExport = content
      let safe = String(content.name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
      state.input = TextInput(purpose: .exportPath(overwrite: nil), text: "stpdash-\(safe).csv")
    case .copy: return Copying.copy(&state)
    case .copyCell: return Copying.copyCell(&state)
    case .redraw: return [.redraw]
    case .suspend: return [.suspend]
    }
    return []
  }
}
