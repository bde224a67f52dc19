/// How much of each footprint's planned savings is taken as delivered: one
/// setting for every footprint, or each footprint at the rate its outturn
/// shows so far ("continue at the observed rate").
public enum DeliveryScheme: Sendable, Hashable {
  /// Every footprint at the same setting.
  case uniform(Delivery)
  /// Each footprint at its own observed delivery (``Analysis/observedDelivery``),
  /// clamped to 0–150 %; a footprint without an outturn stays at 100 %.
  case observed

  /// The plans as filed.
  public static let full = DeliveryScheme.uniform(.full)

  /// The setting for one footprint.
  public func delivery(footprint f: FootprintID, in analysis: Analysis) -> Delivery {
    switch self {
    case .uniform(let d): d
    case .observed: analysis.observedDelivery[f] ?? .full
    }
  }

  /// The uniform setting, if there is one.
  public var uniform: Delivery? {
    if case .uniform(let d) = self { return d }
    return nil
  }

}

/// How far a plan had got when its outturn was last reported.
public struct ObservedDelivery: Sendable, Hashable {
  /// The latest year with an outturn figure.
  public var year: FinancialYear
  /// `(do-nothing − outturn) ÷ (do-nothing − plan)` in that year, in percent.
  public var percent: Double
  /// Whether any figure behind it is illustrative.
  public var illustrative: Bool

  /// Reads it off a trajectory: the latest year whose outturn is complete
  /// (every part summed has one); `nil` when that year's do-nothing and
  /// plan are not known or do not differ, or no year has one.
  public init?(_ t: Trajectory) {
    for year in FinancialYear.all.reversed() {
      let out = t.point(.outturn, year)
      // An outturn summed from only some members would overstate delivery.
      guard let o = out.value, out.missingParts == 0 else { continue }
      let dn = t.point(.doNothing, year)
      let plan = t.point(.plan, year)
      guard let d = dn.value, let p = plan.value, d - p != 0 else { return nil }
      let pct = (d - o) / (d - p) * 100
      guard pct.isFinite else { return nil }
      self.year = year
      self.percent = pct
      self.illustrative = out.illustrative || dn.illustrative || plan.illustrative
      return
    }
    return nil
  }

  /// The delivery setting it amounts to: rounded to a whole percent, clamped to 0–150 %.
  public var setting: Delivery {
    Delivery(percent: Int(max(-1, min(1_000, percent)).rounded()))
  }
}

/// The delivery of planned savings that would bring a plan to balance in
/// 2020/21: `do-nothing ÷ planned savings`, in percent; `nil` when there are
/// no savings (or no figures). 0 when the do-nothing gap is already in balance.
public func neededDeliveryPercent(_ t: Trajectory) -> Double? {
  let year = FinancialYear.target
  guard let dn = t.value(.doNothing, year), let savings = t.plannedSavings(year), savings > 0 else { return nil }
  let pct = dn / savings * 100
  return pct.isFinite ? max(0, pct) : nil
}
