import Dispatch

/// One footprint's line in the league.
public struct LeagueRow: Sendable, Hashable {
  /// The footprint; `nil` for a total (England's or a region's).
  public var footprint: FootprintID?
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
  /// Members counted as refusing (under the refusing rule, flagged, or assumed).
  public var refusing: Int = 0
  /// Planned savings of refusing members at the delivery setting, £m.
  public var atRisk: Double?
  /// Progress rating.
  public var rating: Rating?
  /// The delivery setting the plan figures are at.
  public var delivery: Delivery
  /// The delivery of planned savings that would balance the 2020/21 plan, %.
  public var neededPercent: Double?
  /// Delivery so far, from the latest outturn.
  public var observed: ObservedDelivery?
  /// The first year the plan balances at the delivery setting (`nil`: never, or not known).
  public var balanceYear: FinancialYear?
  /// How far the 2020/21 plan is below balance at the delivery setting, as
  /// filed (every member delivering), £m: negative when it is short.
  public var margin: Double?
  /// The same without the refusing members' savings.
  public var marginWithRefusals: Double?
  /// The fewest cooperating members whose joint refusal sinks the plan: 0
  /// when it is already short with its refusals, `nil` when no refusal can.
  public var blockersNeeded: Int? = nil
  /// The largest single member's share of planned savings (0–1).
  public var vetoShare: Double?
  /// Who that member is (its name).
  public var vetoHolder: String?
  /// Cooperating members whose refusal alone would stop the plan balancing (after refusals).
  public var pivotal: Int
  /// The columns whose figures are illustrative, not reported.
  public var illustrativeColumns: ColumnSet
  /// The columns whose figures are reported but carry a caveat (and none illustrative).
  public var caveatColumns = ColumnSet()
  /// The basis of the 2020/21 do-nothing figure, when the footprint files its own.
  public var doNothingBasis: Basis? = nil
  /// Where that figure comes from.
  public var doNothingSource: String? = nil
  /// Its caveat, if it has one.
  public var doNothingNote: String? = nil
  /// Resident population (a total: the sum of those known).
  public var population: Int? = nil
  /// The population's basis.
  public var populationBasis: Basis? = nil
  /// The population's caveat, if it has one.
  public var populationNote: String? = nil
  /// DHSC loans to its member trusts: the latest closing balance.
  public var loans: Double? = nil
  /// The year of that balance.
  public var loansYear: FinancialYear? = nil
  /// The change since the earliest year with a balance.
  public var loansChange: Double? = nil
  /// Proposed service changes in the footprint, as known.
  public var changes = 0
  /// Referrals of its changes to the Secretary of State, as known.
  public var referrals = 0

  /// Whether the plan balances as filed (`nil`: not known).
  public var balancesAsFiled: Bool? { margin.map { $0 >= 0 } }
  /// Whether it balances with its refusals.
  public var balancesWithRefusals: Bool? { marginWithRefusals.map { $0 >= 0 } }
  /// The plan gap with refusals: what is left to find (negative: to spare).
  public var planWithRefusals: Double? { marginWithRefusals.map { -$0 } }

  /// True when any figure on the row is illustrative.
  public var illustrative: Bool { !illustrativeColumns.isEmpty }

  /// How a column's figure stands (``FigureStanding``).
  public func standing(_ c: LeagueColumn) -> FigureStanding {
    if illustrativeColumns.contains(c) { return .illustrative }
    return caveatColumns.contains(c) ? .caveat : .reported
  }

  /// Sorts by the year the plan balances, "never" after every year, unknown last.
  var planBalanceKey: Double? {
    if let y = balanceYear { return Double(y.index) }
    return plan == nil ? nil : Double(FinancialYear.count)
  }
}

