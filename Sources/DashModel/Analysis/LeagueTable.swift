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
  public var illustrativeColumns: Set<LeagueColumn>

  /// True when any figure on the row is illustrative.
  public var illustrative: Bool { !illustrativeColumns.isEmpty }
}

/// The league of footprints: rows, sorting and filtering.
public enum LeagueTable {
  /// One row per footprint, in dataset order, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery: Delivery, flags: FlagSet) -> [LeagueRow] {
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
      var flagged = 0
      var atRisk = 0.0
      var atRiskKnown = false
      var atRiskIllustrative = false
      for m in d.membersOfFootprint[f] {
        let ms = d.memberships[m]
        let isFlagged = flags.contains(org: ms.org, footprint: f)
        if isFlagged { flagged += 1 }
        guard isFlagged || d.stance(membership: m) == .refused else { continue }
        if let s = analysis.membershipSavings[m] {
          atRisk += max(0, s * delivery.factor)
          atRiskKnown = true
          if d.finance.hasIllustrative(entity: d.finance.entity(organisation: ms.org)) { atRiskIllustrative = true }
        }
      }
      let summary = analysis.alignment[f]
      rows.append(
        LeagueRow(
          footprint: f, rank: 0, code: fp.code, name: fp.name, region: fp.region,
          members: d.membersOfFootprint[f].count, doNothing: dn, plan: plan, savingsPercent: savings,
          perHead: perHead, alignedShare: summary.alignedShare, alignment: summary, flagged: flagged,
          atRisk: atRiskKnown ? atRisk : (flagged > 0 || summary.count(.refused) > 0 ? nil : 0),
          rating: fp.rating,
          illustrativeColumns: illustrativeColumns(
            dn: dnPoint, plan: planPoint, perHead: perHead, footprint: fp, atRiskIllustrative: atRiskIllustrative)))
    }
    return rank(rows, by: .doNothing, ascending: false)
  }

  static func illustrativeColumns(
    dn: TrajectoryPoint, plan: TrajectoryPoint, perHead: Double?, footprint: Footprint, atRiskIllustrative: Bool
  ) -> Set<LeagueColumn> {
    var out = Set<LeagueColumn>()
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
      let known = rows.compactMap { $0[keyPath: k] }
      return known.isEmpty ? nil : known.reduce(0, +)
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
    for r in rows { alignment.add(r.alignment) }
    return LeagueRow(
      footprint: nil, rank: 0, code: name == "England" ? "E92000001" : "", name: name, region: nil,
      members: rows.reduce(0) { $0 + $1.members }, doNothing: dn, plan: plan, savingsPercent: savings,
      perHead: pop > 0 ? popDN * 1_000_000 / Double(pop) : nil, alignedShare: alignment.alignedShare,
      alignment: alignment, flagged: rows.reduce(0) { $0 + $1.flagged }, atRisk: sum(\.atRisk), rating: nil,
      illustrativeColumns: rows.reduce(into: Set<LeagueColumn>()) { $0.formUnion($1.illustrativeColumns) })
  }

  /// Rows in league order for a column, with ranks set (ties share a rank).
  ///
  /// Rows without a figure go last whichever the direction; ties are broken
  /// by name, then code, so the order is stable.
  public static func rank(_ rows: [LeagueRow], by column: LeagueColumn, ascending: Bool) -> [LeagueRow] {
    let column = column == .rank ? LeagueColumn.doNothing : column
    var out = rows
    out.sort { a, b in
      let c = compare(a, b, column)
      if c != 0 {
        if c == 2 { return true }  // only a has a value
        if c == -2 { return false }
        return ascending ? c < 0 : c > 0
      }
      if a.name != b.name { return a.name.lowercased() < b.name.lowercased() }
      return a.code < b.code
    }
    var rank = 0
    for i in out.indices {
      if i == 0 || compare(out[i - 1], out[i], column) != 0 { rank = i + 1 }
      out[i].rank = rank
    }
    return out
  }

  /// -1, 0, 1 by value; 2 when only `a` has a value, -2 when only `b` has one.
  static func compare(_ a: LeagueRow, _ b: LeagueRow, _ c: LeagueColumn) -> Int {
    func num(_ x: Double?, _ y: Double?) -> Int {
      switch (x, y) {
      case (nil, nil): return 0
      case (_, nil): return 2
      case (nil, _): return -2
      case (let x?, let y?): return x < y ? -1 : (x > y ? 1 : 0)
      }
    }
    switch c {
    case .rank, .doNothing: return num(a.doNothing, b.doNothing)
    case .name:
      let x = a.name.lowercased()
      let y = b.name.lowercased()
      return x < y ? -1 : (x > y ? 1 : 0)
    case .region: return num(a.region.map { Double($0.rawValue) }, b.region.map { Double($0.rawValue) })
    case .members: return num(Double(a.members), Double(b.members))
    case .plan: return num(a.plan, b.plan)
    case .savingsPercent: return num(a.savingsPercent, b.savingsPercent)
    case .perHead: return num(a.perHead, b.perHead)
    case .aligned: return num(a.alignedShare, b.alignedShare)
    case .flagged: return num(Double(a.flagged), Double(b.flagged))
    case .atRisk: return num(a.atRisk, b.atRisk)
    case .rating: return num(a.rating.map { Double($0.rawValue) }, b.rating.map { Double($0.rawValue) })
    }
  }

  /// The rows of one region (all rows for `nil`), keeping their ranks.
  public static func filter(_ rows: [LeagueRow], region: Region?) -> [LeagueRow] {
    guard let region else { return rows }
    return rows.filter { $0.region == region }
  }
}
