import DashModel

/// `:` (or `o`): go to any footprint or organisation by a piece of its name
/// or code, best matches first.
enum GoTo {
  /// A place to go.
  enum Target: Hashable {
    case footprint(FootprintID)
    case organisation(OrganisationID)
  }

  struct Match: Hashable {
    var target: Target
    var name: String
    var code: String
    /// Kind and footprint, for telling like-named bodies apart.
    var detail: String
    /// Lower is better.
    var rank: Int
  }

  /// The most matches listed.
  static let limit = 50

  /// Footprints and organisations matching `query`, best first: an exact
  /// code, then a name starting with it, then a word starting with it, then
  /// a name or code containing it; footprints before organisations, then by name.
  static func matches(_ state: AppState, _ query: String) -> [Match] {
    let q = query.trimmingWhitespace()
    let key = Dataset.searchKey(q)
    guard !key.isEmpty else { return [] }
    let d = state.session.dataset
    let upper = q.uppercased()
    let lower = q.lowercased()
    func rank(name: String, code: String) -> Int? {
      if code.uppercased() == upper { return 0 }
      let n = name.lowercased()
      if n.hasPrefix(lower) || Dataset.searchKey(name).hasPrefix(key) { return 1 }
      if n.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(where: { $0.hasPrefix(lower) }) {
        return 2
      }
      if Dataset.searchKey(name).contains(key) { return 3 }
      if code.uppercased().hasPrefix(upper) { return 4 }
      return nil
    }
    var out: [Match] = []
    for f in d.footprints.indices {
      let fp = d.footprints[f]
      guard let r = rank(name: fp.name, code: fp.code) else { continue }
      out.append(
        Match(target: .footprint(f), name: fp.name, code: fp.code, detail: "footprint, \(fp.region.name)", rank: r * 2))
    }
    for o in d.organisations.indices {
      let org = d.organisations[o]
      guard let r = rank(name: org.name, code: org.code) else { continue }
      let fps = d.membershipsOfOrganisation[o].map { d.footprints[d.memberships[$0].footprint].name }
      let detail =
        org.kind.label + (fps.isEmpty ? "" : ", " + fps.prefix(2).joined(separator: ", ") + (fps.count > 2 ? "…" : ""))
      out.append(Match(target: .organisation(o), name: org.name, code: org.code, detail: detail, rank: r * 2 + 1))
      if out.count > 20 * limit { break }
    }
    out.sort { a, b in
      if a.rank != b.rank { return a.rank < b.rank }
      let an = a.name.lowercased()
      let bn = b.name.lowercased()
      if an != bn { return an < bn }
      return a.code < b.code
    }
    return Array(out.prefix(limit))
  }

  /// Opens a match: a footprint's screen, or an organisation's (in its main footprint).
  static func open(_ state: inout AppState, _ target: Target) {
    switch target {
    case .footprint(let f):
      state.route = [.league]
      state.league.list.selected = f
      Lists.reveal(&state, screen: .league)
      Navigation.openFootprint(&state, f)
    case .organisation(let o):
      let d = state.session.dataset
      let ms = d.membershipsOfOrganisation[o]
      let main = ms.max {
        (state.session.analysis.membershipSavings[$0] ?? -1) < (state.session.analysis.membershipSavings[$1] ?? -1)
      }
      let context = main.map { d.memberships[$0].footprint }
      if state.route.last.map({ if case .organisation = $0 { return true } else { return false } }) ?? false {
        state.route.removeLast()
      }
      Navigation.openOrganisation(&state, o, membership: main, context: context)
    }
  }
}
