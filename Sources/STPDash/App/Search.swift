import DashModel

/// Incremental search by name or code on the league, a member list, the
/// organisations or the flags.
enum Search {
  /// A row of the list searched: its name and code (and its footprint, on the league).
  typealias Row = (footprint: FootprintID?, name: String, code: String)

  /// The names and codes of the current list's rows, in display order.
  static func names(_ state: AppState) -> [Row] {
    let d = state.session.dataset
    switch state.screen {
    case .league: return state.derived.visible.compactMap { r in r.footprint.map { ($0, r.name, r.code) } }
    case .footprint(let f): return state.memberRows(f).map { (nil, $0.name, $0.code) }
    case .organisations: return state.derived.visibleOrganisations.map { (nil, $0.name, $0.code) }
    case .changes: return state.derived.visibleChanges.map { (nil, $0.change.site, $0.change.id) }
    case .flags:
      return state.derived.visibleFlags.map { e in
        (nil, d.organisationID(code: e.org).map { d.organisations[$0].name } ?? e.org, e.org)
      }
    default: return []
    }
  }

  static func matches(_ name: String, _ query: String) -> Bool {
    name.lowercased().contains(query.lowercased()) || Dataset.searchKey(name).contains(Dataset.searchKey(query))
  }

  /// Whether a row's code matches: its start, ignoring case.
  static func matches(code: String, _ query: String) -> Bool {
    let q = query.trimmingWhitespace().uppercased()
    return !q.isEmpty && code.uppercased().hasPrefix(q)
  }

  /// How many rows of the current list match (kept in ``Derived`` while
  /// the search is typed: made once per key, not per frame).
  static func count(_ state: AppState, _ query: String) -> Int {
    guard !query.isEmpty else { return 0 }
    let test = matcher(state, query)
    return names(state).reduce(0) { $0 + (test($1) ? 1 : 0) }
  }

  /// Whether a row of the current list matches `query`, by name or code: on
  /// the league from the name forms made once per load.
  static func matcher(_ state: AppState, _ query: String) -> (Row) -> Bool {
    let lower = query.lowercased()
    let searchKey = Dataset.searchKey(query)
    let league = state.screen == .league
    return { row in
      (league && row.footprint != nil
        ? matches(footprint: row.footprint ?? FootprintID(0), state, lower: lower, key: searchKey)
        : matches(row.name, query))
        || matches(code: row.code, query)
    }
  }

  /// Whether a footprint's name matches, from the forms made once per load.
  static func matches(footprint f: FootprintID, _ state: AppState, lower: String, key: String) -> Bool {
    guard f < state.derived.searchNames.endIndex else { return false }
    let n = state.derived.searchNames[f]
    return contains(n.lower, lower) || (!key.isEmpty && contains(n.key, key))
  }

  /// Whether `text` holds `part`, compared as UTF-8 bytes (a match always
  /// falls on whole scalars): `String.contains` compares by character and
  /// costs a thousand rows a few milliseconds on every key typed.
  static func contains(_ text: String, _ part: String) -> Bool {
    var text = text
    var part = part
    return text.withUTF8 { t in
      part.withUTF8 { p in
        guard let first = p.first else { return true }
        guard p.count <= t.count else { return false }
        var i = 0
        let last = t.count - p.count
        outer: while i <= last {
          if t[i] == first {
            var j = 1
            while j < p.count {
              if t[i + j] != p[j] {
                i += 1
                continue outer
              }
              j += 1
            }
            return true
          }
          i += 1
        }
        return false
      }
    }
  }

  /// Selects the first match at or after `from` (wrapping), if any.
  @discardableResult
  static func find(
    _ state: inout AppState, _ query: String, from position: Int?, forward: Bool, skipCurrent: Bool
  ) -> Bool {
    let rows = names(state)
    guard !query.isEmpty, !rows.isEmpty else { return false }
    let start = position.map { min(max(0, $0), rows.count - 1) } ?? 0
    let hit = matcher(state, query)
    for step in 0..<rows.count {
      let offset = skipCurrent ? step + 1 : step
      let i = forward ? (start + offset) % rows.count : ((start - offset) % rows.count + rows.count) % rows.count
      if hit(rows[i]) {
        Lists.select(&state, index: i)
        return true
      }
    }
    return false
  }

  /// `n` / `N`: the next or previous match of the last search.
  static func step(_ state: inout AppState, forward: Bool) {
    guard !state.lastSearch.isEmpty else {
      state.notice = Notice(text: "no search yet: press / and type a name", kind: .info)
      return
    }
    if !find(&state, state.lastSearch, from: Lists.selectedPosition(state), forward: forward, skipCurrent: true) {
      state.notice = Notice(text: "no match for \"\(state.lastSearch)\"", kind: .info)
    }
  }
}
