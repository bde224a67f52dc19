/// Whether a figure was reported by a source or made up to illustrate.
public enum Basis: UInt8, Sendable, Hashable {
  /// Published by a named source.
  case reported = 1
  /// Generated to show how the tool works; not a real figure.
  case illustrative = 2

  /// The code used in data files.
  public var code: String { self == .reported ? "reported" : "illustrative" }

  /// Parses `reported` or `illustrative`, ignoring case.
  public init?(code: String) {
    switch code.lowercased() {
    case "reported": self = .reported
    case "illustrative": self = .illustrative
    default: return nil
    }
  }
}
