/// The flag journal as read: every well-formed event in file order, and the
/// lines that could not be read.
public struct FlagHistory: Sendable {
  /// Events in the order they were written.
  public var events: [FlagEvent]
  /// Corrupt or torn lines, reported and skipped (never rewritten away):
  /// the first ``FlagHistory/problemsKept``; the rest are counted.
  public var problems: [Problem]
  /// Corrupt lines found beyond those kept in ``problems``.
  public var omittedProblems: Int

  /// How many problems a history keeps (a file of garbage has millions).
  public static let problemsKept = 100

  /// An empty history.
  public init(events: [FlagEvent] = [], problems: [Problem] = [], omittedProblems: Int = 0) {
    self.events = events
    self.problems = problems
    self.omittedProblems = omittedProblems
  }

  /// Every problem found: those kept and those only counted.
  public var problemCount: Int { problems.count + omittedProblems }

  /// The problems as lines for a person: at most `limit` of them, then how
  /// many more there are.
  public func problemLines(limit: Int = 10, fileName: String) -> [String] {
    var out = problems.prefix(limit).map(\.description)
    let more = problemCount - out.count
    if more > 0 {
      out.append(
        "\(fileName): … and \(NumberFormat.grouped(more)) more unreadable line\(more == 1 ? "" : "s") (skipped, left in the file)"
      )
    }
    return out
  }

  /// The last event of each pair: the current state.
  public func latest() -> [FlagPair: FlagEvent] {
    var out: [FlagPair: FlagEvent] = [:]
    for e in events { out[e.pair] = e }
    return out
  }

  /// Events whose pair is currently flagged, newest first (by time, then file order).
  public func active() -> [FlagEvent] {
    let latest = latest()
    let order = Dictionary(events.enumerated().map { ($0.element.pair, $0.offset) }, uniquingKeysWith: max)
    return latest.values.filter { $0.kind == .flag }.sorted { a, b in
      if a.time != b.time { return a.time > b.time }
      return (order[a.pair] ?? 0) > (order[b.pair] ?? 0)
    }
  }

  /// Whether a pair is currently flagged.
  public func isFlagged(_ pair: FlagPair) -> Bool { latest()[pair]?.kind == .flag }

  /// Every event about an organisation, oldest first.
  public func history(org: String) -> [FlagEvent] { events.filter { $0.org == org } }

  /// Active flags resolved against a dataset; pairs it does not know (data
  /// changed since) are left out of the figures.
  public func activeSet(in dataset: Dataset) -> FlagSet {
    var set = FlagSet()
    for e in latest().values where e.kind == .flag {
      if let o = dataset.organisationID(code: e.org), let f = dataset.footprintID(code: e.footprint) {
        set.insert(org: o, footprint: f)
      }
    }
    return set
  }

  /// Active flags whose organisation or footprint the dataset does not know.
  public func unresolved(in dataset: Dataset) -> [FlagEvent] {
    latest().values.filter { e in
      e.kind == .flag
        && (dataset.organisationID(code: e.org) == nil || dataset.footprintID(code: e.footprint) == nil)
    }.sorted { $0.pair < $1.pair }
  }

  /// The history as it stood at the end of `day` (UTC): later events left out.
  public func asOf(_ day: Day?) -> FlagHistory {
    guard let day else { return self }
    let last = day.iso
    return FlagHistory(
      events: events.filter { $0.time.prefix(10) <= last },
      problems: problems, omittedProblems: omittedProblems)
  }

  /// This history with more events appended (for changes not yet saved).
  public func appending(_ more: [FlagEvent]) -> FlagHistory {
    FlagHistory(events: events + more, problems: problems, omittedProblems: omittedProblems)
  }
}
