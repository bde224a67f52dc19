import DashModel

/// Flags as text, CSV or JSON: the presenter's table, printed.
enum FlagsReport {
  static func csv(_ events: [FlagEvent], dataset: Dataset, context: ExportContext? = nil) -> String {
    TableExport.csv(FlagsPresenter.table(events, dataset: dataset, showEvent: true), context: context)
  }

  static func json(_ events: [FlagEvent], dataset: Dataset) -> String {
    let t = FlagsPresenter.table(events, dataset: dataset, showEvent: true)
    return JSONValue.array(t.rows.map { TableExport.json($0, in: t) }).rendered() + "\n"
  }
}
