import DashModel

/// A screen's list as the reducer moves through it: by position. Each list
/// keeps its selection by a stable key of its own type (a footprint, a
/// membership, an organisation, a flag); this is the same list seen as rows
/// 0..<count, so moving, paging, revealing and clamping are written once.
struct ListAccess {
  /// How many rows the list has.
  var count: Int
  /// How many rows fit on screen.
  var viewport: Int
  /// The selected row's position, when the selection is in the list.
  var selected: Int?
  /// The first row shown.
  var scroll: Int
  /// Writes a selection (a position, or none) and a scroll back to the state.
  var write: (inout AppState, Int?, Int) -> Void

  /// A list whose rows have keys of type `Key`, its selection kept at `path`.
  init<Key: Hashable>(keys: [Key], viewport: Int, state: AppState, path: WritableKeyPath<AppState, ListState<Key>>) {
    let list = state[keyPath: path]
    count = keys.count
    self.viewport = max(1, viewport)
    selected = list.selected.flatMap { k in keys.firstIndex(of: k) }
    scroll = list.scroll
    write = { state, position, scroll in
      state[keyPath: path].selected = position.flatMap { $0 < keys.count ? keys[$0] : nil }
      state[keyPath: path].scroll = scroll
    }
  }
}

/// Moving through the list on screen: selection by stable key, scroll kept
/// so the selection is always visible.
enum Lists {
  /// The list of a screen, if it has one.
  static func access(_ state: AppState, screen: Screen) -> ListAccess? {
    switch screen {
    case .league:
      return ListAccess(
        keys: state.derived.visible.compactMap(\.footprint), viewport: Layout.League(state.size).rowCount,
        state: state, path: \.league.list)
    case .footprint(let f):
      return ListAccess(
        keys: state.memberRows(f).map(\.membership), viewport: state.footprintLayout(f).rowCount, state: state,
        path: \.members.list)
    case .organisation(let o, _):
      let keys = Array(state.session.dataset.membershipsOfOrganisation[o])
      return ListAccess(
        keys: keys, viewport: Layout.Organisation(state.size, footprints: keys.count).rowCount, state: state,
        path: \.orgList)
    case .flags:
      return ListAccess(
        keys: state.derived.visibleFlagKeys, viewport: Layout.Flags(state.size).rowCount, state: state,
        path: \.flagsList)
    case .organisations:
      return ListAccess(
        keys: state.derived.visibleOrganisations.map(\.org), viewport: Layout.Organisations(state).rowCount,
        state: state, path: \.organisations.list)
    case .changes:
      return ListAccess(
        keys: state.derived.visibleChanges.map(\.change.id), viewport: Layout.Changes(state.size).rowCount,
        state: state, path: \.changes.list)
    case .trajectory, .map, .regions:
      return nil
    }
  }

  /// Moving keys: up, down, by pages, to either end. On an organisation,
  /// paging scrolls its details (j/k pick the footprint).
  static func run(_ state: inout AppState, _ command: Command) {
    if case .organisation = state.screen, [.pageUp, .pageDown, .top, .bottom].contains(command) {
      let page = max(1, Layout.Organisation(state.size, footprints: 1).detailRows - 1)
      switch command {
      case .pageUp: state.orgDetailScroll = max(0, state.orgDetailScroll - page)
      case .pageDown: state.orgDetailScroll += page
      case .top: state.orgDetailScroll = 0
      default: state.orgDetailScroll = Int.max / 2
      }
      Navigation.clampDetail(&state)
      return
    }
    if state.screen == .regions {
      // The regions' measures: rows that scroll, no selection.
      let room = RegionsView.room(state.size)
      let most = max(0, state.regionsReport.sideBySide(glyphs: state.glyphs).rows.count - room)
      let page = max(1, room - 1)
      let moves: [Command: Int] = [
        .up: -1, .down: 1, .pageUp: -page, .pageDown: page, .halfPageUp: -page / 2, .halfPageDown: page / 2,
        .top: Int.min / 4, .bottom: Int.max / 4,
      ]
      state.regionsScroll = max(0, min(most, state.regionsScroll + (moves[command] ?? 0)))
      return
    }
    let page = viewport(state)
    switch command {
    case .up: move(&state, by: -1)
    case .down: move(&state, by: 1)
    case .pageUp: move(&state, by: -max(1, page - 1))
    case .pageDown: move(&state, by: max(1, page - 1))
    case .halfPageUp: move(&state, by: -max(1, page / 2))
    case .halfPageDown: move(&state, by: max(1, page / 2))
    case .top: move(&state, by: Int.min / 2)
    case .bottom: move(&state, by: Int.max / 2)
    default: break
    }
  }

