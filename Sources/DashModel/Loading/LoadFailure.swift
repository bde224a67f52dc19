/// Why a data directory could not be loaded: every problem found, not just the first.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
  /// The problems, errors and warnings, in file and line order.
  public var problems: ProblemList
  /// The directory that was read.
  public var directory: String

  /// The errors only.
  public var errors: [Problem] { problems.items.filter { $0.severity == .error } }

  /// One line for a status bar: the first error and how many more.
  public var summary: String {
    guard let first = errors.first else { return "no errors" }
    let more = problems.errorCount - 1
    return more > 0 ? "\(first) (and \(more) more error\(more == 1 ? "" : "s"))" : first.description
  }

  /// The same as ``summary``.
  public var description: String { summary }
}
