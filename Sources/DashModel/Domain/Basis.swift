/// Whether a figure was reported by a source or made up to illustrate.
public enum Basis: UInt8, CaseIterable, Sendable, Hashable {
  /// Published by a named source.
  case reported = 1
  /// Generated to show how the tool works; not a real figure.
  case illustrative = 2

  /// The word in data files, as a static string the byte readers compare with.
  public var word: StaticString {
    switch self {
    case .reported: "reported"
    case .illustrative: "illustrative"
    }
  }

  /// The code used in data files.
  public var code: String { word.description }

  /// Parses `reported` or `illustrative`, ignoring case.
  public init?(code: String) {
    let key = code.lowercased()
    guard let match = Basis.allCases.first(where: { $0.code == key }) else { return nil }
    self = match
  }
}

/// How a figure as shown stands: what its mark says.
public enum FigureStanding: Sendable, Hashable {
  /// Reported, no caveat: no mark.
  case reported
  /// Reported, with a caveat to read (status, scope, a conflicting source).
  case caveat
  /// Made up to show how the tool works (any figure behind it).
  case illustrative

  /// How screens and exports say it.
  public var label: String {
    switch self {
    case .reported: "reported"
    case .caveat: "reported with a caveat"
    case .illustrative: "illustrative"
    }
  }
}
