import DashModel

/// A column of the member table, for sorting.
enum MemberColumn: Int, CaseIterable, Hashable {
  case name, kind, share, stance, flag, pivotal, savings, power

  var title: String {
    switch self {
    case .name: "Organisation"
    case .kind: "Kind"
    case .share: "Part"
    case .stance: "Stance"
    case .flag: "Flag"
    case .pivotal: "Piv"
    case .savings: "Savings £m"
    case .power: "Power"
    }
  }

  /// The key of the members table's column (see ``FootprintPresenter``).
  var key: String {
    switch self {
    case .name: "name"
    case .kind: "kind"
    case .share: "share"
    case .stance: "stance"
    case .flag: "flagged"
    case .pivotal: "pivotal"
    case .savings: "planned_savings_2020_21_gbp_m"
    case .power: "blocking_power"
    }
  }

  /// Parses a `--sort` value: a key or a title, ignoring case.
  init?(key text: String) {
    let k = String(text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    guard
      let c = Self.allCases.first(where: { $0.key == k || $0.title.lowercased() == k })
        ?? ["savings": .savings, "flag": .flag, "coleman": .power, "power_to_block": .power][k]
    else { return nil }
    self = c
  }

  var naturallyAscending: Bool { self == .name || self == .kind || self == .stance }

  /// A comparison for this column; ties go by kind then name then code.
  func order(ascending: Bool) -> (MemberRow, MemberRow) -> Bool {
    { a, b in
      let c = compare(a, b)
      if c != 0 {
        if c == 2 { return true }
        if c == -2 { return false }
        return ascending ? c < 0 : c > 0
      }
      if a.kind != b.kind { return kindRank(a.kind) < kindRank(b.kind) }
      if a.name.lowercased() != b.name.lowercased() { return a.name.lowercased() < b.name.lowercased() }
      return a.code < b.code
    }
  }

  private func kindRank(_ k: OrganisationKind) -> Int { OrganisationKind.allCases.firstIndex(of: k) ?? 0 }

  private func compare(_ a: MemberRow, _ b: MemberRow) -> Int {
    func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
    switch self {
    case .name: return cmp(a.name.lowercased(), b.name.lowercased())
    case .kind: return cmp(kindRank(a.kind), kindRank(b.kind))
    case .share: return cmp(a.share, b.share)
    case .stance: return cmp(a.stance, b.stance)
    case .flag: return cmp(a.flagMarks, b.flagMarks)
    case .pivotal: return cmp(a.pivotal ? 1 : 0, b.pivotal ? 1 : 0)
    case .power: return optional(a.power, b.power)
    case .savings: return optional(a.savings, b.savings)
    }
  }

  /// Compares figures that may be missing (missing last whichever the direction).
  private func optional(_ a: Double?, _ b: Double?) -> Int {
    func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
    switch (a, b) {
    case (nil, nil): return 0
    case (_, nil): return 2
    case (nil, _): return -2
    case (let x?, let y?): return cmp(x, y)
    }
  }
}

extension MemberRow {
  /// How many refusal marks the member carries (flagged, assumed refusing): the Flag column's order.
  var flagMarks: Int { (flagged ? 2 : 0) + (assumed ? 1 : 0) }
}
