import Dispatch

/// Everything derived from a dataset that does not depend on the user's
/// settings, computed once per load: trajectories, alignment summaries and
/// each membership's planned savings.
public struct Analysis: Sendable {
  /// The dataset analysed.
  public let dataset: Dataset
  /// Each footprint's trajectory as filed (delivery 100 %).
  public let footprintTrajectories: EntityList<Footprint, Trajectory>
  /// England: the sum of all footprints.
  public let england: Trajectory
  /// How many organisations belong to at least one footprint (England's
  /// member count: a body in two footprints counts once).
  public let memberOrganisations: Int
  /// Each footprint's members counted by stance.
  public let alignment: EntityList<Footprint, AlignmentSummary>
  /// The planned savings each membership holds in 2020/21, as filed (delivery
  /// 100 %): share × (do-nothing − plan) of the organisation. Where a
  /// footprint files its own figures, its planned savings are shared out
  /// among its members in proportion to these (see ``savingsAllocated``), so a
  /// footprint's members always hold exactly its planned savings.
  public let membershipSavings: FigureList<Membership>
  /// Footprints whose own planned savings were shared out among their members
  /// in proportion to the members' figures.
  public let savingsAllocated: EntityList<Footprint, Bool>
  /// The factor each footprint's members' own savings were scaled by to share
  /// out its filed savings (1 where it files none).
  public let allocationScale: EntityList<Footprint, Double>
  /// Each footprint's planned savings in 2020/21 as filed (do-nothing − plan).
  public let footprintSavings: EntityList<Footprint, Double?>
  /// Whether any member of each footprint has an illustrative figure (and
  /// so who can block its plan is illustrative).
  public let membersIllustrative: EntityList<Footprint, Bool>
  /// Each footprint's largest holder of planned savings (a membership), if any holds a positive amount.
  public let largestMember: EntityList<Footprint, MembershipID?>
  /// Each footprint's delivery so far, from its latest outturn.
  public let observed: EntityList<Footprint, ObservedDelivery?>
  /// The delivery setting each footprint's observed rate amounts to.
  public let observedDelivery: EntityList<Footprint, Delivery?>
  /// England's delivery so far.
  public let englandObserved: ObservedDelivery?
  /// Indices into ``Dataset/indicatorRecords`` by entity.
  let indicatorsByEntity: [FinanceEntity: [Int]]
  /// Each footprint's DHSC loans (its member trusts' summed), when the data has them.
  public private(set) var loans = EntityList<Footprint, FootprintIndicator?>([])