/// What the league needs from the refusals, per footprint: computed when
/// data, flags, assumed refusals or the refusing rule change, then only
/// scaled when delivery changes (every member's savings scale with it).
public struct LeagueInputs: Sendable {
  /// The refusals counted.
  public var refusals: Refusals
  /// Members flagged in each footprint.
  public var flagged: EntityList<Footprint, Int>
  /// Members counted as refusing in each footprint.
  public var refusing: EntityList<Footprint, Int>
  /// Planned savings at 100 % of refusing members (those that hold any),
  /// `nil` when there are such members but none has figures.
  public var atRiskBase: EntityList<Footprint, Double?>
  /// Whether any figure behind the at-risk sum is illustrative.
  public var atRiskIllustrative: EntityList<Footprint, Bool>
  /// Members assumed refusing (for this session only) in each footprint.
  public var assumed: EntityList<Footprint, Int>
  /// The refusing members' savings at 100 % (negative ones too).
  public var refusingSavings: EntityList<Footprint, Double>
  /// The cooperating members' positive savings at 100 %: each footprint
  /// has room for all its members from ``cooperatingStart``, and uses
  /// ``cooperatingCount`` of it (so one footprint is made again alone).
  var cooperatingSavings: [Double] = []
  /// Where each footprint's room starts in ``cooperatingSavings``.
  var cooperatingStart: [Int32] = []
  /// How much of it each footprint uses.
  var cooperatingCount: [Int32] = []

  /// A footprint's cooperating members' positive savings at 100 %.
  func cooperating(_ f: FootprintID) -> ArraySlice<Double> {
    let start = Int(cooperatingStart[f.index])
    return cooperatingSavings[start..<(start + Int(cooperatingCount[f.index]))]
  }

  /// Empty inputs for a dataset's footprints, with the refusals to count.
  init(_ d: Dataset, refusals: Refusals) {
    let n = d.footprints.count
    self.refusals = refusals
    flagged = EntityList(Array(repeating: 0, count: n))
    refusing = EntityList(Array(repeating: 0, count: n))
    atRiskBase = EntityList(Array(repeating: 0, count: n))
    atRiskIllustrative = EntityList(Array(repeating: false, count: n))
    assumed = EntityList(Array(repeating: 0, count: n))
    refusingSavings = EntityList(Array(repeating: 0, count: n))
    cooperatingSavings = Array(repeating: 0, count: d.memberships.count)
    cooperatingCount = Array(repeating: 0, count: n)
    cooperatingStart.reserveCapacity(n)
    var start: Int32 = 0
    for f in d.footprints.indices {
      cooperatingStart.append(start)
      start += Int32(d.membersOfFootprint[f].count)
    }
  }

  /// Makes one footprint's inputs (again) from its members.
  mutating func fill(_ f: FootprintID, analysis: Analysis) {
    let d = analysis.dataset
    var flagged = 0
    var refusing = 0
    var atRisk = 0.0
    var refusingSum = 0.0
    var known = false
    var illustrative = false
    var assumedHere = 0
    let start = Int(cooperatingStart[f.index])
    var used = 0
    for m in d.membersOfFootprint[f] {
      let ms = d.memberships[m]
      if refusals.isFlagged(ms) { flagged += 1 }
      if refusals.isAssumed(ms) { assumedHere += 1 }
      let s = analysis.membershipSavings[m]
      guard refusals.refuses(m, in: d) else {
        if let s, s > 0 {
          cooperatingSavings[start + used] = s
          used += 1
        }
        continue
      }
      refusing += 1
      guard let s else { continue }
      atRisk += max(0, s)
      refusingSum += s
      known = true
      if d.finance.hasIllustrative(entity: d.finance.entity(organisation: ms.org)) { illustrative = true }
    }
    cooperatingCount[f.index] = Int32(used)
    self.flagged.storage[f.index] = flagged
    self.refusing.storage[f.index] = refusing
    atRiskBase.storage[f.index] = known ? atRisk : (refusing > 0 ? nil : 0)
    atRiskIllustrative.storage[f.index] = illustrative
    assumed.storage[f.index] = assumedHere
    refusingSavings.storage[f.index] = refusingSum
  }

  /// The inputs for new refusals that differ only for some footprints
  /// (a body assumed refusing, or flagged, in a few): those made again.
  public mutating func update(
    _ footprints: some Sequence<FootprintID>, refusals: Refusals, analysis: Analysis
  ) {
    self.refusals = refusals
    for f in footprints where f.index >= 0 && f.index < cooperatingCount.count { fill(f, analysis: analysis) }
  }
}

