/// Where a member body stands on its footprint's plan.
public enum Stance: Int, CaseIterable, Sendable, Hashable, Comparable {
  case aligned, conditional, dissenting, refused, unknown

  /// The code used in `alignment.csv` and on screen.
  public var code: String {
    switch self {
    case .aligned: "aligned"
    case .conditional: "conditional"
    case .dissenting: "dissenting"
    case .refused: "refused"
    case .unknown: "unknown"
    }
  }

  /// Parses a stance code, ignoring case.
  public init?(code: String) {
    guard let match = Stance.allCases.first(where: { $0.code == code.lowercased() }) else { return nil }
    self = match
  }

  /// The list of valid codes, for messages.
  public static var validCodes: String { allCases.map(\.code).joined(separator: ", ") }

  /// Stances order from aligned to unknown.
  public static func < (a: Stance, b: Stance) -> Bool { a.rawValue < b.rawValue }
}
