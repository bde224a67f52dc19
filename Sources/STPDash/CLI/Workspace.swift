import ArgumentParser
import DashModel

/// A loaded data directory for a batch command: the dataset, its analysis
/// and the flag journal.
struct Workspace {
  var directory: String
  var dataset: Dataset
  var analysis: Analysis
  var journal: any FlagStore
  var flags: FlagHistory

  /// Loads the directory named by the options, or fails with every problem listed.
  static func load(_ options: DataOptions) throws(BatchError) -> Workspace {
    let directory = try options.directory()
    switch DatasetLoader.load(directory: directory) {
    case .failure(let failure):
      throw BatchError(Self.describe(failure))
    case .success(let loaded):
      for w in loaded.warnings { Console.error("stpdash: \(w)") }
      let dataset = loaded.asOf(options.asOfDay)
      if let day = options.asOfDay, let note = AsOfWords.range(day, loaded.datedRange, today: AsOfWords.today()) {
        Console.error("stpdash: \(note)")
      }
      let journal = FlagStores.open(options.flagsPath(directory: directory))
      var history = FlagHistory()
      switch journal.read() {
      case .success(let h):
        history = h
        for line in h.problemLines(limit: 10, fileName: journal.name) { Console.error("stpdash: \(line)") }
      case .failure(let error):
        Console.error("stpdash: flags not read: \(error)")
      }
      var timer = PhaseTimer()
      let analysis = Analysis(dataset)
      timer.mark("analysis")
      let ws = Workspace(
        directory: directory, dataset: dataset, analysis: analysis, journal: journal,
        flags: history.asOf(options.asOfDay))
      ProcessLifetime.keep(ws)
      return ws
    }
  }

  /// Who a new event is by: `--author`, else the login name; in a journal
  /// that records authors itself (a database: the role that writes), the
  /// role, and `--author` naming anyone else is refused before anything is
  /// written.
  func author(given: String?) throws(BatchError) -> String {
    guard let db = journal as? PostgresJournal else { return given ?? LoginName.current() }
    let role: String
    do throws(PostgresFailure) {
      role = try db.role()
    } catch {
      throw BatchError("not saved: \(error.explained(for: db.location, writing: true))")
    }
    if let given, given != role {
      throw BatchError(
        "--author \(quotedForMessage(given)) is refused: \(db.location) records as author the database role that writes each event (\(role)); nothing was written"
      )
    }
    return role
  }

  /// The active flags resolved against the dataset.
  var flagSet: FlagSet { flags.activeSet(in: dataset) }

  /// Every problem of a failed load, then a pointer to `validate`.
  static func describe(_ failure: LoadFailure, limit: Int = 20) -> String {
    let errors = failure.errors
    var lines = [
      "cannot load \(failure.directory): \(failure.problems.errorCount) error\(failure.problems.errorCount == 1 ? "" : "s")"
    ]
    for p in errors.prefix(limit) { lines.append("  \(p)") }
    if failure.problems.errorCount > limit {
      lines.append(
        "  … and \(failure.problems.errorCount - limit) more; run: stpdash validate --data \(failure.directory)")
    }
    return lines.joined(separator: "\n")
  }

  /// Resolves a footprint given by code or an unambiguous piece of its name.
  func footprint(_ query: String) throws(BatchError) -> FootprintID {
    let found = dataset.findFootprints(query)
    if found.count == 1 { return found[0] }
    if found.isEmpty {
      throw BatchError("no footprint matches \(quotedForMessage(query)); try a code like E54000027 or part of a name")
    }
    let names = found.prefix(8).map { "\(dataset.footprints[$0].code) \(dataset.footprints[$0].name)" }
    throw BatchError(
      "\(quotedForMessage(query)) matches \(found.count) footprints: \(names.joined(separator: "; "))\(found.count > 8 ? "; …" : ""). Be more specific."
    )
  }

  /// Resolves an organisation given by code or an unambiguous piece of its name.
  func organisation(_ query: String) throws(BatchError) -> OrganisationID {
    let found = dataset.findOrganisations(query)
    if found.count == 1 { return found[0] }
    if found.isEmpty {
      throw BatchError("no organisation matches \(quotedForMessage(query)); give its code (for example E09000009)")
    }
    let names = found.prefix(8).map { "\(dataset.organisations[$0].code) \(dataset.organisations[$0].name)" }
    throw BatchError(
      "\(quotedForMessage(query)) matches \(found.count) organisations: \(names.joined(separator: "; "))\(found.count > 8 ? "; …" : ""). Give a code."
    )
  }
}

/// Runs a batch command body, turning a ``BatchError`` into a message and exit code.
func runBatch(_ body: () throws(BatchError) -> Void) throws {
  do throws(BatchError) {
    try body()
  } catch {
    Console.error("stpdash: \(error.message)")
    throw ExitCode(error.exitCode)
  }
}
