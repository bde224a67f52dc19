import DashModel

/// Moving between screens: drilling down, tabs, back, stepping through
/// footprints, and opening the overlays.
enum Navigation {
  /// Quit, back, and the overlays (help, messages, sources, columns).
  static func open(_ state: inout AppState, _ command: Command) {
    switch command {
    case .quit:
      let n = state.session.pending.count
      guard n > 0 else {
        state.quit = true
        return
      }
      state.overlay = .confirmQuit
      state.notice = Notice(
        text:
          "\(n) unsaved flag change\(n == 1 ? "" : "s"): w retries · q quits (printed, to save later) · Esc stays",
        kind: .error)
    case .back: back(&state)
    case .help: state.overlay = .help(HelpState())
    case .messages:
      if state.messages.entries.isEmpty {
        state.notice = Notice(text: "no messages yet", kind: .info)
      } else {
        state.overlay = .messages(scroll: 0)
      }
    case .provenance:
      if state.provenance.isEmpty {
        state.notice = Notice(
          text: "select a footprint or an organisation to see where its figures come from", kind: .info)
      } else {
        state.overlay = .provenance(scroll: 0)
      }
    case .columns: Columns.openChooser(&state)
    default: break
    }
  }

  static func back(_ state: inout AppState) {
    if let last = state.tabHistory.last, last.made == state.route {
      // Back to the screen the tab was switched from.
      state.tabHistory.removeLast()
      state.route = last.before
    } else if state.route.count > 1 {
      state.route.removeLast()
    } else {
      state.notice = Notice(text: "this is the top screen; q quits", kind: .info)
    }
  }

  /// Drilling, tabs, stepping through footprints, England, go-to.
  static func run(_ state: inout AppState, _ command: Command) {
    switch command {
    case .drill: drill(&state)
    case .tab(let tab): switchTab(&state, tab)
    case .nextTab: switchTab(&state, nextTab(state, 1))
    case .previousTab: switchTab(&state, nextTab(state, -1))
    case .previousFootprint: stepFootprint(&state, by: -1)
    case .nextFootprint: stepFootprint(&state, by: 1)
    case .england: replaceTop(&state, .trajectory(nil))
    case .trajectory: state.route.append(.trajectory(state.focusFootprint))
    case .goTo: state.input = TextInput(purpose: .goTo(selected: 0))
    default: break
    }
  }

  static func drill(_ state: inout AppState) {
    let d = state.session.dataset
    switch state.screen {
    case .league, .map:
      if let f = state.league.list.selected { openFootprint(&state, f) }
    case .trajectory(let f):
      if let f { openFootprint(&state, f) }
    case .footprint(let f):
      guard let m = state.members.list.selected else { return }
      openOrganisation(&state, d.memberships[m].org, membership: m, context: f)
    case .organisation:
      guard let m = state.orgList.selected else { return }
      openFootprint(&state, d.memberships[m].footprint)
    case .organisations:
      guard let o = state.organisations.list.selected else { return }
      GoTo.open(&state, .organisation(o))
    case .changes:
      guard let id = state.changes.list.selected,
        let line = state.derived.visibleChanges.first(where: { $0.change.id == id })
      else { return }
      openFootprint(&state, line.change.footprint)
    case .regions:
      return
    case .flags:
      guard let flag = state.activeFlag(key: state.flagsList.selected) else { return }
      guard let org = d.organisationID(code: flag.org) else {
        state.notice = Notice(text: "\(flag.org) is not in the current data", kind: .error)
        return
      }
      let f = d.footprintID(code: flag.footprint)
      openOrganisation(&state, org, membership: f.flatMap { d.membership(org: org, footprint: $0) }, context: f)
    }
  }

  static func openOrganisation(
    _ state: inout AppState, _ o: OrganisationID, membership m: MembershipID?, context: FootprintID?
  ) {
    state.orgList = ListState(selected: m, scroll: 0)
    state.orgDetailScroll = 0
    state.route.append(.organisation(o, context: context))
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
    case .flags: state.route = [.league, .flags]
    case .map: state.route = [.league, .map]
    case .regions: state.route = [.league, .regions]
    case .organisations: state.route = [.league, .organisations]
    case .changes: state.route = [.league, .changes]
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
    let next =
      current.flatMap { order.firstIndex(of: $0) }.map { ((($0 + delta) % order.count) + order.count) % order.count }
      ?? (delta > 0 ? 0 : order.count - 1)
    let f = order[next]
    state.league.list.selected = f
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
    state.league.list.scroll = 0
    state.notice = Notice(
      text: state.league.region.map { "showing \($0.name) only (R for the next region)" } ?? "showing every region",
      kind: .info)
  }

  /// Keeps the organisation details' scroll within its lines.
  static func clampDetail(_ state: inout AppState) {
    guard case .organisation(let o, _) = state.screen else { return }
    let lines = state.organisationReport(o).details(width: state.size.width - 2).count
    let rows = Layout.Organisation(state.size, footprints: state.session.dataset.membershipsOfOrganisation[o].count)
      .detailRows
    state.orgDetailScroll = max(0, min(state.orgDetailScroll, lines - rows))
  }
}
