import DashModel

/// What `e` makes of the current view, when it is pressed: both forms (the
/// file name chosen decides which is written), a name, and how many records.
struct ExportContent: Equatable {
  var name: String
  var csv: String
  var json: String
  var rows: Int

  /// The view as it stands.
  init(_ report: Report) {
    name = report.name
    // As a batch command prints it: line ends kept, any other control made visible.
    csv = VisibleText.sanitizeLines(report.csv())
    json = VisibleText.sanitizeLines(report.json())
    rows = report.count
  }

  /// The text for a file name: JSON when it ends in `.json`, CSV otherwise.
  func text(for path: String) -> String { path.lowercased().hasSuffix(".json") ? json : csv }
}