  /// Analyses a dataset.
  public init(_ dataset: Dataset) {
    self.dataset = dataset
    let fin = dataset.finance
    // Footprints are independent: at national scale, two threads halve this.
    let count = dataset.footprints.count
    let notes = fin.hasNotes
    footprintTrajectories = EntityList(
      Parallel.map(count, cost: dataset.memberships.count / max(1, count)) {
        Self.footprintTrajectory(dataset, footprint: FootprintID($0), notes: notes)
      })
    // England's sum and the count of member organisations, one on each
    // thread (each a pass on one thread alone).
    let trajectoriesMade = footprintTrajectories
    (england, memberOrganisations) = Parallel.both(
      { Self.sum(Array(trajectoriesMade)) },
      { dataset.memberOrganisationCount(footprints: dataset.footprints.indices) })
    membersIllustrative = EntityList(
      Parallel.map(count, cost: dataset.memberships.count / max(1, count)) { i in
        dataset.membersOfFootprint[FootprintID(i)].contains {
          fin.hasIllustrative(entity: fin.entity(organisation: dataset.memberships[$0].org))
        }
      })
    alignment = EntityList(
      Parallel.map(count, cost: dataset.memberships.count / max(1, count)) { i in
        var s = AlignmentSummary()
        for m in dataset.membersOfFootprint[FootprintID(i)] { s.add(dataset.stance(membership: m)) }
        return s
      })
    let target = FinancialYear.target
    // Each membership's savings, "none" held as FigureList's pattern (8
    // bytes each, made once: half a million at national scale).
    typealias Held = FigureList<Membership>
    let memberships = dataset.memberships
    var held: [Double] = Parallel.map(memberships.count, cost: 4) { i in
      let m = memberships[MembershipID(i)]
      let e = fin.entity(organisation: m.org)
      guard let dn = fin.value(entity: e, year: target, scenario: .doNothing),
        let p = fin.value(entity: e, year: target, scenario: .plan)
      else { return Held.none }
      return m.share * (dn - p)
    }
    let trajectories = footprintTrajectories
    let savings = EntityList<Footprint, Double?>(trajectories.map { $0.plannedSavings(target) })
    footprintSavings = savings
    // Each footprint's members' savings scaled to its own total when it
    // reports one, in place (a new array would be four more megabytes of
    // fresh pages at national scale), and the largest holder among them.
    // Footprints share no memberships: each is worked out alone, and the
    // two threads write disjoint members.
    let shares = held.withUnsafeMutableBufferPointer { buffer in
      let figures = Parallel.Disjoint(base: buffer.baseAddress)
      return Parallel.map(count, cost: memberships.count / max(1, count)) {
        i -> (allocated: Bool, scale: Double, largest: MembershipID?) in
        guard let held = figures.base else { return (false, 1, nil) }
        let f = FootprintID(i)
        let members = dataset.membersOfFootprint[f]
        let t = trajectories[f]
        let own = t.point(.doNothing, target).origin == .own || t.point(.plan, target).origin == .own
        var scale: Double? = nil
        if own, let total = savings[f] {
          let sum = members.reduce(0.0) { $0 + (Held.figure(held[$1.index]) ?? 0) }
          if sum > 0 { scale = total / sum }
        }
        var best: (m: MembershipID, v: Double)? = nil
        for m in members {
          guard let figure = Held.figure(held[m.index]) else { continue }
          let v = scale.map { figure * $0 } ?? figure
          if scale != nil { held[m.index] = v }
          if v > 0, v > (best?.v ?? 0) { best = (m, v) }
        }
        return (scale != nil, scale ?? 1, best?.m)
      }
    }
    membershipSavings = FigureList(storage: held)
    savingsAllocated = EntityList(shares.map { $0.allocated })
    allocationScale = EntityList(shares.map { $0.scale })
    largestMember = EntityList(shares.map { $0.largest })
    observed = EntityList(trajectories.map { ObservedDelivery($0) })
    observedDelivery = EntityList(observed.map { $0?.setting })
    englandObserved = ObservedDelivery(england)
    var byEntity: [FinanceEntity: [Int]] = [:]
    for (i, r) in dataset.indicatorRecords.enumerated() { byEntity[r.entity, default: []].append(i) }
    indicatorsByEntity = byEntity
    if !byEntity.isEmpty {
      loans = EntityList(dataset.footprints.indices.map { footprintIndicator(Indicator.dhscLoans, footprint: $0) })
    } else {
      loans = EntityList(Array(repeating: nil, count: count))
    }
  }

  /// The names of the indicators in the data, sorted.
  public var indicatorNames: [String] { Array(Set(dataset.indicatorRecords.map(\.indicator))).sorted() }

