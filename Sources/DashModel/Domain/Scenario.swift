/// One of the three lines of a deficit trajectory.
public enum Scenario: Int, CaseIterable, Sendable, Hashable {
  /// The gap if nothing changes.
  case doNothing
  /// The gap after the plan's savings.
  case plan
  /// What happened.
  case outturn

  /// The code used in `finance.csv`.
  public var code: String {
    switch self {
    case .doNothing: "do_nothing"
    case .plan: "plan"
    case .outturn: "outturn"
    }
  }

  /// The label screens show.
  public var label: String {
    switch self {
    case .doNothing: "do-nothing"
    case .plan: "plan"
    case .outturn: "outturn"
    }
  }

  /// Parses a scenario code; `do-nothing` and `donothing` are accepted too.
  public init?(code: String) {
    switch code.lowercased() {
    case "do_nothing", "do-nothing", "donothing", "do nothing": self = .doNothing
    case "plan": self = .plan
    case "outturn": self = .outturn
    default: return nil
    }
  }
}
