/// One footprint's line in the league.
public struct LeagueRow: Sendable, Hashable {
  /// Index of the footprint in the dataset; `nil` for England's total.
  public var footprint: Int?
  /// League position under the current sort (ties share a position).
  public var rank: Int
  /// Footprint code.
  public var code: String
  /// Footprint name.
  public var name: String
  /// Region; `nil` for England.
  public var region: Region?
  /// Member organisations.
  public var members: Int
  /// Do-nothing gap 2020/21, £m.
  public var doNothing: Double?
  /// Plan gap 2020/21 at the delivery setting, £m.
  public var plan: Double?
  /// Planned savings as a percentage of the do-nothing gap.
  public var savingsPercent: Double?
  /// Do-nothing gap per resident, £.
  public var perHead: Double?
  /// Share of members aligned (0–1).
  public var alignedShare: Double?
  /// Members by stance.
  public var alignment: AlignmentSummary
  /// Members with an active flag.
  public var flagged: Int
  /// Planned savings of refused or flagged members at the delivery setting, £m.
  public var atRisk: Double?
  /// Progress rating.
  public var rating: Rating?
  /// The columns whose figures are illustrative, not reported.
  public var illustrativeColumns: ColumnSet

  /// True when any figure on the row is illustrative.
  public var illustrative: Bool { !illustrativeColumns.isEmpty }
}

/// What the league needs from the flags, per footprint: computed when data or
/// flags change, then only scaled when delivery changes (savings at risk is
/// proportional to delivery).
public struct LeagueInputs: Sendable {
  /// Members flagged in each footprint.
  public var flagged: [Int]
  /// Planned savings at 100 % of refused or flagged members, `nil` when
  /// there are such members but none has figures.
  public var atRiskBase: [Double?]
  /// Whether any figure behind the at-risk sum is illustrative.
  public var atRiskIllustrative: [Bool]
}

