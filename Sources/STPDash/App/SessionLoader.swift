import DashModel

/// Loads a data directory and its flag journal into a ``Session``.
enum SessionLoader {
  static func load(directory: String, journalPath: String) -> Result<Session, LoadFailure> {
    switch DatasetLoader.load(directory: directory) {
    case .failure(let f): return .failure(f)
    case .success(let dataset):
      let journal = FlagStores.open(journalPath)
      var warnings = dataset.warnings
      var history = FlagHistory()
      switch journal.read() {
      case .success(let h):
        history = h
        warnings += h.problems
      case .failure(let e):
        warnings.append(Problem(file: journal.name, message: "cannot be read: \(e.reason)", severity: .warning))
      }
      return .success(
        Session(directory: directory, dataset: dataset, journalPath: journalPath, saved: history, warnings: warnings))
    }
  }
}
