/// A closed set of words a data file may use, each with its code.
public protocol DataWord: CaseIterable, Sendable {
  /// The word in data files.
  var code: String { get }
}

extension DataWord {
  /// Parses a data file's word, ignoring case.
  public init?(code: String) {
    let key = code.lowercased()
    guard let match = Self.allCases.first(where: { $0.code == key }) else { return nil }
    self = match
  }

  /// The words a data file may use, for messages.
  public static var validCodes: String { allCases.map(\.code).joined(separator: ", ") }
}

/// What kind of source a record rests on: an official page, the press, a
/// campaign, or something else. Not the same evidence: every record of the
/// disputes says which it is.
public enum SourceKind: UInt8, DataWord, Hashable, Comparable {
  /// A public body's own page, minutes or decision.
  case official = 1
  /// A newspaper or the trade press.
  case news
  /// A campaign's site, blog or summary.
  case campaign
  /// Anything else (an encyclopedia, a secondary summary).
  case other

  /// The word in data files and exports.
  public var code: String {
    switch self {
    case .official: "official"
    case .news: "news"
    case .campaign: "campaign"
    case .other: "other"
    }
  }

  /// Orders official before news before campaign before other.
  public static func < (a: SourceKind, b: SourceKind) -> Bool { a.rawValue < b.rawValue }
}