  /// How many rows the current screen's list has.
  static func count(_ state: AppState) -> Int { access(state, screen: state.screen)?.count ?? 0 }

  /// The selected row's position on the current screen.
  static func selectedPosition(_ state: AppState) -> Int? { access(state, screen: state.screen)?.selected }

  /// Rows that fit on the current screen.
  static func viewport(_ state: AppState) -> Int { access(state, screen: state.screen)?.viewport ?? 1 }

  /// Moves the selection by `delta` rows (clamped to the list).
  static func move(_ state: inout AppState, by delta: Int) {
    guard let l = access(state, screen: state.screen), l.count > 0 else { return }
    let current = l.selected ?? 0
    select(&state, index: max(0, min(l.count - 1, current.addingReportingOverflow(delta).partialValue)))
  }

  /// Selects the row at a position in the list.
  static func select(_ state: inout AppState, index: Int) {
    guard let l = access(state, screen: state.screen), index >= 0, index < l.count else { return }
    l.write(&state, index, scrolled(l, selected: index))
  }

  /// Scrolls so the selection is visible.
  static func reveal(_ state: inout AppState, screen: Screen? = nil) {
    guard let l = access(state, screen: screen ?? state.screen) else { return }
    l.write(&state, l.selected, scrolled(l, selected: l.selected))
  }

  /// The scroll that shows `selected`, kept within the list.
  static func scrolled(_ l: ListAccess, selected: Int?) -> Int {
    var scroll = l.scroll
    if let i = selected {
      if i < scroll { scroll = i }
      if i >= scroll + l.viewport { scroll = i - l.viewport + 1 }
    }
    return max(0, min(scroll, max(0, l.count - l.viewport)))
  }

  /// What orders and thins a screen's list: its sort, direction, filter and
  /// region. When it changes the list starts from its first row again.
  static func order(_ state: AppState, screen: Screen) -> AnyHashable? {
    switch screen {
    case .league, .map:
      return AnyHashable([
        AnyHashable(state.league.sort), AnyHashable(state.league.ascending), AnyHashable(state.league.region),
        AnyHashable(state.filters[.league]),
      ])
    case .footprint:
      return AnyHashable([
        AnyHashable(state.members.sort), AnyHashable(state.members.ascending), AnyHashable(state.filters[.members]),
      ])
    case .organisations:
      return AnyHashable([
        AnyHashable(state.organisations.sort), AnyHashable(state.organisations.ascending),
        AnyHashable(state.filters[.organisations]),
      ])
    case .changes:
      return AnyHashable([
        AnyHashable(state.changes.sort), AnyHashable(state.changes.ascending), AnyHashable(state.filters[.changes]),
      ])
    case .flags: return AnyHashable(state.filters[.flags])
    default: return nil
    }
  }

  /// Brings the first row into view after a re-sort, a filter or a region
  /// change: the selection stays only if it shows with row 1; otherwise
  /// row 1 is selected.
  static func toTop(_ state: inout AppState, screen: Screen) {
    guard let l = access(state, screen: screen), l.count > 0 else { return }
    let keep = l.selected.map { $0 < l.viewport } ?? false
    l.write(&state, keep ? l.selected : 0, 0)
  }

  /// Keeps selection and scroll valid after the list or the size changed.
  /// A selection no longer in the list moves to the first row; a flag that
  /// went (unflagged here or elsewhere) leaves it on the flag now in its place.
  static func clamp(_ state: inout AppState, screen: Screen) {
    guard let l = access(state, screen: screen) else { return }
    let place =
      screen == .flags ? state.flagsList.selected.flatMap { state.derived.previousFlagKeys.firstIndex(of: $0) } : nil
    let selected = l.count == 0 ? nil : (l.selected ?? min(l.count - 1, place ?? 0))
    l.write(&state, selected, scrolled(l, selected: selected))
  }
}