  /// An indicator for a footprint: its own figures where it has them,
  /// otherwise the share-weighted sum of its members'; `nil` when none has one.
  public func footprintIndicator(_ name: String, footprint f: FootprintID) -> FootprintIndicator? {
    let d = dataset
    var values = [Double?](repeating: nil, count: FinancialYear.count)
    var parts = 0
    var illustrative = false
    var sources: [String] = []
    func take(_ records: [Int], share: Double) -> Bool {
      var any = false
      for i in records {
        let r = d.indicatorRecords[i]
        guard r.indicator == name else { continue }
        values[r.year.index] = (values[r.year.index] ?? 0) + share * r.value
        any = true
        if r.basis == .illustrative { illustrative = true }
        if let s = r.source, !sources.contains(s) { sources.append(s) }
      }
      return any
    }
    if let own = indicatorsByEntity[d.finance.entity(footprint: f)], take(own, share: 1) {
      return FootprintIndicator(values: values, parts: 1, illustrative: illustrative, sources: sources)
    }
    for m in d.membersOfFootprint[f] {
      let ms = d.memberships[m]
      if let records = indicatorsByEntity[d.finance.entity(organisation: ms.org)], take(records, share: ms.share) {
        parts += 1
      }
    }
    return parts == 0
      ? nil : FootprintIndicator(values: values, parts: parts, illustrative: illustrative, sources: sources)
  }

  /// The same over every footprint (England), or over some.
  public func totalIndicator(_ name: String, footprints: [FootprintID]? = nil) -> FootprintIndicator? {
    var values = [Double?](repeating: nil, count: FinancialYear.count)
    var parts = 0
    var illustrative = false
    var sources: [String] = []
    for f in footprints ?? Array(dataset.footprints.indices) {
      guard let fi = footprintIndicator(name, footprint: f) else { continue }
      for (i, v) in fi.values.enumerated() { if let v { values[i] = (values[i] ?? 0) + v } }
      parts += fi.parts
      illustrative = illustrative || fi.illustrative
      for s in fi.sources where !sources.contains(s) { sources.append(s) }
    }
    return parts == 0
      ? nil : FootprintIndicator(values: values, parts: parts, illustrative: illustrative, sources: sources)
  }

  /// A footprint's trajectory (England's for `nil`) with its plan line at a
  /// delivery scheme; England's under observed rates is the sum of each
  /// footprint at its own.
  public func trajectory(footprint f: FootprintID?, delivery scheme: DeliveryScheme) -> Trajectory {
    if let f { return footprintTrajectories[f].delivering(scheme.delivery(footprint: f, in: self)) }
    if let d = scheme.uniform { return england.delivering(d) }
    return Self.sum(
      footprintTrajectories.indices.map {
        footprintTrajectories[$0].delivering(scheme.delivery(footprint: $0, in: self))
      })
  }

  /// The plan with refusals: year by year, the plan at the delivery scheme
  /// without the savings of the members counted as refusing (their
  /// share-weighted savings, scaled as in ``membershipSavings``, at the same
  /// delivery, added back to the gap). In 2020/21 it is −(margin with
  /// refusals). England's (`nil` footprint) is the sum over footprints.
  /// `nil` when no refusing member holds savings in any year.
  public func planWithRefusals(
    footprint: FootprintID?, delivery scheme: DeliveryScheme, refusals: Refusals
  )
    -> [Double?]?
  {
    let d = dataset
    let fin = d.finance
    let parts = footprint.map { [$0] } ?? Array(d.footprints.indices)
    var plan = trajectory(footprint: footprint, delivery: scheme).line(.plan).map(\.value)
    var any = false
    for f in parts {
      let factor = scheme.delivery(footprint: f, in: self).factor
      for m in d.membersOfFootprint[f] where refusals.refuses(m, in: d) {
        let ms = d.memberships[m]
        let e = fin.entity(organisation: ms.org)
        for y in FinancialYear.all {
          guard let dn = fin.value(entity: e, year: y, scenario: .doNothing),
            let p = fin.value(entity: e, year: y, scenario: .plan), let base = plan[y.index]
          else { continue }
          let held = ms.share * (dn - p) * allocationScale[f]
          if held != 0 { any = true }
          plan[y.index] = base + held * factor
        }
      }
    }
    return any ? plan : nil
  }

