/// NHS England's STP progress rating (dashboard of July 2017).
public enum Rating: Int, CaseIterable, Sendable, Hashable, Comparable {
  case outstanding, advanced, makingProgress, needsMostImprovement

  /// The rating as written in data files and on screen.
  public var name: String {
    switch self {
    case .outstanding: "Outstanding"
    case .advanced: "Advanced"
    case .makingProgress: "Making progress"
    case .needsMostImprovement: "Needs most improvement"
    }
  }

  /// Parses a rating name, ignoring case.
  public init?(name: String) {
    let key = name.lowercased().split(separator: " ").joined(separator: " ")
    guard let match = Rating.allCases.first(where: { $0.name.lowercased() == key }) else { return nil }
    self = match
  }

  /// The list of valid names, for messages.
  public static var validNames: String { allCases.map { "\"\($0.name)\"" }.joined(separator: ", ") }

  /// Ratings order best first.
  public static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }
}
