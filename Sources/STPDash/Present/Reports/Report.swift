import DashModel

/// One view built once from its inputs — its table, caption and facts, and
/// the settings that produced it. The screen draws it, `e` writes its CSV or
/// JSON, and the batch command prints one of its three forms, so an export
/// is byte for byte what the command prints for the same view.
protocol Report {
  /// What an export of it is called by default (`league`, `footprint-E54000027`).
  var name: String { get }
  /// How many records its CSV holds.
  var count: Int { get }
  /// One record per row; the settings as the last columns of every record.
  func csv() -> String
  /// The same in pieces of whole records, handed over as they are made.
  func csv(into give: (String) -> Void)
  /// One object, the settings as keys.
  func json() -> String
  /// Plain text lines at most `width` columns wide.
  func text(width: Int, glyphs: Glyphs) -> [String]
}

extension Report {
  /// A report small enough to make whole gives its CSV in one piece.
  func csv(into give: (String) -> Void) { give(csv()) }

  /// The view in a format, as a command prints it and `e` writes it.
  func rendered(_ format: OutputFormat, width: Int, glyphs: Glyphs) -> String {
    switch format {
    case .csv: csv()
    case .json: json()
    case .table:
      text(width: width, glyphs: glyphs).joined(separator: "\n") + "\n"
    }
  }
}
