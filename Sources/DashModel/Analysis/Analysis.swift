import Dispatch

/// Everything derived from a dataset that does not depend on the user's
/// settings, computed once per load: trajectories, alignment summaries and
/// each membership's planned savings.
public struct Analysis: Sendable {
  /// The dataset analysed.
  public let dataset: Dataset
  /// Each footprint's trajectory as filed (delivery 100 %).
  public let footprintTrajectories: [Trajectory]
  /// England: the sum of all footprints.
  public let england: Trajectory
  /// Each footprint's members counted by stance.
  public let alignment: [AlignmentSummary]
  /// Each membership's planned savings in 2020/21 as filed: share × (do-nothing − plan).
  public let membershipSavings: [Double?]

  /// Analyses a dataset.
  public init(_ dataset: Dataset) {
    self.dataset = dataset
    let fin = dataset.finance
    // Footprints are independent: at national scale, two threads halve this.
    let count = dataset.footprints.count
    let slots = ChunkSlots<[Trajectory]>(count: 2)
    let half = (count + 1) / 2
    let work = { @Sendable (part: Int) in
      let range = part == 0 ? 0..<half : half..<count
      slots.store(part, range.map { Self.footprintTrajectory(dataset, footprint: $0) })
    }
    if count >= 512 {
      DispatchQueue.concurrentPerform(iterations: 2, execute: work)
    } else {
      work(0)
      work(1)
    }
    footprintTrajectories = (slots.take(0) ?? []) + (slots.take(1) ?? [])
    england = Self.sum(footprintTrajectories)
    alignment = dataset.membersOfFootprint.map { members in
      var s = AlignmentSummary()
      for m in members { s.add(dataset.stance(membership: m)) }
      return s
    }
    let target = FinancialYear.target
    membershipSavings = dataset.memberships.map { m in
      let e = fin.entity(organisation: m.org)
      guard let dn = fin.value(entity: e, year: target, scenario: .doNothing),
        let p = fin.value(entity: e, year: target, scenario: .plan)
      else { return nil }
      return m.share * (dn - p)
    }
  }

  /// An organisation's own trajectory (its rows only, whole organisation).
  public func organisationTrajectory(_ org: Int) -> Trajectory {
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
  static func footprintTrajectory(_ d: Dataset, footprint f: Int) -> Trajectory {
    let fin = d.finance
    let own = fin.entity(footprint: f)
    let members = d.membersOfFootprint[f]
    var points: [[TrajectoryPoint]] = []
    for s in Scenario.allCases {
      var line: [TrajectoryPoint] = []
      for y in FinancialYear.all {
        if fin.hasRow(entity: own, year: y, scenario: s) {
          let v = fin.value(entity: own, year: y, scenario: s)
          line.append(
            TrajectoryPoint(
              value: v, origin: .own,
              illustrative: v != nil && fin.basis(entity: own, year: y, scenario: s) == .illustrative))
          continue
        }
        var sum = 0.0
        var known = 0
        var illustrative = false
        for m in members {
          let ms = d.memberships[m]
          let e = fin.entity(organisation: ms.org)
          guard let v = fin.value(entity: e, year: y, scenario: s) else { continue }
          sum += ms.share * v
          known += 1
          if fin.basis(entity: e, year: y, scenario: s) == .illustrative { illustrative = true }
        }
        line.append(
          known == 0
            ? .unknown
            : TrajectoryPoint(
              value: sum, origin: .members, illustrative: illustrative, missingParts: members.count - known))
      }
      points.append(line)
    }
    return Trajectory(points: points)
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
        for t in parts {
          let p = t.point(s, y)
          guard let v = p.value else { continue }
          sum += v
          known += 1
          illustrative = illustrative || p.illustrative
        }
        line.append(
          known == 0
            ? .unknown
            : TrajectoryPoint(
              value: sum, origin: .members, illustrative: illustrative, missingParts: parts.count - known))
      }
      points.append(line)
    }
    return Trajectory(points: points)
  }
}
