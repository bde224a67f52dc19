import DashModel

/// Flag events as one view: the active flags (newest first) or the whole
/// journal (oldest first). The Flags screen, `e` on it and `stpdash flags`
/// show it.
struct FlagsReport: Report {
  var events: [FlagEvent]
  var dataset: Dataset
  /// The whole history (flags and unflags) rather than the active flags.
  var all: Bool
  /// Where the journal is, as the user named it.
  var journal: String
  var context: ExportContext

  var name: String { all ? "flag-history" : "flags" }
  var count: Int { events.count }

  /// The events' table; `unsaved` marks those not yet on disk.
  func table(showEvent: Bool? = nil, unsaved: @escaping (FlagEvent) -> Bool = { _ in false }) -> Table {
    FlagsPresenter.table(events, dataset: dataset, showEvent: showEvent ?? true, unsaved: unsaved)
  }

  func csv() -> String { TableExport.csv(table(), context: context) }

  func json() -> String {
    let t = table()
    return JSONValue.object(
      [("history", .bool(all))] + context.json + [("flags", .array(t.rows.map { TableExport.json($0, in: t) }))]
    ).rendered() + "\n"
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    if events.isEmpty {
      return [all ? "No flags have been recorded in \(journal)." : "No active flags (\(journal))."]
    }
    var lines = TextTable(table(showEvent: all)).render(width: width, glyphs: g)
    lines.append("")
    lines.append(
      all
        ? "\(events.count) events in \(journal)"
        : "\(events.count) active flag\(events.count == 1 ? "" : "s") in \(journal)")
    if !context.filter.isEmpty { lines.append("Filter: \(context.filter).") }
    return lines
  }
}
