import DashModel

/// The one place the state changes: an action in, a new state and any disk
/// work out. No I/O happens here; effects come back as actions.
enum Reducer {
  /// Reduces an action, then brings what is derived from the state up to date.
  static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = reduceAction(&state, action)
    state.derive()
    return effects
  }

  static func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let size):
      state.size = size
      clampScrolls(&state)
      return []
    case .keyPressed(let key):
      return keyPressed(&state, key)
    case .mouse(let event):
      return mouse(&state, event)
    case .dataReloaded(.success(let session)):
      state.busy = nil
      reloaded(&state, session)
      return []
    case .dataReloaded(.failure(let failure)):
      state.busy = nil
      state.notice = Notice(text: "reload failed, still showing the old data: \(failure.message)", kind: .error)
      return []
    case .flagSaved(let events, let error):
      state.busy = nil
      flagSaved(&state, events, error)
      return []
    case .exported(.success(let done)):
      state.pendingExport = nil
      state.notice = Notice(
        text: "exported \(done.rows) row\(done.rows == 1 ? "" : "s") to \(done.path)", kind: .ok)
      return []
    case .exported(.failure(let failure)):
      if let existing = failure.existing, state.pendingExport != nil {
        state.input = TextInput(purpose: .exportPath(overwrite: true), text: existing)
        state.notice = Notice(
          text: "\(existing) exists: Enter overwrites it, or type another name (Esc cancels)", kind: .error)
        return []
      }
      state.pendingExport = nil
      state.notice = Notice(text: "export failed: \(failure.message)", kind: .error)
      return []
    case .filesChanged(let paths):
      var effects: [Effect] = []
      if paths.contains(state.session.journalPath) {
        effects.append(.readFlags(journalPath: state.session.journalPath))
      }
      if paths.contains(where: { $0 != state.session.journalPath }) && !state.dataChangedOnDisk {
        state.dataChangedOnDisk = true
        // An error on the status line (a failed reload) says more: it stays.
        if state.notice?.kind != .error {
          state.notice = Notice(text: "the data files changed on disk: r reloads them", kind: .info)
        }
      }
      return effects
    case .flagsRead(.success(let history)):
      LiveFlags.merge(&state, history)
      return []
    case .flagsRead(.failure(let error)):
      state.notice = Notice(text: "the flag journal changed but cannot be read: \(error.reason)", kind: .error)
      return []
    }
  }

  // MARK: Keys

  static func keyPressed(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.input != nil { return TextEntry.key(&state, key) }
    if state.chooser != nil {
      Columns.key(&state, key)
      return []
    }
    if state.confirmingQuit {
      switch key {
      case .char("q"), .ctrl("c"):
        state.quit = true
      case .char("w"):
        state.confirmingQuit = false
        return Flagging.retry(&state)
      case .escape:
        state.confirmingQuit = false
        state.notice = Notice(text: "still here; \(state.session.pending.count) unsaved (w retries)", kind: .error)
      default:
        break
      }
      return []
    }
    if state.showMessages {
      state.showMessages = false
      if key == .char("q") || key == .ctrl("c") { return run(&state, .quit) }
      return []
    }
    if state.showHelp, state.helpTyping {
      // Typing a filter inside the help: Enter keeps it, Esc drops it.
      var filter = state.helpFilter ?? ""
      switch key {
      case .char(let c): filter.append(c)
      case .backspace, .delete: if !filter.isEmpty { filter.removeLast() }
      case .escape:
        state.helpTyping = false
        state.helpFilter = nil
        return []
      case .enter:
        state.helpTyping = false
        return []
      default: return []
      }
      state.helpFilter = filter
      state.helpScroll = 0
      return []
    }
    if state.showHelp, key == .char("/") {
      state.helpFilter = ""
      state.helpTyping = true
      return []
    }
    if state.showHelp {
      // On a small screen the help scrolls.
      let step: Int? =
        switch key {
        case .down, .char("j"): 1
        case .up, .char("k"): -1
        case .pageDown, .char(" "), .ctrl("f"): 10
        case .pageUp, .ctrl("b"): -10
        case .end, .char("G"): 1000
        case .home, .char("g"): -1000
        default: nil
        }
      if let step {
        state.helpScroll = max(0, min(state.helpScroll + step, Keymap.bindings.count))
        return []
      }
    }
    if state.showHelp || state.showProvenance {
      // Any other key closes help; q and Ctrl-C still quit.
      state.showHelp = false
      state.showProvenance = false
      if key == .char("q") || key == .ctrl("c") { state.quit = true }
      return []
    }
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

  static func run(_ state: inout AppState, _ command: Command) -> [Effect] {
    if isOrganisation(state), [.pageUp, .pageDown, .top, .bottom].contains(command) {
      // On an organisation, paging scrolls the details; j/k pick the footprint.
      let page = max(1, Layout.Organisation(state.size, footprints: 1).detailRows - 1)
      switch command {
      case .pageUp: state.orgDetailScroll = max(0, state.orgDetailScroll - page)
      case .pageDown: state.orgDetailScroll += page
      case .top: state.orgDetailScroll = 0
      default: state.orgDetailScroll = Int.max / 2
      }
      clampDetail(&state)
      return []
    }
    switch command {
    case .quit:
      let n = state.session.pending.count
      if n > 0 {
        state.confirmingQuit = true
        state.notice = Notice(
          text:
            "\(n) flag change\(n == 1 ? " is" : "s are") not saved: w retries, q again quits (they are printed to save later), Esc stays",
          kind: .error)
      } else {
        state.quit = true
      }
    case .back:
      if let last = state.tabHistory.last, last.made == state.route {
        // Back to the screen the tab was switched from.
        state.tabHistory.removeLast()
        state.route = last.before
        state.derive()
      } else if state.route.count > 1 {
        state.route.removeLast()
      } else {
        state.notice = Notice(text: "this is the top screen; q quits", kind: .info)
      }
    case .help:
      state.showHelp = true
      state.helpScroll = 0
      state.helpFilter = nil
    case .up: Lists.move(&state, by: -1)
    case .down: Lists.move(&state, by: 1)
    case .pageUp: Lists.move(&state, by: -max(1, Lists.viewport(state) - 1))
    case .pageDown: Lists.move(&state, by: max(1, Lists.viewport(state) - 1))
    case .halfPageUp: Lists.move(&state, by: -max(1, Lists.viewport(state) / 2))
    case .halfPageDown: Lists.move(&state, by: max(1, Lists.viewport(state) / 2))
    case .top: Lists.move(&state, by: Int.min / 2)
    case .bottom: Lists.move(&state, by: Int.max / 2)
    case .drill: drill(&state)
    case .sortNext: Sorting.step(&state, by: 1)
    case .sortPrevious: Sorting.step(&state, by: -1)
    case .sortInvert: Sorting.invert(&state)
    case .regionCycle: cycleRegion(&state)
    case .search:
      state.input = TextInput(purpose: .search(origin: Lists.selectedPosition(state)))
    case .searchNext: Search.step(&state, forward: true)
    case .searchPrevious: Search.step(&state, forward: false)
    case .tab(let tab): switchTab(&state, tab)
    case .nextTab: switchTab(&state, nextTab(state, 1))
    case .previousTab: switchTab(&state, nextTab(state, -1))
    case .deliveryUp, .deliveryDown:
      let before = state.delivery
      let wasObserved = state.observed
      state.observed = false
      if !wasObserved { state.delivery = state.delivery.stepped(by: command == .deliveryUp ? 1 : -1) }
      state.derive()
      state.notice = Notice(
        text: wasObserved
          ? "back to one setting: plans deliver \(state.delivery.percent)% of their planned savings"
          : state.delivery == before
            ? "delivery is already at \(before.percent)%, the \(command == .deliveryUp ? "most" : "least") it can be"
            : "plans deliver \(state.delivery.percent)% of their planned savings; league and savings at risk follow",
        kind: .info)
    case .deliveryUpOne, .deliveryDownOne:
      state.observed = false
      state.delivery = state.delivery.moved(by: command == .deliveryUpOne ? 1 : -1)
      state.notice = Notice(
        text: "plans deliver \(state.delivery.percent)% of their planned savings", kind: .info)
    case .typeDelivery:
      state.input = TextInput(purpose: .delivery, text: String(state.delivery.percent))
    case .observedDelivery:
      state.observed = true
      state.derive()
      let known = state.session.analysis.observedDelivery.compactMap { $0 }.count
      let all = state.session.dataset.footprints.count
      state.notice = Notice(
        text: "each footprint continues at its observed delivery (\(known) of \(all) have an outturn; "
          + "the rest stay at 100%); +/- return to one setting",
        kind: .info)
    case .resetDelivery:
      state.observed = false
      state.delivery = .full
      state.notice = Notice(text: "plans deliver 100% of their planned savings, as filed", kind: .info)
    case .assumeRefusing: Flagging.toggleAssumed(&state)
    case .clearAssumed:
      let n = state.assumed.count
      state.assumed = []
      state.notice = Notice(
        text: n == 0
          ? "no body is assumed refusing" : "cleared \(n) assumed refusal\(n == 1 ? "" : "s"); figures as filed",
        kind: .info)
    case .goTo:
      state.input = TextInput(purpose: .goTo(selected: 0))
    case .mapMove(let direction):
      MapMoves.move(&state, direction)
    case .undo: return Flagging.undo(&state)
    case .columns: Columns.openChooser(&state)
    case .scrollLeft: Columns.scroll(&state, by: -1)
    case .scrollRight: Columns.scroll(&state, by: 1)
    case .messages:
      if state.messages.entries.isEmpty {
        state.notice = Notice(text: "no messages yet", kind: .info)
      } else {
        state.showMessages = true
      }
    case .provenance:
      if ProvenanceOverlay.lines(state, width: 80).isEmpty {
        state.notice = Notice(
          text: "select a footprint or an organisation to see where its figures come from", kind: .info)
      } else {
        state.showProvenance = true
      }
    case .filter:
      guard let scope = filterScope(state.screen) else { return [] }
      state.input = TextInput(
        purpose: .filter(scope, origin: state.filters[scope]), text: state.filters[scope]?.text ?? "")
    case .previousFootprint: stepFootprint(&state, by: -1)
    case .nextFootprint: stepFootprint(&state, by: 1)
    case .england:
      replaceTop(&state, .trajectory(nil))
    case .trajectory:
      state.route.append(.trajectory(state.focusFootprint))
    case .reload:
      state.busy = "reloading \(state.session.directory)…"
      return [.reload(directory: state.session.directory, journalPath: state.session.journalPath)]
    case .export:
      // Made now, saved where the user says (a default in the current directory).
      let content = ExportContent(state.report)
      state.pendingExport = content
      let safe = String(content.name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
      state.input = TextInput(purpose: .exportPath(overwrite: false), text: "stpdash-\(safe).csv")
    case .copy:
      return Copying.copy(&state)
    case .flag: Flagging.begin(&state)
    case .unflag: return Flagging.unflag(&state)
    case .retrySave: return Flagging.retry(&state)
    case .redraw: return [.redraw]
    case .suspend: return [.suspend]
    }
    return []
  }

  // MARK: Navigation

  static func drill(_ state: inout AppState) {
    switch state.screen {
    case .league:
      if let f = state.league.list.selected { openFootprint(&state, f) }
    case .trajectory(let f):
      if let f { openFootprint(&state, f) }
    case .footprint(let f):
      guard let m = state.members.list.selected else { return }
      let org = state.session.dataset.memberships[m].org
      state.orgList = ListState(selected: m, scroll: 0)
      state.orgDetailScroll = 0
      state.route.append(.organisation(org, context: f))
    case .organisation:
      guard let m = state.orgList.selected else { return }
      openFootprint(&state, state.session.dataset.memberships[m].footprint)
    case .organisations:
      guard let o = state.organisations.list.selected else { return }
      GoTo.open(&state, .organisation(o))
    case .map:
      if let f = state.league.list.selected { openFootprint(&state, f) }
    case .regions:
      return
    case .flags:
      guard let flag = state.activeFlag(key: state.flagsList.selected) else { return }
      let d = state.session.dataset
      guard let org = d.organisationID(code: flag.org) else {
        state.notice = Notice(text: "\(flag.org) is not in the current data", kind: .error)
        return
      }
      let f = d.footprintID(code: flag.footprint)
      state.orgList = ListState(selected: f.flatMap { d.membership(org: org, footprint: $0) }, scroll: 0)
      state.orgDetailScroll = 0
      state.route.append(.organisation(org, context: f))
    }
  }

  static func openFootprint(_ state: inout AppState, _ f: FootprintID) {
    if state.members.footprint != f {
      state.members.footprint = f
      state.members.list = ListState(selected: state.memberRows(f).first?.membership, scroll: 0)
    }
    state.route.append(.footprint(f))
  }

  static func switchTab(_ state: inout AppState, _ tab: Tab) {
    let before = state.route
    defer {
      if state.route != before {
        state.tabHistory.append((before, state.route))
        if state.tabHistory.count > 50 { state.tabHistory.removeFirst() }
      }
    }
    let focus = state.focusFootprint
    switch tab {
    case .league:
      state.route = [.league]
      if let focus, state.derived.visible.contains(where: { $0.footprint == focus }) {
        state.league.list.selected = focus
        Lists.reveal(&state)
      }
    case .trajectory:
      state.route = [.league, .trajectory(focus)]
    case .footprint:
      guard let focus else {
        state.notice = Notice(text: "select a footprint in the league first", kind: .info)
        return
      }
      state.route = [.league]
      openFootprint(&state, focus)
    case .flags:
      state.route = [.league, .flags]
      state.derive()
      if !state.derived.visibleFlagKeys.contains(where: { $0 == state.flagsList.selected }) {
        state.flagsList.selected = state.derived.visibleFlagKeys.first
      }
    case .map:
      state.route = [.league, .map]
      if state.league.list.selected == nil { state.league.list.selected = state.derived.visible.first?.footprint }
    case .regions:
      state.route = [.league, .regions]
    case .organisations:
      state.route = [.league, .organisations]
      state.derive()
      let keys = state.derived.visibleOrganisations.map(\.org)
      if !keys.contains(where: { $0 == state.organisations.list.selected }) {
        state.organisations.list.selected = keys.first
      }
      Lists.reveal(&state, screen: .organisations)
    }
  }

  static func nextTab(_ state: AppState, _ delta: Int) -> Tab {
    let current = state.screen.tab ?? .footprint
    let n = Tab.allCases.count
    let raw = ((current.rawValue - 1 + delta) % n + n) % n + 1
    return Tab(rawValue: raw) ?? .league
  }

  static func replaceTop(_ state: inout AppState, _ screen: Screen) {
    if state.route.count > 1 { state.route.removeLast() }
    state.route.append(screen)
  }

  /// Steps the trajectory or footprint screen through the league's order.
  static func stepFootprint(_ state: inout AppState, by delta: Int) {
    let order = state.derived.visible.compactMap(\.footprint)
    guard !order.isEmpty else { return }
    let current: FootprintID?
    switch state.screen {
    case .trajectory(let f): current = f
    case .footprint(let f): current = f
    default: return
    }
    var next: Int
    if let current, let i = order.firstIndex(of: current) {
      next = i + delta
      next = (next % order.count + order.count) % order.count
    } else {
      next = delta > 0 ? 0 : order.count - 1
    }
    let f = order[next]
    state.league.list.selected = f
    Lists.reveal(&state, screen: .league)
    if case .footprint = state.screen {
      state.route.removeLast()
      openFootprint(&state, f)
    } else {
      replaceTop(&state, .trajectory(f))
    }
  }

  static func cycleRegion(_ state: inout AppState) {
    let all: [Region?] = [nil] + Region.allCases
    let i = all.firstIndex(of: state.league.region) ?? 0
    state.league.region = all[(i + 1) % all.count]
    state.derive()
    if let sel = state.league.list.selected, !state.derived.visible.contains(where: { $0.footprint == sel }) {
      state.league.list.selected = state.derived.visible.first?.footprint
    }
    state.league.list.scroll = 0
    Lists.reveal(&state, screen: .league)
    state.notice = Notice(
      text: state.league.region.map { "showing \($0.name) only (R for the next region)" } ?? "showing every region",
      kind: .info)
  }

  // MARK: Results of effects

  static func reloaded(_ state: inout AppState, _ fresh: Session) {
    let old = state.session.dataset
    let new = fresh.dataset
    func fp(_ i: FootprintID?) -> FootprintID? { i.flatMap { new.footprintID(code: old.footprints[$0].code) } }
    func org(_ i: OrganisationID) -> OrganisationID? { new.organisationID(code: old.organisations[i].code) }
    func membership(_ m: MembershipID?) -> MembershipID? {
      guard let m else { return nil }
      let ms = old.memberships[m]
      guard let o = org(ms.org), let f = fp(ms.footprint) else { return nil }
      return new.membership(org: o, footprint: f)
    }
    var route: [Screen] = []
    for s in state.route {
      switch s {
      case .league, .flags, .organisations, .map, .regions: route.append(s)
      case .trajectory(let f):
        if f == nil || fp(f) != nil { route.append(.trajectory(fp(f))) }
      case .footprint(let f):
        if let n = fp(f) { route.append(.footprint(n)) }
      case .organisation(let o, let c):
        if let n = org(o) { route.append(.organisation(n, context: fp(c))) }
      }
    }
    state.league.list.selected = fp(state.league.list.selected)
    state.members.footprint = fp(state.members.footprint)
    state.members.list.selected = membership(state.members.list.selected)
    state.orgList.selected = membership(state.orgList.selected)
    state.organisations.list.selected = state.organisations.list.selected.flatMap(org)
    state.assumed = Set(state.assumed.compactMap(org))
    var session = fresh
    session.pending = state.session.pending
    session.dataRevision = state.session.dataRevision + 1
    session.flagsRevision = state.session.flagsRevision + 1
    state.session = session
    state.route = route.isEmpty ? [.league] : route
    state.dataChangedOnDisk = false
    state.derive()
    if state.league.list.selected == nil { state.league.list.selected = state.derived.visible.first?.footprint }
    clampScrolls(&state)
    let warnings = session.warnings.count
    state.notice = Notice(
      text:
        "reloaded \(session.directory): \(new.footprints.count) footprints, \(new.organisations.count) organisations, "
        + "\(state.derived.activeFlags.count) active flags" + (warnings > 0 ? "; \(warnings) warnings" : ""),
      kind: .ok)
  }

  static func flagSaved(_ state: inout AppState, _ events: [FlagEvent], _ error: FlagSaveError?) {
    let d = state.session.dataset
    func describe(_ e: FlagEvent) -> String {
      let org = d.organisationID(code: e.org).map { d.organisations[$0].name } ?? e.org
      let fp = d.footprintID(code: e.footprint).map { d.footprints[$0].name } ?? e.footprint
      return "\(org) \(e.kind == .flag ? "flagged" : "unflagged") in \(fp)"
    }
    if let error {
      for e in events where !state.session.pending.contains(e) { state.session.pending.append(e) }
      state.session.flagsRevision += 1
      state.derive()
      let n = state.session.pending.count
      state.notice = Notice(
        text: "NOT SAVED: \(error.summary); kept in memory (\(n) unsaved), w retries", kind: .error)
      return
    }
    state.session.saved.events.append(contentsOf: events)
    state.session.pending.removeAll { events.contains($0) }
    state.session.flagsRevision += 1
    state.derive()
    Lists.clamp(&state, screen: .flags)
    state.notice = Notice(
      text: events.count == 1 ? "saved: \(describe(events[0]))" : "saved \(events.count) flag changes", kind: .ok)
  }

  /// The filter a screen's list takes, if it takes one.
  static func filterScope(_ screen: Screen) -> FilterScope? {
    switch screen {
    case .league: .league
    case .footprint: .members
    case .organisations: .organisations
    case .flags: .flags
    case .map: .league
    default: nil
    }
  }

  static func isOrganisation(_ state: AppState) -> Bool {
    if case .organisation = state.screen { return true }
    return false
  }

  /// Keeps the organisation details' scroll within its lines.
  static func clampDetail(_ state: inout AppState) {
    guard case .organisation(let o, _) = state.screen else { return }
    let lines = OrganisationView.details(state, org: o, width: state.size.width - 2).count
    let rows = Layout.Organisation(state.size, footprints: state.session.dataset.membershipsOfOrganisation[o].count)
      .detailRows
    state.orgDetailScroll = max(0, min(state.orgDetailScroll, lines - rows))
  }

  static func clampScrolls(_ state: inout AppState) {
    for s in [Screen.league, .flags] { Lists.clamp(&state, screen: s) }
    if state.screen == .organisations { Lists.clamp(&state, screen: .organisations) }
    if case .footprint = state.screen { Lists.clamp(&state, screen: state.screen) }
    if case .organisation = state.screen { Lists.clamp(&state, screen: state.screen) }
  }
}
