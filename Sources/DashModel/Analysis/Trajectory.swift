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
///
/// Sixteen bytes: the flags sit in the optional's spare bytes and the count
/// of missing parts in 32 bits, so a footprint's 18 points are 288 bytes.
public struct TrajectoryPoint: Sendable, Hashable {
  /// £ million; `nil` when not known.
  public var value: Double?
  /// Where the figure comes from.
  public var origin: PointOrigin
  /// True when any figure behind it is illustrative.
  public var illustrative: Bool
  /// True when a reported figure behind it carries a caveat (`note`).
  public var caveat: Bool = false
  private var missing: Int32

  /// For sums: how many parts had no figure (the sum leaves them out).
  public var missingParts: Int {
    get { Int(missing) }
    set { missing = Int32(clamping: newValue) }
  }

  /// A point with no figure.
  public static let unknown = TrajectoryPoint(value: nil, origin: .none, illustrative: false, missingParts: 0)

  /// Creates a point.
  public init(value: Double?, origin: PointOrigin, illustrative: Bool, missingParts: Int = 0, caveat: Bool = false) {
    self.value = value
    self.origin = origin
    self.illustrative = illustrative
    self.caveat = caveat
    self.missing = Int32(clamping: missingParts)
  }
}

/// A deficit trajectory, 2015/16 to 2020/21: do-nothing, plan and outturn.
public struct Trajectory: Sendable, Hashable {
  /// The points scenario by scenario, each scenario's years in order: one
  /// array (one allocation per trajectory, and one is kept per footprint).
  private var flat: [TrajectoryPoint]

  private static let years = FinancialYear.count
  private static let scenarios = Scenario.allCases.count

  /// Points indexed by scenario then year.
  public var points: [[TrajectoryPoint]] {
    get { (0..<Self.scenarios).map { s in Array(flat[s * Self.years..<(s + 1) * Self.years]) } }
    set { flat = Self.flatten(newValue) }
  }

  /// A trajectory with nothing known.
  public static let empty = Trajectory(flat: Array(repeating: .unknown, count: scenarios * years))

  /// Creates a trajectory from points indexed by scenario then year (a
  /// missing scenario or year is not known; extra ones are dropped).
  public init(points: [[TrajectoryPoint]]) { flat = Self.flatten(points) }

  /// Creates a trajectory from its points, scenario by scenario.
  init(flat: [TrajectoryPoint]) {
    precondition(flat.count == Self.scenarios * Self.years, "a trajectory has a point per scenario and year")
    self.flat = flat
  }

  private static func flatten(_ points: [[TrajectoryPoint]]) -> [TrajectoryPoint] {
    var out = [TrajectoryPoint]()
    out.reserveCapacity(scenarios * years)
    for s in 0..<scenarios {
      for y in 0..<years {
        out.append(s < points.count && y < points[s].count ? points[s][y] : .unknown)
      }
    }
    return out
  }

  /// The point for a scenario and year.
  public func point(_ scenario: Scenario, _ year: FinancialYear) -> TrajectoryPoint {
    flat[scenario.rawValue * Self.years + year.index]
  }

  /// One scenario's points, year by year.
  public func line(_ scenario: Scenario) -> ArraySlice<TrajectoryPoint> {
    flat[scenario.rawValue * Self.years..<(scenario.rawValue + 1) * Self.years]
  }

  /// The figure for a scenario and year, or `nil`.
  public func value(_ scenario: Scenario, _ year: FinancialYear) -> Double? {
    point(scenario, year).value
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
      out.flat[Scenario.plan.rawValue * Self.years + y.index] = p
    }
    return out
  }

  /// Whether any point is illustrative.
  public var hasIllustrative: Bool { flat.contains { $0.illustrative } }

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
