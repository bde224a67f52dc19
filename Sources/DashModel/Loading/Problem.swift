/// One thing wrong (or worth a warning) in a data directory.
///
/// Reads like a compiler message: `finance.csv:1043: gbp_m "12,3x" is not a number`.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Hashable {
    /// The directory cannot be loaded until this is fixed.
    case error
    /// Loading goes on; the user should still look.
    case warning
  }

  /// The file's name within the data directory (for example `finance.csv`).
  public var file: String
  /// The 1-based physical line, when the problem is on one line.
  public var line: Int?
  /// The 1-based byte column on that line, for syntax problems.
  public var column: Int?
  /// The data column the problem concerns, when there is one.
  public var field: String?
  /// A plain sentence saying what is wrong and, where it helps, what to do.
  public var message: String
  /// Whether the problem blocks loading.
  public var severity: Severity

  /// Creates a problem.
  public init(
    file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String,
    severity: Severity = .error
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
    self.message = message
    self.severity = severity
  }

  /// `file:line[:column]`, the location part of the message.
  public var location: String {
    var s = file
    if let line { s += ":\(line)" }
    if let column { s += ":\(column)" }
    return s
  }

  /// The whole message, `location: [warning: ]message`.
  public var description: String {
    severity == .warning ? "\(location): warning: \(message)" : "\(location): \(message)"
  }
}

/// Quotes a data value for a message: control characters are made visible and
/// long values are shortened, so a message never carries terminal escapes.
public func quotedForMessage(_ value: String, limit: Int = 60) -> String {
  var out = ""
  var n = 0
  for scalar in value.unicodeScalars {
    if n >= limit {
      out += "…"
      break
    }
    out += VisibleText.escape(scalar) ?? String(scalar)
    n += 1
  }
  return "\"\(out)\""
}

/// Collects problems in file order, keeping a bounded number of them.
public struct ProblemList: Sendable {
  /// The most problems kept; the rest are only counted.
  public static let keepLimit = 10_000

  /// The problems kept, in the order found.
  public private(set) var items: [Problem] = []
  /// How many errors were found in all (kept or not).
  public private(set) var errorCount = 0
  /// How many warnings were found in all (kept or not).
  public private(set) var warningCount = 0

  /// Creates an empty list.
  public init() {}

  /// Records a problem.
  public mutating func add(_ problem: Problem) {
    if problem.severity == .error { errorCount += 1 } else { warningCount += 1 }
    if items.count < Self.keepLimit { items.append(problem) }
  }

  /// Records an error at a place.
  public mutating func error(
    _ file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String
  ) {
    add(Problem(file: file, line: line, column: column, field: field, message: message))
  }

  /// Records a warning at a place.
  public mutating func warning(_ file: String, line: Int? = nil, field: String? = nil, _ message: String) {
    add(Problem(file: file, line: line, field: field, message: message, severity: .warning))
  }

  /// Appends every problem of another list.
  public mutating func append(contentsOf other: ProblemList) {
    for p in other.items { add(p) }
    let dropped = (other.errorCount + other.warningCount) - other.items.count
    if dropped > 0 {
      // Counts of problems the other list did not keep still count here.
      let droppedErrors = other.errorCount - other.items.filter { $0.severity == .error }.count
      errorCount += droppedErrors
      warningCount += dropped - droppedErrors
    }
  }

  /// Counts, without keeping them, the problems another list found but did
  /// not keep (its kept ones having been added one by one).
  mutating func countOmitted(from other: ProblemList) {
    let keptErrors = other.items.filter { $0.severity == .error }.count
    errorCount += other.errorCount - keptErrors
    warningCount += other.warningCount - (other.items.count - keptErrors)
  }

  /// True when no error (warnings aside) was found.
  public var hasErrors: Bool { errorCount > 0 }

  /// The number of problems found but not kept.
  public var omittedCount: Int { errorCount + warningCount - items.count }

  /// Sorts kept problems by file order, line, column and message, for stable listings.
  public mutating func sortByLocation(fileOrder: [String]) {
    func rank(_ f: String) -> Int { fileOrder.firstIndex(of: f) ?? fileOrder.count }
    items.sort { a, b in
      let ra = rank(a.file)
      let rb = rank(b.file)
      if ra != rb { return ra < rb }
      if a.file != b.file { return a.file < b.file }
      // Then by message: several problems on one line read in the same
      // order whichever reader found them first.
      return (a.line ?? 0, a.column ?? 0, a.message) < (b.line ?? 0, b.column ?? 0, b.message)
    }
  }
}