/// The league of footprints: rows, sorting and filtering.
public enum LeagueTable {
  /// One row per footprint, in dataset order, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery: DeliveryScheme, refusals: Refusals) -> [LeagueRow] {
    rows(analysis, delivery: delivery, inputs: inputs(analysis, refusals: refusals))
  }

  /// The per-footprint inputs that depend on the refusals (flags, assumed
  /// refusals, and which stances count).
  public static func inputs(_ analysis: Analysis, refusals: Refusals) -> LeagueInputs {
    var out = LeagueInputs(analysis.dataset, refusals: refusals)
    for f in analysis.dataset.footprints.indices { out.fill(f, analysis: analysis) }
    return out
  }

  /// One row per footprint for a delivery setting, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery: Delivery, inputs: LeagueInputs) -> [LeagueRow] {
    rows(analysis, delivery: .uniform(delivery), inputs: inputs)
  }

  /// One row per footprint for a delivery scheme, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery scheme: DeliveryScheme, inputs: LeagueInputs) -> [LeagueRow] {
    // Rows are independent: at national scale, two threads halve this.
    let rows = Parallel.map(analysis.dataset.footprints.count, cost: 12) {
      row(FootprintID($0), analysis: analysis, scheme: scheme, inputs: inputs)
    }
    return rank(rows, by: .doNothing, ascending: false)
  }

  /// One footprint's row.
  static func row(_ f: FootprintID, analysis: Analysis, scheme: DeliveryScheme, inputs: LeagueInputs) -> LeagueRow {
    let d = analysis.dataset
    let fp = d.footprints[f]
    let year = FinancialYear.target
    let fin = d.finance
    let delivery = scheme.delivery(footprint: f, in: analysis)
    let own = fin.entity(footprint: f)
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
    let margin = analysis.margin(footprint: f, delivery: delivery)
    var row = LeagueRow(
      footprint: f, rank: 0, code: fp.code, name: fp.name, region: fp.region,
      members: d.membersOfFootprint[f].count, doNothing: dn, plan: plan, savingsPercent: savings,
      perHead: perHead, alignedShare: summary.alignedShare, alignment: summary, flagged: inputs.flagged[f],
      atRisk: inputs.atRiskBase[f].map { $0 * delivery.factor }, rating: fp.rating, delivery: delivery,
      neededPercent: neededDeliveryPercent(t), observed: analysis.observed[f],
      // The first year the plan at this delivery balances (no trajectory made).
      balanceYear: FinancialYear.all.first { y in
        delivery.plan(doNothing: t.value(.doNothing, y), plan: t.value(.plan, y)).map { $0.isFinite && $0 <= 0 }
          ?? false
      },
      margin: margin, vetoShare: analysis.vetoShare(footprint: f),
      vetoHolder: analysis.largestMember[f].map { d.organisations.name(of: d.memberships[$0].org) },
      pivotal: 0,
      illustrativeColumns: illustrativeColumns(
        dn: dnPoint, plan: planPoint, perHead: perHead, footprint: fp,
        observed: analysis.observed[f],
        vetoIllustrative: analysis.largestMember[f].map {
          d.finance.hasIllustrative(entity: d.finance.entity(organisation: d.memberships[$0].org))
        } ?? false, membersIllustrative: analysis.membersIllustrative[f]),
      caveatColumns: caveatColumns(dn: dnPoint, plan: planPoint, footprint: fp, delivery: delivery),
      doNothingBasis: dnPoint.origin == .own ? fin.basis(entity: own, year: year, scenario: .doNothing) : nil,
      doNothingSource: dnPoint.origin == .own ? fin.source(entity: own, year: year, scenario: .doNothing) : nil,
      doNothingNote: dnPoint.origin == .own ? fin.note(entity: own, year: year, scenario: .doNothing) : nil,
      population: fp.population, populationBasis: fp.population == nil ? nil : fp.populationBasis,
      populationNote: fp.note, loans: analysis.loans[f]?.latest?.value,
      loansYear: analysis.loans[f]?.latest?.year, loansChange: analysis.loans[f]?.change)
    row.changes = d.disputes.changeCount(footprint: f)
    row.referrals = d.disputes.referralCount(footprint: f)
    refresh(&row, inputs: inputs)
    return row
  }

  /// The figures of a row that follow the refusals, made again for new
  /// ones at the same delivery: flagged and refusing members, savings at
  /// risk, the margin with refusals, pivotal members, blockers, and their
  /// bases. A change of refusals costs this, not a whole row.
  static func refresh(_ row: inout LeagueRow, inputs: LeagueInputs) {
    guard let f = row.footprint else { return }
    let factor = row.delivery.factor
    row.flagged = inputs.flagged[f]
    row.refusing = inputs.refusing[f]
    row.atRisk = inputs.atRiskBase[f].map { $0 * factor }
    row.marginWithRefusals = row.margin.map {
      PlanBlocking.marginWithRefusals(asFiled: $0, refusingSavings: inputs.refusingSavings[f], factor: factor)
    }
    let counts = row.marginWithRefusals.map {
      PlanBlocking.counts(cooperating: inputs.cooperating(f), margin: $0, factor: factor)
    }
    row.pivotal = counts?.pivotal ?? 0
    row.blockersNeeded = counts?.needed
    // At risk and the plan with refusals are illustrative when a refusing
    // member's figures are; the plan with refusals also when the plan is.
    row.illustrativeColumns.remove(.atRisk)
    row.illustrativeColumns.remove(.short)
    if inputs.atRiskIllustrative[f] { row.illustrativeColumns.formUnion(ColumnSet(.atRisk, .short)) }
    if row.illustrativeColumns.contains(.plan) { row.illustrativeColumns.insert(.short) }
  }

  /// The rows again for new refusals at the same delivery (their order and ranks kept).
  public static func refresh(_ rows: inout [LeagueRow], inputs: LeagueInputs) {
    for i in rows.indices { refresh(&rows[i], inputs: inputs) }
  }

  /// Whether a column's figures follow the refusals (a league sorted by
  /// one is sorted again when they change).
  public static func followsRefusals(_ c: LeagueColumn) -> Bool {
    [.flagged, .atRisk, .short, .pivotal, .blockers].contains(c)
  }

  /// The columns a caveat on the do-nothing figure carries into.
  static let followDoNothingCaveat = ColumnSet(.doNothing, .savingsPercent, .needed, .perHead, .balance)
  /// The columns an illustrative gap or plan makes illustrative.
  static let followIllustrativePlan = ColumnSet(.needed, .balance, .pivotal, .short, .blockers)

  static func caveatColumns(
    dn: TrajectoryPoint, plan: TrajectoryPoint, footprint: Footprint, delivery: Delivery
  )
    -> ColumnSet
  {
    var out = ColumnSet()
    if dn.caveat { out.formUnion(Self.followDoNothingCaveat) }
    if plan.caveat || (dn.caveat && delivery != .full) {
      out.insert(.plan)
      out.insert(.short)
    }
    if plan.caveat { out.insert(.savingsPercent) }
    if footprint.populationCaveat { out.insert(.perHead) }
    return out
  }

  static func illustrativeColumns(
    dn: TrajectoryPoint, plan: TrajectoryPoint, perHead: Double?, footprint: Footprint,
    observed: ObservedDelivery?, vetoIllustrative: Bool, membersIllustrative: Bool
  ) -> ColumnSet {
    var out = ColumnSet()
    // Who can block compares members' figures with the margin.
    if membersIllustrative { out.formUnion(ColumnSet(.pivotal, .blockers)) }
    if dn.illustrative || plan.illustrative { out.formUnion(Self.followIllustrativePlan) }
    if observed?.illustrative == true { out.insert(.delivered) }
    if vetoIllustrative || dn.illustrative || plan.illustrative {
      out.insert(.veto)
      out.insert(.pivotal)
      out.insert(.blockers)
    }
    if dn.illustrative { out.insert(.doNothing) }
    if plan.illustrative || dn.illustrative { out.insert(.plan) }
    if plan.illustrative || dn.illustrative { out.insert(.savingsPercent) }
    if perHead != nil && (dn.illustrative || footprint.populationBasis == .illustrative) { out.insert(.perHead) }
    return out
  }

  /// Totals over the given rows: England's for all footprints, a region's
  /// for a filtered league (pass its name).
  public static func total(_ rows: [LeagueRow], analysis: Analysis, name: String = England.name) -> LeagueRow {
    let d = analysis.dataset
    /// A sum over the rows that know the figure (`nil` when none does).
    struct Sum {
      var total = 0.0
      var any = false
      mutating func add(_ v: Double?) {
        guard let v else { return }
        total += v
        any = true
      }
      var value: Double? { any ? total : nil }
    }
    // One pass, field by field: a row (several strings) is never copied.
    var dnSum = Sum()
    var planSum = Sum()
    var atRisk = Sum()
    var withRefusals = Sum()
    var refusing = 0
    var changes = 0
    var referrals = 0
    var loans = Sum()
    var loansChange = Sum()
    var loansYear: FinancialYear? = nil
    var popDN = 0.0
    var pop = 0
    var flagged = 0
    var pivotal = 0
    var alignment = AlignmentSummary()
    var illustrative = ColumnSet()
    var caveats = ColumnSet()
    var parts: [Trajectory] = []
    var filedSavings: Double? = nil
    var plannedNow = 0.0
    var uniform = true
    for i in rows.indices {
      dnSum.add(rows[i].doNothing)
      planSum.add(rows[i].plan)
      atRisk.add(rows[i].atRisk)
      withRefusals.add(rows[i].marginWithRefusals)
      refusing += rows[i].refusing
      changes += rows[i].changes
      referrals += rows[i].referrals
      loans.add(rows[i].loans)
      loansChange.add(rows[i].loansChange)
      if let y = rows[i].loansYear, loansYear.map({ y > $0 }) ?? true { loansYear = y }
      flagged += rows[i].flagged
      pivotal += rows[i].pivotal
      alignment.add(rows[i].alignment)
      illustrative.formUnion(rows[i].illustrativeColumns)
      caveats.formUnion(rows[i].caveatColumns)
      if rows[i].delivery != rows[0].delivery { uniform = false }
      guard let f = rows[i].footprint else { continue }
      if let p = d.footprints[f].population, let v = rows[i].doNothing {
        popDN += v
        pop += p
      }
      parts.append(analysis.footprintTrajectories[f])
      if let s = analysis.footprintSavings[f] {
        filedSavings = (filedSavings ?? 0) + s
        plannedNow += s * rows[i].delivery.factor
      }
    }
    let dn = dnSum.value
    let plan = planSum.value
    var savings: Double? = nil
    if let dn, let plan, dn > 0 { savings = (dn - plan) / dn * 100 }
    // The totals' own realism: needed and observed delivery of the summed
    // trajectories (England's when every footprint is shown).
    let summed = parts.count == d.footprints.count ? analysis.england : Analysis.sum(parts)
    let delivery =
      uniform
      ? (rows.first?.delivery ?? .full)
      : Delivery(percent: Int(((filedSavings ?? 0) > 0 ? plannedNow / (filedSavings ?? 1) * 100 : 100).rounded()))
    var balanceYear: FinancialYear? = nil
    if uniform { balanceYear = summed.delivering(delivery).planBalanceYear }
    var row = LeagueRow(
      footprint: nil, rank: 0, code: name == England.name ? England.code : "", name: name, region: nil,
      members: parts.count == d.footprints.count
        ? analysis.memberOrganisations : d.memberOrganisationCount(footprints: rows.lazy.compactMap(\.footprint)),
      doNothing: dn, plan: plan, savingsPercent: savings,
      perHead: pop > 0 ? popDN * 1_000_000 / Double(pop) : nil, alignedShare: alignment.alignedShare,
      alignment: alignment, flagged: flagged, atRisk: atRisk.value, rating: nil,
      delivery: delivery, neededPercent: neededDeliveryPercent(summed), observed: ObservedDelivery(summed),
      balanceYear: balanceYear, margin: plan.map { -$0 }, marginWithRefusals: withRefusals.value, vetoShare: nil,
      vetoHolder: nil, pivotal: pivotal, illustrativeColumns: illustrative, caveatColumns: caveats,
      population: pop > 0 ? pop : nil, loans: loans.value, loansYear: loansYear,
      loansChange: loansChange.value)
    row.refusing = refusing
    row.changes = changes
    row.referrals = referrals
    return row
  }

  /// Rows in league order for a column, with ranks set (ties share a rank).
  ///
  /// Rows without a figure go last whichever the direction; ties are broken
  /// by name, then code, so the order is stable. Sorting works on indices and
  /// keys extracted once, so re-sorting a thousand rows is cheap.
  public static func rank(_ rows: consuming [LeagueRow], by column: LeagueColumn, ascending: Bool) -> [LeagueRow] {
    let column = column == .rank ? LeagueColumn.doNothing : column
    // Keys, names and codes read field by field (a row is never copied).
    let keys = rows.indices.map { key(rows[$0], column) }
    let names = rows.indices.map { rows[$0].name.lowercased() }
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
    let codes = rows.indices.map { rows[$0].code }
    let order = rows.indices.sorted { a, b in
      let c = compare(a, b)
      if c != 0 {
        if c == 2 { return true }  // only a has a value
        if c == -2 { return false }
        return ascending ? c < 0 : c > 0
      }
      if names[a] != names[b] { return names[a] < names[b] }
      return codes[a] < codes[b]
    }
    var ranks = [Int](repeating: 0, count: rows.count)
    var rank = 0
    for (i, index) in order.enumerated() {
      if i == 0 || compare(order[i - 1], index) != 0 { rank = i + 1 }
      ranks[i] = rank
    }
    // The rows moved into league order by swaps, cycle by cycle: a row
    // (forty fields, several strings) is never copied.
    var out = consume rows
    var placed = [Bool](repeating: false, count: out.count)
    for start in out.indices where !placed[start] {
      var at = start
      while true {
        placed[at] = true
        let from = order[at]
        if from == start { break }
        out.swapAt(at, from)
        at = from
      }
    }
    for i in out.indices { out[i].rank = ranks[i] }
    return out
  }

  /// The number a column sorts by (regions and ratings by their order; `nil` when not known).
  public static func sortKey(_ r: LeagueRow, _ c: LeagueColumn) -> Double? { key(r, c) }

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
    case .needed: r.neededPercent
    case .delivered: r.observed?.percent
    case .balance: r.planBalanceKey
    case .veto: r.vetoShare
    case .short: r.planWithRefusals
    case .pivotal: Double(r.pivotal)
    case .blockers: r.blockersNeeded.map(Double.init)
    case .loans: r.loans
    case .changes: Double(r.changes)
    case .referrals: Double(r.referrals)
    }
  }

  /// A row's figure as a filter compares it: money in £m, shares and
  /// percentages 0–100, counts as counts.
  public static func filterValue(_ r: LeagueRow, _ c: LeagueColumn) -> Double? {
    switch c {
    case .aligned: r.alignedShare.map { $0 * 100 }
    case .veto: r.vetoShare.map { $0 * 100 }
    case .rank: Double(r.rank)
    default: key(r, c)
    }
  }

  /// The rows of one region (all rows for `nil`), keeping their ranks.
  public static func filter(_ rows: [LeagueRow], region: Region?) -> [LeagueRow] {
    guard let region else { return rows }
    return rows.filter { $0.region == region }
  }
}

extension Dataset {
  /// How many organisations the footprints have between them (a body in
  /// two footprints counts once).
  public func memberOrganisationCount(footprints: some Sequence<FootprintID>) -> Int {
    // One bit per organisation: a quarter of a million members is a
    // 30 KB bitmap, not a growing hash set.
    var seen = [UInt64](repeating: 0, count: (organisations.count + 63) / 64)
    var count = 0
    for f in footprints where f.index >= 0 && f.index < membersOfFootprint.count {
      for m in membersOfFootprint[f] {
        let o = memberships[m].org.index
        guard o >= 0, o < organisations.count else { continue }
        let bit: UInt64 = 1 << UInt64(o & 63)
        if seen[o >> 6] & bit == 0 {
          seen[o >> 6] |= bit
          count += 1
        }
      }
    }
    return count
  }
}
