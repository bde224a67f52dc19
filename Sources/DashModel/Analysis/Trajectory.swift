/// Where a trajectory point's figure comes from.
public enum PointOrigin: Sendable, Hashable {
  /// The entity's own row in `finance.csv`.
  case own
  /// The share-weighted sum of member organisations' rows (or of footprints, for England).
  case members
  /// Not known.
  case none
}

/// One figure of a trajectory: a scenario in a year.
public struct TrajectoryPoint: Sendable, Hashable {
  /// £ million; `nil` when not known.
  public var value: Double?
  /// Where the figure comes from.
  public var origin: PointOrigin
  /// True when any figure behind it is illustrative.
  public var illustrative: Bool
  /// For sums: how many parts had no figure (the sum leaves them out).
  public var missingParts: Int
  /// True when a reported figure behind it carries a caveat (`note`).
  public var caveat: Bool = false

  /// A point with no figure.
  public static let unknown = TrajectoryPoint(value: nil, origin: .none, illustrative: false, missingParts: 0)

  /// Creates a point.
  public init(value: Double?, origin: PointOrigin, illustrative: Bool, missingParts: Int = 0, caveat: Bool = false) {
    self.value = value
    self.origin = origin
    self.illustrative = illustrative
    self.missingParts = missingParts
    self.caveat = caveat
  }
}

/// A deficit trajectory, 2015/16 to 2020/21: do-nothing, plan and outturn.
public struct Trajectory: Sendable, Hashable {
  /// Points indexed by scenario then year.
  public var points: [[TrajectoryPoint]]

  /// A trajectory with nothing known.
  public static let empty = Trajectory(
    points: Array(repeating: Array(repeating: .unknown, count: FinancialYear.count), count: Scenario.allCases.count))

  /// Creates a trajectory from points indexed by scenario then year.
  public init(points: [[TrajectoryPoint]]) { self.points = points }

  /// The point for a scenario and year.
  public func point(_ scenario: Scenario, _ year: FinancialYear) -> TrajectoryPoint {
    points[scenario.rawValue][year.index]
  }

  /// The figure for a scenario and year, or `nil`.
  public func value(_ scenario: Scenario, _ year: FinancialYear) -> Double? {
    points[scenario.rawValue][year.index].value
  }

  /// The same trajectory with the plan line moved to a delivery setting.
  public func delivering(_ delivery: Delivery) -> Trajectory {
    guard delivery != .full else { return self }
    var out = self
    for y in FinancialYear.all {
      let dn = point(.doNothing, y)
      var p = point(.plan, y)
      p.value = delivery.plan(doNothing: dn.value, plan: p.value)
      p.illustrative = p.illustrative || dn.illustrative
      p.caveat = p.caveat || (delivery.percent != 100 && dn.caveat)
      out.points[Scenario.plan.rawValue][y.index] = p
    }
    return out
  }

  /// Whether any point is illustrative.
  public var hasIllustrative: Bool { points.contains { $0.contains { $0.illustrative } } }

  /// The first year the plan line reaches balance (gap ≤ 0), if it does.
  public var planBalanceYear: FinancialYear? {
    FinancialYear.all.first { year in value(.plan, year).map { $0.isFinite && $0 <= 0 } ?? false }
  }

  /// Planned savings in a year: do-nothing minus plan, when both are known.
  public func plannedSavings(_ year: FinancialYear) -> Double? {
    guard let dn = value(.doNothing, year), let p = value(.plan, year) else { return nil }
    return dn - p
  }
}
