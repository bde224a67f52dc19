/// How much of the plans' savings is delivered: 0 % to 150 %, in whole percent.
///
/// At 100 % the plan line is as filed; at 0 % it falls back to do-nothing;
/// at 50 % it sits halfway between. Every figure that depends on the plan
/// (plan gap, savings %, savings at risk, England's total) follows it.
public struct Delivery: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The lowest setting.
  public static let minimum = 0
  /// The highest setting.
  public static let maximum = 150
  /// The plans as filed.
  public static let full = Delivery(percent: 100)

  /// Percent of planned savings delivered, clamped to 0…150.
  public let percent: Int

  /// Creates a setting, clamping to 0…150.
  public init(percent: Int) { self.percent = min(Self.maximum, max(Self.minimum, percent)) }

  /// The factor applied to planned savings (1.0 at 100 %).
  public var factor: Double { Double(percent) / 100 }

  /// The setting `steps` × 10 points away, clamped.
  public func stepped(by steps: Int) -> Delivery { Delivery(percent: percent + steps * 10) }

  /// The setting `points` percentage points away, clamped.
  public func moved(by points: Int) -> Delivery { Delivery(percent: percent + points) }

  /// The plan gap when this share of planned savings is delivered.
  ///
  /// `nil` when it cannot be known: no plan figure, or a setting other than
  /// 100 % without the do-nothing figure to scale from.
  public func plan(doNothing: Double?, plan: Double?) -> Double? {
    guard let plan else { return nil }
    if percent == 100 { return plan }
    guard let doNothing else { return nil }
    return doNothing - factor * (doNothing - plan)
  }

  /// `60%`.
  public var description: String { "\(percent)%" }

  /// Whether `a` delivers less.
  public static func < (a: Delivery, b: Delivery) -> Bool { a.percent < b.percent }
}
