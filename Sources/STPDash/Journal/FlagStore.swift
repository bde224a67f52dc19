import DashModel

/// Where a team's flags are kept: the CSV journal beside the data (the
/// default, right for one person) or a PostgreSQL database (for a team on
/// many machines). Screens and commands use this and never know which.
protocol FlagStore: Sendable {
  /// The location as given (a path, or a URL without its password).
  var location: String { get }
  /// How messages name it.
  var name: String { get }
  /// Every event, in the order written.
  func read() -> Result<FlagHistory, FileReadError>
  /// Appends events, all or none, and returns them as kept once they are
  /// (a database gives each its author and time).
  @discardableResult func record(_ events: [FlagEvent]) throws(FlagSaveError) -> [FlagEvent]
  /// Whether the store records who wrote each event itself (a database
  /// role), so an author given by the writer is not taken.
  var authorsAreEnforced: Bool { get }
}

/// Opens the store a `--flags` value (or `STPDASH_FLAGS`) names.
enum FlagStores {
  /// Whether a location is a PostgreSQL URL rather than a file.
  static func isDatabase(_ location: String) -> Bool {
    location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
  }

  static func open(_ location: String) -> any FlagStore {
    isDatabase(location) ? PostgresJournal(url: location) : FlagJournal(path: location)
  }
}

extension FlagJournal: FlagStore {
  var location: String { path }
  var name: String { fileName }
  var authorsAreEnforced: Bool { false }

  func record(_ events: [FlagEvent]) throws(FlagSaveError) -> [FlagEvent] {
    try append(events)
    return events
  }
}
