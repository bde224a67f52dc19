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

/// Each footprint's members that hold positive savings, largest first:
/// their place in the footprint's member list and their savings at 100 %.
/// Made once for the data; a delivery setting scales every member alike,
/// so the order holds for every setting and every refusal, and counting
/// pivotal members and blockers never sorts.
public struct Holdings: Sendable {
  /// Each holder's place in its footprint's member list, footprint by footprint.
  let place: [Int32]
  /// Their savings at 100 %, in the same order.
  let savings: [Double]
  /// Where each footprint's holders start (one more entry: the end).
  let start: [Int32]
  /// Whether each membership's organisation has an illustrative figure.
  let illustrative: [Bool]
  /// Each membership's current stance as one bit (`1 << rawValue`).
  let stanceBit: [UInt8]

  /// The bits of the stances a rule counts as refusing.
  static func bits(_ rule: RefusingRule) -> UInt8 {
    Stance.allCases.reduce(0) { rule.counts($1) ? $0 | UInt8(1 << $1.rawValue) : $0 }
  }

  /// The holdings of an analysis's members.
  public init(_ analysis: Analysis) {
    let d = analysis.dataset
    var place: [Int32] = []
    var savings: [Double] = []
    var start: [Int32] = [0]
    place.reserveCapacity(d.memberships.count)
    savings.reserveCapacity(d.memberships.count)
    start.reserveCapacity(d.footprints.count + 1)
    var held: [(place: Int32, s: Double)] = []
    for f in d.footprints.indices {
      held.removeAll(keepingCapacity: true)
      for (i, m) in d.membersOfFootprint[f].enumerated() {
        if let s = analysis.membershipSavings[m], s > 0 { held.append((Int32(i), s)) }
      }
      held.sort { $0.s > $1.s }
      for h in held {
        place.append(h.place)
        savings.append(h.s)
      }
      start.append(Int32(place.count))
    }
    self.place = place
    self.savings = savings
    self.start = start
    illustrative = d.memberships.indices.map {
      d.finance.hasIllustrative(entity: d.finance.entity(organisation: d.memberships[$0].org))
    }
    stanceBit = d.memberships.indices.map { UInt8(1 << d.stance(membership: $0).rawValue) }
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
  /// The cooperating members' positive savings at 100 %, largest first
  /// (as inputs counted again for each key need them): each footprint
  /// has room for all its members from ``cooperatingStart``, and uses
  /// ``cooperatingCount`` of it (so one footprint is made again alone).
  var cooperatingSavings: [Double] = []
  /// Where each footprint's room starts in ``cooperatingSavings``.
  var cooperatingStart: [Int32] = []
  /// How much of it each footprint uses.
  var cooperatingCount: [Int32] = []
  /// Members holding savings, largest first, made once for the data by a
  /// caller that will count refusals again (the dashboard); `nil`: each
  /// member looked up, and each footprint's holders sorted as it is made.
  public let holdings: Holdings?
  /// Whether each member of the footprint being filled refuses (reused).
  private var refusesHere: [Bool] = []

  /// A footprint's cooperating members' positive savings at 100 %.
  func cooperating(_ f: FootprintID) -> ArraySlice<Double> {
    let start = Int(cooperatingStart[f.index])
    return cooperatingSavings[start..<(start + Int(cooperatingCount[f.index]))]
  }

  /// A footprint's pivotal members and the fewest whose joint refusal sinks
  /// its plan (``PlanBlocking/counts(descending:margin:factor:)``), from
  /// the holders kept in order.
  func counts(_ f: FootprintID, margin: Double, factor: Double) -> (pivotal: Int, needed: Int?) {
    PlanBlocking.counts(descending: cooperating(f), margin: margin, factor: factor)
  }

  /// One footprint's inputs as made.
  func filled(_ f: FootprintID) -> Filled {
    let i = f.index
    return Filled(
      flagged: flagged.storage[i], refusing: refusing.storage[i], atRiskBase: atRiskBase.storage[i],
      illustrative: atRiskIllustrative.storage[i], assumed: assumed.storage[i],
      refusingSavings: refusingSavings.storage[i], cooperating: cooperatingCount[i])
  }

  /// Empty inputs for a dataset's footprints, with the refusals to count.
  init(_ d: Dataset, refusals: Refusals, holdings: Holdings?) {
    let n = d.footprints.count
    self.refusals = refusals
    self.holdings = holdings
    flagged = EntityList(Array(repeating: 0, count: n))
    refusing = EntityList(Array(repeating: 0, count: n))
    atRiskBase = EntityList(Array(repeating: 0, count: n))
    atRiskIllustrative = EntityList(Array(repeating: false, count: n))
    assumed = EntityList(Array(repeating: 0, count: n))
    refusingSavings = EntityList(Array(repeating: 0, count: n))
    // Not cleared: each footprint writes every place of its room that is
    // read (``cooperating(_:)`` reads only what ``make`` wrote). Clearing
    // 4 MB at national scale took this one thread 2-4 ms, with the other
    // idle; the pages are now first touched by the threads that fill them.
    let places = d.memberships.count
    cooperatingSavings = [Double](unsafeUninitializedCapacity: places) { _, count in count = places }
    cooperatingCount = Array(repeating: 0, count: n)
    cooperatingStart.reserveCapacity(n)
    var start: Int32 = 0
    for f in d.footprints.indices {
      cooperatingStart.append(start)
      start += Int32(d.membersOfFootprint[f].count)
    }
  }

  /// One footprint's inputs, made from its members (its cooperating
  /// holders are written to its room in ``cooperatingSavings``).
  struct Filled {
    var flagged = 0
    var refusing = 0
    var atRiskBase: Double? = 0
    var illustrative = false
    var assumed = 0
    var refusingSavings = 0.0
    var cooperating: Int32 = 0
  }

  /// Makes one footprint's inputs (again) from its members.
  mutating func fill(_ f: FootprintID, analysis: Analysis) {
    var here = refusesHere
    refusesHere = []
    let start = Int(cooperatingStart[f.index])
    let filled = cooperatingSavings.withUnsafeMutableBufferPointer { room in
      Self.make(
        f, analysis: analysis, refusals: refusals, holdings: holdings, ordered: true, room: room, start: start,
        here: &here)
    }
    refusesHere = here
    store(filled, f.index)
  }

  /// Keeps one footprint's inputs.
  private mutating func store(_ filled: Filled, _ i: Int) {
    cooperatingCount[i] = filled.cooperating
    flagged.storage[i] = filled.flagged
    refusing.storage[i] = filled.refusing
    atRiskBase.storage[i] = filled.atRiskBase
    atRiskIllustrative.storage[i] = filled.illustrative
    assumed.storage[i] = filled.assumed
    refusingSavings.storage[i] = filled.refusingSavings
  }

  /// One footprint's inputs for a league made once (its rows are made with
  /// them): its cooperating holders, in member order, written to `room`
  /// (room for all its members), and counted in
  /// ``PlanBlocking/counts(cooperating:margin:factor:)``, which sorts them
  /// only when no single member is pivotal and the plan balances (most
  /// footprints need no order at all).
  static func once(
    _ f: FootprintID, analysis: Analysis, refusals: Refusals, room: UnsafeMutableBufferPointer<Double>
  ) -> Filled {
    var here: [Bool] = []
    return make(
      f, analysis: analysis, refusals: refusals, holdings: nil, ordered: false, room: room, start: 0, here: &here)
  }

  /// Every footprint's inputs: on two threads for a national league (each
  /// footprint writes only its own room of the cooperating holders).
  mutating func fillAll(analysis: Analysis) {
    let d = analysis.dataset
    let (refusals, holdings, starts) = (self.refusals, self.holdings, cooperatingStart)
    let filled = cooperatingSavings.withUnsafeMutableBufferPointer { room in
      let shared = SharedRoom(room: room)
      return Parallel.map(d.footprints.count, cost: d.memberships.count / max(1, d.footprints.count)) { i in
        var here: [Bool] = []
        return Self.make(
          FootprintID(i), analysis: analysis, refusals: refusals, holdings: holdings, ordered: true,
          room: shared.room, start: Int(starts[i]), here: &here)
      }
    }
    for (i, one) in filled.enumerated() { store(one, i) }
  }

  /// The cooperating holders' room, written by two threads at disjoint places.
  private struct SharedRoom: @unchecked Sendable {
    let room: UnsafeMutableBufferPointer<Double>
  }

  /// What a footprint's members add up to as they are counted.
  private struct Tally {
    var flagged = 0
    var refusing = 0
    var atRisk = 0.0
    var refusingSum = 0.0
    var known = false
    var illustrative = false
    var assumed = 0
    /// How many cooperating holders were written to the room.
    var used = 0

    /// Counts a member's flag and assumed refusal, looked up only when the
    /// refusals mark any member (`marksAny`); whether either holds.
    @inline(__always)
    mutating func flaggedOrAssumed(_ m: MembershipID, in d: Dataset, _ refusals: Refusals, marksAny: Bool) -> Bool {
      guard marksAny else { return false }
      let ms = d.memberships[m]
      let isFlagged = refusals.isFlagged(ms)
      let isAssumed = refusals.isAssumed(ms)
      if isFlagged { flagged += 1 }
      if isAssumed { assumed += 1 }
      return isFlagged || isAssumed
    }

    var filled: Filled {
      Filled(
        flagged: flagged, refusing: refusing, atRiskBase: known ? atRisk : (refusing > 0 ? nil : 0),
        illustrative: illustrative, assumed: assumed, refusingSavings: refusingSum, cooperating: Int32(used))
    }
  }

  /// One footprint's inputs from its members; its cooperating holders go to
  /// `room` from `start` (`here`: scratch, reused).
  private static func make(
    _ f: FootprintID, analysis: Analysis, refusals: Refusals, holdings: Holdings?, ordered: Bool,
    room: UnsafeMutableBufferPointer<Double>, start: Int, here: inout [Bool]
  ) -> Filled {
    guard let holdings else {
      return lookedUp(f, analysis: analysis, refusals: refusals, ordered: ordered, room: room, start: start).filled
    }
    return fromHoldings(
      f, analysis: analysis, refusals: refusals, holdings: holdings, room: room, start: start, here: &here
    )
    .filled
  }

  /// ``Refusals/refuses(_:in:)`` member by member, from each member's
  /// stance as one bit (made once for the data) against the rule's bits;
  /// the cooperating holders written in the order made once.
  private static func fromHoldings(
    _ f: FootprintID, analysis: Analysis, refusals: Refusals, holdings: Holdings,
    room cooperatingSavings: UnsafeMutableBufferPointer<Double>, start: Int, here: inout [Bool]
  ) -> Tally {
    let d = analysis.dataset
    var t = Tally()
    here.removeAll(keepingCapacity: true)
    let ruleBits = Holdings.bits(refusals.rule)
    let marksAny = refusals.marksAny
    holdings.stanceBit.withUnsafeBufferPointer { bits in
      analysis.membershipSavings.storage.withUnsafeBufferPointer { held in
        holdings.illustrative.withUnsafeBufferPointer { illustrativeFigures in
          for m in d.membersOfFootprint[f] {
            var refuses = bits[m.index] & ruleBits != 0
            if t.flaggedOrAssumed(m, in: d, refusals, marksAny: marksAny) { refuses = true }
            here.append(refuses)
            // Without branches on refusing (which members refuse is
            // unpredictable, so branches would mostly be mispredicted):
            // what a cooperating member adds is +0.0, which leaves
            // every sum exactly as skipping it would.
            let s = FigureList<Membership>.figure(held[m.index])
            let counted = refuses && s != nil
            let v = counted ? s ?? 0 : 0
            t.refusing += refuses ? 1 : 0
            t.atRisk += max(0, v)
            t.refusingSum += v
            t.known = t.known || counted
            t.illustrative = t.illustrative || (counted && illustrativeFigures[m.index])
          }
        }
      }
    }
    // The cooperating holders, largest first, in the order made once.
    // Each holder written at the next place, kept there only if it
    // cooperates (no branch; the room holds every member).
    for k in Int(holdings.start[f.index])..<Int(holdings.start[f.index + 1]) {
      cooperatingSavings[start + t.used] = holdings.savings[k]
      t.used += here[Int(holdings.place[k])] ? 0 : 1
    }
    return t
  }

  /// The same, looked up member by member (the stance under the rule, flags
  /// and assumptions only when there are any), the cooperating holders
  /// sorted here when the inputs keep them in order.
  private static func lookedUp(
    _ f: FootprintID, analysis: Analysis, refusals: Refusals, ordered: Bool,
    room cooperatingSavings: UnsafeMutableBufferPointer<Double>, start: Int
  ) -> Tally {
    let d = analysis.dataset
    var t = Tally()
    let marksAny = refusals.marksAny
    analysis.membershipSavings.storage.withUnsafeBufferPointer { held in
      for m in d.membersOfFootprint[f] {
        var refuses = refusals.rule.counts(d.stance(membership: m))
        if t.flaggedOrAssumed(m, in: d, refusals, marksAny: marksAny) { refuses = true }
        let s = FigureList<Membership>.figure(held[m.index])
        guard refuses else {
          if let s, s > 0 {
            cooperatingSavings[start + t.used] = s
            t.used += 1
          }
          continue
        }
        t.refusing += 1
        guard let s else { continue }
        t.atRisk += max(0, s)
        t.refusingSum += s
        t.known = true
        if !t.illustrative {
          t.illustrative = d.finance.hasIllustrative(entity: d.finance.entity(organisation: d.memberships[m].org))
        }
      }
    }
    if ordered {
      var mine = UnsafeMutableBufferPointer(rebasing: cooperatingSavings[start..<(start + t.used)])
      mine.sort(by: >)
    }
    return t
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

/// Each footprint's place in name order, made once for a dataset so that a
/// league sorted again compares integers, not text: `name` is the same for
/// names equal once lower-cased, `whole` orders by name, then code.
public struct NameOrder: Sendable {
  let name: [Int32]
  let whole: [Int32]

  /// The places of a dataset's footprints.
  public init(_ d: Dataset) {
    let lower = d.footprints.map { $0.name.lowercased() }
    let codes = d.footprints.map(\.code)
    let sorted = lower.indices.sorted { lower[$0] != lower[$1] ? lower[$0] < lower[$1] : codes[$0] < codes[$1] }
    var name = [Int32](repeating: 0, count: lower.count)
    var whole = [Int32](repeating: 0, count: lower.count)
    var place: Int32 = 0
    for (i, f) in sorted.enumerated() {
      if i > 0 && lower[sorted[i - 1]] != lower[f] { place = Int32(i) }
      name[f] = place
      whole[f] = Int32(i)
    }
    self.name = name
    self.whole = whole
  }

  /// The places of some rows, in their order; `nil` when a row is not a
  /// footprint of this dataset (a total).
  func places(_ rows: [LeagueRow]) -> (name: [Int32], whole: [Int32])? {
    var n: [Int32] = []
    var w: [Int32] = []
    n.reserveCapacity(rows.count)
    w.reserveCapacity(rows.count)
    for i in rows.indices {
      guard let f = rows[i].footprint, f.index >= 0, f.index < name.count else { return nil }
      n.append(name[f.index])
      w.append(whole[f.index])
    }
    return (n, w)
  }
}

/// The league of footprints: rows, sorting and filtering.
public enum LeagueTable {
  /// One row per footprint, in dataset order, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery: DeliveryScheme, refusals: Refusals) -> [LeagueRow] {
    rank(unranked(analysis, delivery: delivery, refusals: refusals), by: .doNothing, ascending: false)
  }

  /// One row per footprint, ranked by `column` (``rank(_:by:ascending:names:)``):
  /// made and ranked once.
  public static func rows(
    _ analysis: Analysis, delivery: DeliveryScheme, refusals: Refusals, rankedBy column: LeagueColumn, ascending: Bool
  ) -> [LeagueRow] {
    rank(unranked(analysis, delivery: delivery, refusals: refusals), by: column, ascending: ascending)
  }

  /// The per-footprint inputs that depend on the refusals (flags, assumed
  /// refusals, and which stances count).
  /// With `holdings` (``Holdings``, made once for the analysis), counting
  /// them again for other refusals costs a pass without sorting.
  public static func inputs(_ analysis: Analysis, refusals: Refusals, holdings: Holdings? = nil) -> LeagueInputs {
    var out = LeagueInputs(analysis.dataset, refusals: refusals, holdings: holdings)
    out.fillAll(analysis: analysis)
    return out
  }

  /// One row per footprint for a delivery setting, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery: Delivery, inputs: LeagueInputs) -> [LeagueRow] {
    rows(analysis, delivery: .uniform(delivery), inputs: inputs)
  }

  /// One row per footprint for a delivery scheme, ranked by the default sort.
  public static func rows(_ analysis: Analysis, delivery scheme: DeliveryScheme, inputs: LeagueInputs) -> [LeagueRow] {
    // Moved, not copied: ranking swaps rows within the one array.
    rank(unranked(analysis, delivery: scheme, inputs: inputs), by: .doNothing, ascending: false)
  }

  /// One row per footprint, in dataset order, not yet ranked.
  static func unranked(_ analysis: Analysis, delivery scheme: DeliveryScheme, inputs: LeagueInputs) -> [LeagueRow] {
    // Rows are independent: at national scale, two threads halve this.
    Parallel.map(analysis.dataset.footprints.count, cost: 12) {
      row(FootprintID($0), analysis: analysis, scheme: scheme, inputs: inputs)
    }
  }

  /// One row per footprint, in dataset order, not yet ranked, for a league
  /// made once: each footprint's inputs made with its row, its cooperating
  /// holders in a room of its own (on the stack), never all at once.
  static func unranked(_ analysis: Analysis, delivery scheme: DeliveryScheme, refusals: Refusals) -> [LeagueRow] {
    let d = analysis.dataset
    return Parallel.map(d.footprints.count, cost: 12 + d.memberships.count / max(1, d.footprints.count)) { i in
      let f = FootprintID(i)
      return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, d.membersOfFootprint[f].count)) { room in
        let filled = LeagueInputs.once(f, analysis: analysis, refusals: refusals, room: room)
        let held = UnsafeBufferPointer(rebasing: room[0..<Int(filled.cooperating)])
        var row = row(f, analysis: analysis, scheme: scheme)
        refresh(&row, filled) { margin, factor in
          PlanBlocking.counts(cooperating: held, margin: margin, factor: factor)
        }
        return row
      }
    }
  }

  /// One footprint's row.
  static func row(_ f: FootprintID, analysis: Analysis, scheme: DeliveryScheme, inputs: LeagueInputs) -> LeagueRow {
    var row = row(f, analysis: analysis, scheme: scheme)
    refresh(&row, inputs: inputs)
    return row
  }

  /// One footprint's row before the refusals are counted in (``refresh(_:_:counts:)``).
  static func row(_ f: FootprintID, analysis: Analysis, scheme: DeliveryScheme) -> LeagueRow {
    let d = analysis.dataset
    let fp = d.footprints[f]
    let year = FinancialYear.target
    let fin = d.finance
    let own = fin.entity(footprint: f)
    let t = analysis.footprintTrajectories[f]
    let dnPoint = t.point(.doNothing, year)
    let planPoint = t.point(.plan, year)
    let dn = dnPoint.value
    var perHead: Double? = nil
    if let dn, let pop = fp.population, pop > 0 { perHead = dn * 1_000_000 / Double(pop) }
    let summary = analysis.alignment[f]
    var row = LeagueRow(
      footprint: f, rank: 0, code: fp.code, name: fp.name, region: fp.region,
      members: d.membersOfFootprint[f].count, doNothing: dn, plan: nil, savingsPercent: nil,
      perHead: perHead, alignedShare: summary.alignedShare, alignment: summary, flagged: 0,
      atRisk: nil, rating: fp.rating, delivery: .full,
      neededPercent: neededDeliveryPercent(t), observed: analysis.observed[f],
      balanceYear: nil, margin: nil, vetoShare: analysis.vetoShare(footprint: f),
      vetoHolder: analysis.largestMember[f].map { d.organisations.name(of: d.memberships[$0].org) },
      pivotal: 0,
      illustrativeColumns: illustrativeColumns(
        dn: dnPoint, plan: planPoint, perHead: perHead, footprint: fp,
        observed: analysis.observed[f],
        vetoIllustrative: analysis.largestMember[f].map {
          d.finance.hasIllustrative(entity: d.finance.entity(organisation: d.memberships[$0].org))
        } ?? false, membersIllustrative: analysis.membersIllustrative[f]),
      doNothingBasis: dnPoint.origin == .own ? fin.basis(entity: own, year: year, scenario: .doNothing) : nil,
      doNothingSource: dnPoint.origin == .own ? fin.source(entity: own, year: year, scenario: .doNothing) : nil,
      doNothingNote: dnPoint.origin == .own ? fin.note(entity: own, year: year, scenario: .doNothing) : nil,
      population: fp.population, populationBasis: fp.population == nil ? nil : fp.populationBasis,
      populationNote: fp.note, loans: analysis.loans[f]?.latest?.value,
      loansYear: analysis.loans[f]?.latest?.year, loansChange: analysis.loans[f]?.change)
    row.changes = d.disputes.changeCount(footprint: f)
    row.referrals = d.disputes.referralCount(footprint: f)
    deliver(&row, f, analysis: analysis, scheme: scheme)
    return row
  }

  /// The figures of a row that follow the delivery setting: the delivery,
  /// the plan, savings, the year it balances, the margin and their caveats.
  /// The one place they are made, for a new row and for a row re-figured in
  /// place when only the delivery changes (``redeliver(_:analysis:scheme:inputs:)``).
  @inline(__always)
  static func deliver(_ row: inout LeagueRow, _ f: FootprintID, analysis: Analysis, scheme: DeliveryScheme) {
    let year = FinancialYear.target
    let delivery = scheme.delivery(footprint: f, in: analysis)
    let t = analysis.footprintTrajectories[f]
    let dnPoint = t.point(.doNothing, year)
    let planPoint = t.point(.plan, year)
    let dn = dnPoint.value
    let plan = delivery.plan(doNothing: dn, plan: planPoint.value)
    var savings: Double? = nil
    if let dn, let plan, dn > 0 { savings = (dn - plan) / dn * 100 }
    row.delivery = delivery
    row.plan = plan
    row.savingsPercent = savings
    // The first year the plan at this delivery balances (no trajectory made).
    row.balanceYear = FinancialYear.all.first { y in
      delivery.plan(doNothing: t.value(.doNothing, y), plan: t.value(.plan, y)).map { $0.isFinite && $0 <= 0 }
        ?? false
    }
    row.margin = analysis.margin(footprint: f, delivery: delivery)
    // A population with a caveat (``Footprint/populationCaveat``), as the row keeps it.
    let populationCaveat = row.population != nil && row.populationBasis == .reported && row.populationNote != nil
    row.caveatColumns = caveatColumns(
      dn: dnPoint, plan: planPoint, populationCaveat: populationCaveat, delivery: delivery)
  }

  /// The rows re-figured in place for a new delivery setting, their order
  /// and ranks kept: only what follows the delivery is made again (no
  /// names, sources or other text), so a key press costs a pass of
  /// arithmetic. The rows equal those ``rows(_:delivery:inputs:)`` makes.
  public static func redeliver(
    _ rows: inout [LeagueRow], analysis: Analysis, scheme: DeliveryScheme, inputs: LeagueInputs
  ) {
    for i in rows.indices {
      guard let f = rows[i].footprint else { continue }
      deliver(&rows[i], f, analysis: analysis, scheme: scheme)
      refresh(&rows[i], inputs: inputs)
    }
  }

  /// Whether a column's figures follow the delivery setting (a league
  /// sorted or filtered by one is sorted or filtered again when it changes).
  public static func followsDelivery(_ c: LeagueColumn) -> Bool {
    [.plan, .savingsPercent, .atRisk, .balance, .short, .pivotal, .blockers].contains(c)
  }

  /// The figures of a row that follow the refusals, made again for new
  /// ones at the same delivery: flagged and refusing members, savings at
  /// risk, the margin with refusals, pivotal members, blockers, and their
  /// bases. A change of refusals costs this, not a whole row.
  static func refresh(_ row: inout LeagueRow, inputs: LeagueInputs) {
    guard let f = row.footprint else { return }
    refresh(&row, inputs.filled(f)) { margin, factor in inputs.counts(f, margin: margin, factor: factor) }
  }

  /// A row's figures that follow the refusals, from its footprint's inputs;
  /// `counts` gives the pivotal members and the blockers needed for a
  /// margin at a delivery factor.
  @inline(__always)
  static func refresh(
    _ row: inout LeagueRow, _ inputs: LeagueInputs.Filled,
    counts: (_ margin: Double, _ factor: Double) -> (pivotal: Int, needed: Int?)
  ) {
    let factor = row.delivery.factor
    row.flagged = inputs.flagged
    row.refusing = inputs.refusing
    row.atRisk = inputs.atRiskBase.map { $0 * factor }
    row.marginWithRefusals = row.margin.map {
      PlanBlocking.marginWithRefusals(asFiled: $0, refusingSavings: inputs.refusingSavings, factor: factor)
    }
    let counted = row.marginWithRefusals.map { counts($0, factor) }
    row.pivotal = counted?.pivotal ?? 0
    row.blockersNeeded = counted?.needed
    // At risk and the plan with refusals are illustrative when a refusing
    // member's figures are; the plan with refusals also when the plan is.
    row.illustrativeColumns.remove(.atRisk)
    row.illustrativeColumns.remove(.short)
    if inputs.illustrative { row.illustrativeColumns.formUnion(ColumnSet(.atRisk, .short)) }
    if row.illustrativeColumns.contains(.plan) { row.illustrativeColumns.insert(.short) }
  }

  /// The rows again for new refusals at the same delivery (their order and ranks kept).
  public static func refresh(_ rows: inout [LeagueRow], inputs: LeagueInputs) {
    for i in rows.indices { refresh(&rows[i], inputs: inputs) }
  }

  /// The figures that follow the delivery and the refusals copied from
  /// rows re-figured in another order (the ranked league) into these, row
  /// by footprint: one pass of copies instead of re-figuring twice. Names
  /// and other text are not touched.
  public static func copyFigures(from source: [LeagueRow], into rows: inout [LeagueRow]) {
    var at = [Int32](repeating: -1, count: rows.count)
    for j in rows.indices {
      if let f = rows[j].footprint, f.index >= 0, f.index < at.count { at[f.index] = Int32(j) }
    }
    for i in source.indices {
      guard let f = source[i].footprint, f.index >= 0, f.index < at.count, at[f.index] >= 0 else { continue }
      let j = Int(at[f.index])
      rows[j].delivery = source[i].delivery
      rows[j].plan = source[i].plan
      rows[j].savingsPercent = source[i].savingsPercent
      rows[j].balanceYear = source[i].balanceYear
      rows[j].margin = source[i].margin
      rows[j].caveatColumns = source[i].caveatColumns
      rows[j].flagged = source[i].flagged
      rows[j].refusing = source[i].refusing
      rows[j].atRisk = source[i].atRisk
      rows[j].marginWithRefusals = source[i].marginWithRefusals
      rows[j].pivotal = source[i].pivotal
      rows[j].blockersNeeded = source[i].blockersNeeded
      rows[j].illustrativeColumns = source[i].illustrativeColumns
    }
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
    dn: TrajectoryPoint, plan: TrajectoryPoint, populationCaveat: Bool, delivery: Delivery
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
    if populationCaveat { out.insert(.perHead) }
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
    // Every footprint shown: England's own trajectory, no sum of parts made.
    var shown = 0
    for i in rows.indices where rows[i].footprint != nil { shown += 1 }
    let all = shown == d.footprints.count
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
      if let p = rows[i].population, let v = rows[i].doNothing {
        popDN += v
        pop += p
      }
      if !all { parts.append(analysis.footprintTrajectories[f]) }
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
    let summed = all ? analysis.england : Analysis.sum(parts)
    let delivery =
      uniform
      ? (rows.first?.delivery ?? .full)
      : Delivery(percent: Int(((filedSavings ?? 0) > 0 ? plannedNow / (filedSavings ?? 1) * 100 : 100).rounded()))
    var balanceYear: FinancialYear? = nil
    if uniform { balanceYear = summed.delivering(delivery).planBalanceYear }
    var row = LeagueRow(
      footprint: nil, rank: 0, code: name == England.name ? England.code : "", name: name, region: nil,
      members: all
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
  public static func rank(
    _ rows: consuming [LeagueRow], by column: LeagueColumn, ascending: Bool, names: NameOrder? = nil
  ) -> [LeagueRow] {
    let column = column == .rank ? LeagueColumn.doNothing : column
    // Keys read field by field (a row is never copied); names compared as
    // their places in name order when those were made once for the data,
    // else as lower-cased text (ties broken by name, then code).
    let keys = rows.indices.map { key(rows[$0], column) }
    // Names compared, and ties broken (by name, then code), by places made
    // once for the data when given, else by lower-cased text and codes.
    let nameOrder: (Int, Int) -> Int
    let before: (Int, Int) -> Bool
    if let names, let places = names.places(rows) {
      nameOrder = { a, b in places.name[a] < places.name[b] ? -1 : (places.name[a] > places.name[b] ? 1 : 0) }
      before = { a, b in places.whole[a] < places.whole[b] }
    } else {
      // Names lower-cased only when compared: by name, or for two rows
      // whose figures tie (most leagues have few).
      let names = LazyNames(rows)
      nameOrder = { a, b in names.order(a, b) }
      before = { a, b in names.before(a, b) }
    }
    let compare: (Int, Int) -> Int = { a, b in Self.compare(keys[a], keys[b], column) { nameOrder(a, b) } }
    let order = rows.indices.sorted { a, b in
      let c = compare(a, b)
      if c == 2 || c == -2 { return c == 2 }  // only one has a figure: it goes first
      if c != 0 { return ascending ? c < 0 : c > 0 }
      return before(a, b)
    }
    var ranks = [Int](repeating: 0, count: rows.count)
    var rank = 0
    for (i, index) in order.enumerated() {
      if i == 0 || compare(order[i - 1], index) != 0 { rank = i + 1 }
      ranks[i] = rank
    }
    // The rows moved into league order cycle by cycle, each moved once
    // (its bytes, not a copy: a row's forty fields and several strings are
    // never retained or released).
    var out = consume rows
    var placed = [Bool](repeating: false, count: out.count)
    out.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for start in buffer.indices where !placed[start] && order[start] != start {
        let first = (base + start).move()
        var at = start
        while true {
          placed[at] = true
          let from = order[at]
          if from == start {
            (base + at).initialize(to: first)
            break
          }
          (base + at).moveInitialize(from: base + from, count: 1)
          at = from
        }
      }
    }
    for i in out.indices { out[i].rank = ranks[i] }
    return out
  }

  /// Rows' names, lower-cased on first use, and their codes.
  private final class LazyNames {
    private let names: [String]
    private let codes: [String]
    private var lower: [String?]

    init(_ rows: borrowing [LeagueRow]) {
      names = rows.map(\.name)
      codes = rows.map(\.code)
      lower = Array(repeating: nil, count: names.count)
    }

    private func lowered(_ i: Int) -> String {
      if let l = lower[i] { return l }
      let l = names[i].lowercased()
      lower[i] = l
      return l
    }

    /// -1, 0 or 1 as row `a`'s name sorts before, with or after row `b`'s.
    func order(_ a: Int, _ b: Int) -> Int {
      let (x, y) = (lowered(a), lowered(b))
      return x < y ? -1 : (x > y ? 1 : 0)
    }

    /// Whether row `a` goes before row `b` by name, then code.
    func before(_ a: Int, _ b: Int) -> Bool {
      let (x, y) = (lowered(a), lowered(b))
      return x != y ? x < y : codes[a] < codes[b]
    }
  }

  /// Two rows' keys compared: -1, 0 or 1, or 2 when only the first has a
  /// value and -2 when only the second has (rows without a figure go last
  /// whichever the direction). Names compare with `names`.
  @inline(__always)
  static func compare(_ x: Double?, _ y: Double?, _ column: LeagueColumn, names: () -> Int) -> Int {
    switch (x, y) {
    case (nil, nil): return 0
    case (_, nil): return 2
    case (nil, _): return -2
    case (let x?, let y?):
      if column == .name { return names() }
      return x < y ? -1 : (x > y ? 1 : 0)
    }
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
