/// NHS England's four commissioning regions of 2016/17.
public enum Region: Int, CaseIterable, Sendable, Hashable, Comparable {
  case north, midlandsAndEast, london, south

  /// The name as data files and screens write it.
  public var name: String {
    switch self {
    case .north: "North"
    case .midlandsAndEast: "Midlands and East"
    case .london: "London"
    case .south: "South"
    }
  }

  /// Parses a region name, ignoring case and surrounding space.
  public init?(name: String) {
    let key = name.lowercased().split(separator: " ").map { $0 == "&" ? "and" : String($0) }
      .joined(separator: " ")
    if let match = Region.allCases.first(where: { $0.name.lowercased() == key || $0.alias == key }) {
      self = match
      return
    }
    // A unique prefix ("Mids", "lon") is enough.
    let prefixed = Region.allCases.filter {
      !key.isEmpty && ($0.name.lowercased().hasPrefix(key) || $0.alias.hasPrefix(key))
    }
    guard prefixed.count == 1 else { return nil }
    self = prefixed[0]
  }

  /// Another name a user may type, lower-cased.
  private var alias: String { self == .midlandsAndEast ? "mids and east" : name.lowercased() }

  /// The list of valid names, for messages.
  public static var validNames: String { allCases.map { "\"\($0.name)\"" }.joined(separator: ", ") }

  /// Regions order as NHS England listed them.
  public static func < (a: Region, b: Region) -> Bool { a.rawValue < b.rawValue }
}