/// The league of footprints: rows, sorting and filtering.
public enum LeagueTable {
  /// One row per footprint, in dataset order, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery: Delivery, flags: FlagSet) -> [LeagueRow] {
    rows(analysis, delivery: delivery, inputs: inputs(analysis, flags: flags))
  }

  /// The per-footprint inputs that depend on flags.
  public static func inputs(_ analysis: Analysis, flags: FlagSet) -> LeagueInputs {
    let d = analysis.dataset
    var out = LeagueInputs(
      flagged: Array(repeating: 0, count: d.footprints.count),
      atRiskBase: Array(repeating: 0, count: d.footprints.count),
      atRiskIllustrative: Array(repeating: false, count: d.footprints.count))
    let anyFlags = flags.count > 0
    for f in d.footprints.indices {
      var flagged = 0
      var atRisk = 0.0
      var known = false
      var illustrative = false
      var refused = false
      for m in d.membersOfFootprint[f] {
        let ms = d.memberships[m]
        let isFlagged = anyFlags && flags.contains(org: ms.org, footprint: f)
        if isFlagged { flagged += 1 }
        let isRefused = d.stance(membership: m) == .refused
        if isRefused { refused = true }
        guard isFlagged || isRefused else { continue }
        if let s = analysis.membershipSavings[m] {
          atRisk += max(0, s)
          known = true
          if d.finance.hasIllustrative(entity: d.finance.entity(organisation: ms.org)) { illustrative = true }
        }
      }
      out.flagged[f] = flagged
      out.atRiskBase[f] = known ? atRisk : (flagged > 0 || refused ? nil : 0)
      out.atRiskIllustrative[f] = illustrative
    }
    return out
  }

  /// One row per footprint for a delivery setting, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery: Delivery, inputs: LeagueInputs) -> [LeagueRow] {
    let d = analysis.dataset
    let year = FinancialYear.target
    var rows: [LeagueRow] = []
    rows.reserveCapacity(d.footprints.count)
    for (f, fp) in d.footprints.enumerated() {
      let t = analysis.footprintTrajectories[f]
      let dnPoint = t.point(.doNothing, year)
      let planPoint = t.point(.plan, year)
      let dn = dnPoint.value
      let plan = delivery.plan(doNothing: dn, plan: planPoint.value)
      var savings: Double? = nil
      if let dn, let plan, dn > 0 { savings = (dn - plan) / dn * 100 }
      var perHead: Double? = nil
      if let dn, let pop = fp.population, pop > 0 { perHead = dn * 1_000_000 / Double(pop) }
      let summary = analysis.alignment[f]
      rows.append(
        LeagueRow(
          footprint: f, rank: 0, code: fp.code, name: fp.name, region: fp.region,
          members: d.membersOfFootprint[f].count, doNothing: dn, plan: plan, savingsPercent: savings,
          perHead: perHead, alignedShare: summary.alignedShare, alignment: summary, flagged: inputs.flagged[f],
          atRisk: inputs.atRiskBase[f].map { $0 * delivery.factor }, rating: fp.rating,
          illustrativeColumns: illustrativeColumns(
            dn: dnPoint, plan: planPoint, perHead: perHead, footprint: fp,
            atRiskIllustrative: inputs.atRiskIllustrative[f])))
    }
    return rank(rows, by: .doNothing, ascending: false)
  }

  static func illustrativeColumns(
    dn: TrajectoryPoint, plan: TrajectoryPoint, perHead: Double?, footprint: Footprint, atRiskIllustrative: Bool
  ) -> ColumnSet {
    var out = ColumnSet()
    if dn.illustrative { out.insert(.doNothing) }
    if plan.illustrative || dn.illustrative { out.insert(.plan) }
    if plan.illustrative || dn.illustrative { out.insert(.savingsPercent) }
    if perHead != nil && (dn.illustrative || footprint.populationBasis == .illustrative) { out.insert(.perHead) }
    if atRiskIllustrative { out.insert(.atRisk) }
    return out
  }

  /// Totals over the given rows: England's for all footprints, a region's
  /// for a filtered league (pass its name).
  public static func total(_ rows: [LeagueRow], analysis: Analysis, name: String = "England") -> LeagueRow {
    let d = analysis.dataset
    func sum(_ k: KeyPath<LeagueRow, Double?>) -> Double? {
      var total = 0.0
      var any = false
      for r in rows {
        if let v = r[keyPath: k] {
          total += v
          any = true
        }
      }
      return any ? total : nil
    }
    let dn = sum(\.doNothing)
    let plan = sum(\.plan)
    var savings: Double? = nil
    if let dn, let plan, dn > 0 { savings = (dn - plan) / dn * 100 }
    var popDN = 0.0
    var pop = 0
    for r in rows {
      if let f = r.footprint, let p = d.footprints[f].population, let v = r.doNothing {
        popDN += v
        pop += p
      }
    }
    var alignment = AlignmentSummary()
    var illustrative = ColumnSet()
    for r in rows {
      alignment.add(r.alignment)
      illustrative.formUnion(r.illustrativeColumns)
    }
    return LeagueRow(
      footprint: nil, rank: 0, code: name == "England" ? "E92000001" : "", name: name, region: nil,
      members: rows.reduce(0) { $0 + $1.members }, doNothing: dn, plan: plan, savingsPercent: savings,
      perHead: pop > 0 ? popDN * 1_000_000 / Double(pop) : nil, alignedShare: alignment.alignedShare,
      alignment: alignment, flagged: rows.reduce(0) { $0 + $1.flagged }, atRisk: sum(\.atRisk), rating: nil,
      illustrativeColumns: illustrative)
  }

  /// Rows in league order for a column, with ranks set (ties share a rank).
  ///
  /// Rows without a figure go last whichever the direction; ties are broken
  /// by name, then code, so the order is stable. Sorting works on indices and
  /// keys extracted once, so re-sorting a thousand rows is cheap.
  public static func rank(_ rows: [LeagueRow], by column: LeagueColumn, ascending: Bool) -> [LeagueRow] {
    let column = column == .rank ? LeagueColumn.doNothing : column
    let keys = rows.map { key($0, column) }
    let names = rows.map { $0.name.lowercased() }
    func compare(_ a: Int, _ b: Int) -> Int {
      switch (keys[a], keys[b]) {
      case (nil, nil): return 0
      case (_, nil): return 2
      case (nil, _): return -2
      case (let x?, let y?):
        if column == .name { return names[a] < names[b] ? -1 : (names[a] > names[b] ? 1 : 0) }
        return x < y ? -1 : (x > y ? 1 : 0)
      }
    }
    let order = rows.indices.sorted { a, b in
      let c = compare(a, b)
      if c != 0 {
        if c == 2 { return true }  // only a has a value
        if c == -2 { return false }
        return ascending ? c < 0 : c > 0
      }
      if names[a] != names[b] { return names[a] < names[b] }
      return rows[a].code < rows[b].code
    }
    var out: [LeagueRow] = []
    out.reserveCapacity(rows.count)
    var rank = 0
    for (i, index) in order.enumerated() {
      if i == 0 || compare(order[i - 1], index) != 0 { rank = i + 1 }
      var row = rows[index]
      row.rank = rank
      out.append(row)
    }
    return out
  }

  /// A number to sort a column by (names sort by their own key; `nil` last).
  static func key(_ r: LeagueRow, _ c: LeagueColumn) -> Double? {
    switch c {
    case .rank, .doNothing: r.doNothing
    case .name: 0
    case .region: r.region.map { Double($0.rawValue) }
    case .members: Double(r.members)
    case .plan: r.plan
    case .savingsPercent: r.savingsPercent
    case .perHead: r.perHead
    case .aligned: r.alignedShare
    case .flagged: Double(r.flagged)
    case .atRisk: r.atRisk
    case .rating: r.rating.map { Double($0.rawValue) }
    }
  }

  /// The rows of one region (all rows for `nil`), keeping their ranks.
  public static func filter(_ rows: [LeagueRow], region: Region?) -> [LeagueRow] {
    guard let region else { return rows }
    return rows.filter { $0.region == region }
  }
}
