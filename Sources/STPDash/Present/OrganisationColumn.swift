import DashModel

/// A column of the Organisations screen and `stpdash orgs`, for sorting.
enum OrganisationColumn: Int, CaseIterable, Hashable {
  case name, code, kind, footprint, savings, share, stance, flag, atRisk, pivotal, power, banzhaf

  /// The key used by `--sort` and in CSV and JSON.
  var key: String {
    switch self {
    case .name: "name"
    case .code: "code"
    case .kind: "kind"
    case .footprint: "footprint"
    case .savings: "savings_2020_21_gbp_m"
    case .share: "largest_share"
    case .stance: "stance"
    case .flag: "flagged"
    case .atRisk: "at_risk_gbp_m"
    case .pivotal: "pivotal"
    case .power: "blocking_power"
    case .banzhaf: "banzhaf"
    }
  }

  var title: String {
    switch self {
    case .name: "Organisation"
    case .code: "Code"
    case .kind: "Kind"
    case .footprint: "Footprint"
    case .savings: "Savings £m"
    case .share: "Of plan"
    case .stance: "Stance"
    case .flag: "Flag"
    case .atRisk: "At risk"
    case .pivotal: "Piv"
    case .power: "Power"
    case .banzhaf: "Banzhaf"
    }
  }

  /// What the column holds, for help and `--help`.
  var meaning: String {
    switch self {
    case .name: "organisation name"
    case .code: "ODS or ONS code"
    case .kind: "CCG, trust, council or other"
    case .footprint: "its footprint (the one where it holds most), and how many others"
    case .savings: "planned savings it holds in 2020/21, share-weighted, at the delivery setting"
    case .share: "its largest share of a footprint's planned savings, %"
    case .stance: "its stance in its main footprint"
    case .flag: "flagged as not cooperating"
    case .atRisk: "savings it puts at risk: those it holds where it counts as refusing (refused, flagged or assumed)"
    case .pivotal: "its refusal alone would stop a plan of its balancing, after the refusals counted"
    case .power:
      "its power to block (Coleman), in the footprint where it is largest: the share of the groups of cooperating members balancing that plan which need it"
    case .banzhaf: "its normalised Banzhaf index there: its share of all the members' cases of being needed"
    }
  }

  var naturallyAscending: Bool { [.name, .code, .kind, .footprint, .stance].contains(self) }

  /// Parses a `--sort` value: a key, a title, or a short alias.
  init?(key text: String) {
    let k = String(text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    let aliases: [String: OrganisationColumn] = [
      "savings": .savings, "held": .savings, "share_pct": .share, "largest": .share, "flags": .flag,
      "risk": .atRisk, "at_risk": .atRisk, "organisation": .name, "org": .name, "coleman": .power,
      "power_to_block": .power,
    ]
    if let c = Self.allCases.first(where: { $0.key == k || $0.title.lowercased() == k }) {
      self = c
    } else if let c = aliases[k] {
      self = c
    } else {
      return nil
    }
  }

  static var keyList: String { allCases.map(\.key).joined(separator: ", ") }

  /// A comparison for this column: figures without a value last, ties by name then code.
  func order(ascending: Bool, dataset d: Dataset) -> (OrganisationLine, OrganisationLine) -> Bool {
    { a, b in
      let c = compare(a, b, d)
      if c != 0 {
        if c == 2 { return true }
        if c == -2 { return false }
        return ascending ? c < 0 : c > 0
      }
      let an = a.name.lowercased()
      let bn = b.name.lowercased()
      if an != bn { return an < bn }
      return a.code < b.code
    }
  }

  private func compare(_ a: OrganisationLine, _ b: OrganisationLine, _ d: Dataset) -> Int {
    func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
    func opt(_ x: Double?, _ y: Double?) -> Int {
      switch (x, y) {
      case (nil, nil): 0
      case (_, nil): 2
      case (nil, _): -2
      case (let x?, let y?): cmp(x, y)
      }
    }
    switch self {
    case .name: return cmp(a.name.lowercased(), b.name.lowercased())
    case .code: return cmp(a.code, b.code)
    case .kind:
      let all = OrganisationKind.allCases
      return cmp(all.firstIndex(of: a.kind) ?? 0, all.firstIndex(of: b.kind) ?? 0)
    case .footprint:
      let fa = a.footprints.first.map { d.footprints[$0].name.lowercased() } ?? ""
      let fb = b.footprints.first.map { d.footprints[$0].name.lowercased() } ?? ""
      return cmp(fa, fb)
    case .savings: return opt(a.savings, b.savings)
    case .share: return opt(a.largestShare, b.largestShare)
    case .stance: return cmp(a.stance, b.stance)
    case .flag: return cmp(a.flagged ? 1 : 0, b.flagged ? 1 : 0)
    case .atRisk: return opt(a.atRisk, b.atRisk)
    case .pivotal: return cmp(a.pivotalIn.count, b.pivotalIn.count)
    case .power: return opt(a.blockingPower, b.blockingPower)
    case .banzhaf: return opt(a.banzhaf, b.banzhaf)
    }
  }
}