  /// The share of a footprint's planned savings its largest holder holds
  /// (0–1; above 1 when other members' savings are negative), if known.
  public func vetoShare(footprint f: FootprintID) -> Double? {
    guard let m = largestMember[f], let v = membershipSavings[m], let total = footprintSavings[f], total > 0 else {
      return nil
    }
    return v / total
  }

  /// A footprint's margin at a delivery setting: how far its 2020/21 plan is
  /// below balance (−plan gap; negative when the plan does not balance).
  public func margin(footprint f: FootprintID, delivery: Delivery) -> Double? {
    let t = footprintTrajectories[f]
    let year = FinancialYear.target
    return delivery.plan(doNothing: t.value(.doNothing, year), plan: t.value(.plan, year)).map { -$0 }
  }

  /// An organisation's own trajectory (its rows only, whole organisation).
  public func organisationTrajectory(_ org: OrganisationID) -> Trajectory {
    let fin = dataset.finance
    let e = fin.entity(organisation: org)
    return Trajectory(
      points: Scenario.allCases.map { s in
        FinancialYear.all.map { y in
          let v = fin.value(entity: e, year: y, scenario: s)
          return TrajectoryPoint(
            value: v, origin: v == nil ? .none : .own,
            illustrative: v != nil && fin.basis(entity: e, year: y, scenario: s) == .illustrative)
        }
      })
  }

  /// A footprint's own rows where present (an empty `gbp_m` there means not
  /// known), otherwise the share-weighted sum of its members' rows.
  static func footprintTrajectory(_ d: Dataset, footprint f: FootprintID, notes: Bool) -> Trajectory {
    let fin = d.finance
    let own = fin.entity(footprint: f)
    let members = d.membersOfFootprint[f]
    // Made at its size, in one array: one is kept per footprint.
    var points: [TrajectoryPoint] = []
    points.reserveCapacity(Scenario.allCases.count * FinancialYear.count)
    for s in Scenario.allCases {
      for y in FinancialYear.all {
        if fin.hasRow(entity: own, year: y, scenario: s) {
          let v = fin.value(entity: own, year: y, scenario: s)
          points.append(
            TrajectoryPoint(
              value: v, origin: .own,
              illustrative: v != nil && fin.basis(entity: own, year: y, scenario: s) == .illustrative,
              caveat: v != nil && notes && fin.note(entity: own, year: y, scenario: s) != nil))
          continue
        }
        var sum = 0.0
        var known = 0
        var illustrative = false
        var caveat = false
        for m in members {
          let ms = d.memberships[m]
          let e = fin.entity(organisation: ms.org)
          guard let v = fin.value(entity: e, year: y, scenario: s) else { continue }
          sum += ms.share * v
          known += 1
          if fin.basis(entity: e, year: y, scenario: s) == .illustrative { illustrative = true }
          if notes && fin.note(entity: e, year: y, scenario: s) != nil { caveat = true }
        }
        points.append(
          known == 0
            ? .unknown
            : TrajectoryPoint(
              value: sum, origin: .members, illustrative: illustrative, missingParts: members.count - known,
              caveat: caveat))
      }
    }
    return Trajectory(flat: points)
  }

  /// The point-by-point sum of trajectories (parts without a figure are left
  /// out and counted).
  public static func sum(_ parts: [Trajectory]) -> Trajectory {
    var points: [[TrajectoryPoint]] = []
    for s in Scenario.allCases {
      var line: [TrajectoryPoint] = []
      for y in FinancialYear.all {
        var sum = 0.0
        var known = 0
        var illustrative = false
        var caveat = false
        for t in parts {
          let p = t.point(s, y)
          guard let v = p.value else { continue }
          sum += v
          known += 1
          illustrative = illustrative || p.illustrative
          caveat = caveat || p.caveat
        }
        line.append(
          known == 0
            ? .unknown
            : TrajectoryPoint(
              value: sum, origin: .members, illustrative: illustrative, missingParts: parts.count - known,
              caveat: caveat))
      }
      points.append(line)
    }
    return Trajectory(points: points)
  }
}
