/// One of the three lines of a deficit trajectory.
///
/// The words `finance.csv` uses for the scenarios are defined here and
/// nowhere else: every reader of the file (the general one and the fast
/// layers) matches against ``word``.
public enum Scenario: Int, CaseIterable, Sendable, Hashable {
  /// The gap if nothing changes.
  case doNothing
  /// The gap after the plan's savings.
  case plan
  /// What happened.
  case outturn

  /// The word in `finance.csv`, as a static string the byte readers compare with.
  public var word: StaticString {
    switch self {
    case .doNothing: "do_nothing"
    case .plan: "plan"
    case .outturn: "outturn"
    }
  }

  /// The code used in `finance.csv`.
  public var code: String { word.description }

  /// The label screens show.
  public var label: String { code.replacing("_", with: "-") }

  /// Parses a scenario code ignoring case; the label's dash and a space are
  /// accepted for the underscore, and the two words may be run together.
  public init?(code: String) {
    let key = code.lowercased()
    guard
      let match = Scenario.allCases.first(where: { s in
        let w = s.code
        return key == w || key == w.replacing("_", with: "-") || key == w.replacing("_", with: " ")
          || key == w.replacing("_", with: "")
      })
    else { return nil }
    self = match
  }
}
