import DashModel

/// Moving through the list on screen: selection by stable key, scroll kept
/// so the selection is always visible.
enum Lists {
  /// The keys of the rows of a screen's list, in display order, and how many fit.
  static func rows(_ state: AppState, screen: Screen) -> (keys: [Int], viewport: Int)? {
    switch screen {
    case .league:
      return (state.derived.visible.compactMap(\.footprint), Layout.League(state.size).rowCount)
    case .footprint(let f):
      return (state.memberRows(f).map(\.membership), Layout.Footprint(state.size).rowCount)
    case .organisation(let o, _):
      let keys = Array(state.session.dataset.membershipsOfOrganisation[o])
      return (keys, Layout.Organisation(state.size, footprints: keys.count).rowCount)
    case .flags:
      return (state.derived.visibleFlagKeys, Layout.Flags(state.size).rowCount)
    case .organisations:
      return (state.derived.visibleOrganisations.map(\.org), Layout.Organisations(state).rowCount)
    case .trajectory, .map, .regions:
      return nil
    }
  }

  static func list(_ state: AppState, screen: Screen) -> ListState {
    switch screen {
    case .league: state.league.list
    case .footprint: state.members.list
    case .organisation: state.orgList
    case .flags: state.flagsList
    case .organisations: state.organisations.list
    case .trajectory, .map, .regions: ListState()
    }
  }

  static func setList(_ state: inout AppState, screen: Screen, _ list: ListState) {
    switch screen {
    case .league: state.league.list = list
    case .footprint: state.members.list = list
    case .organisation: state.orgList = list
    case .flags: state.flagsList = list
    case .organisations: state.organisations.list = list
    case .trajectory, .map, .regions: break
    }
  }

  /// The selected key on the current screen.
  static func selectedKey(_ state: AppState) -> Int? { list(state, screen: state.screen).selected }

  /// Rows that fit on the current screen.
  static func viewport(_ state: AppState) -> Int { rows(state, screen: state.screen)?.viewport ?? 1 }

  /// Moves the selection by `delta` rows (clamped to the list).
  static func move(_ state: inout AppState, by delta: Int) {
    let screen = state.screen
    guard let (keys, _) = rows(state, screen: screen), !keys.isEmpty else { return }
    var l = list(state, screen: screen)
    let current = l.selected.flatMap { keys.firstIndex(of: $0) } ?? 0
    let target = max(0, min(keys.count - 1, current.addingReportingOverflow(delta).partialValue))
    l.selected = keys[target]
    setList(&state, screen: screen, l)
    reveal(&state, screen: screen)
  }

  /// Selects the row at a position in the list.
  static func select(_ state: inout AppState, index: Int) {
    let screen = state.screen
    guard let (keys, _) = rows(state, screen: screen), index >= 0, index < keys.count else { return }
    var l = list(state, screen: screen)
    l.selected = keys[index]
    setList(&state, screen: screen, l)
    reveal(&state, screen: screen)
  }

  /// Scrolls so the selection is visible.
  static func reveal(_ state: inout AppState, screen: Screen? = nil) {
    let screen = screen ?? state.screen
    guard let (keys, viewport) = rows(state, screen: screen) else { return }
    var l = list(state, screen: screen)
    if let sel = l.selected, let i = keys.firstIndex(of: sel) {
      if i < l.scroll { l.scroll = i }
      if i >= l.scroll + viewport { l.scroll = i - viewport + 1 }
    }
    l.scroll = max(0, min(l.scroll, max(0, keys.count - viewport)))
    setList(&state, screen: screen, l)
  }

  /// Keeps selection and scroll valid after the list or the size changed.
  static func clamp(_ state: inout AppState, screen: Screen) {
    guard let (keys, _) = rows(state, screen: screen) else { return }
    var l = list(state, screen: screen)
    if keys.isEmpty {
      l.selected = nil
    } else if l.selected.map({ !keys.contains($0) }) ?? true {
      // A flag that went (unflagged here or elsewhere) leaves the selection
      // on the flag now in its place.
      let place = screen == .flags ? l.selected.flatMap { state.derived.previousFlagKeys.firstIndex(of: $0) } : nil
      l.selected = keys[min(keys.count - 1, place ?? 0)]
    }
    setList(&state, screen: screen, l)
    reveal(&state, screen: screen)
  }
}
