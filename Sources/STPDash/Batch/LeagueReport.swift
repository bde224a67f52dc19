import DashModel

/// The league as a text table, CSV or JSON: the presenter's table, printed.
enum LeagueReport {
  static func table(_ rows: [LeagueRow], total: LeagueRow, sorted: LeagueColumn? = nil, glyphs g: Glyphs) -> Table {
    LeaguePresenter.table(rows, total: total, footprintCount: rows.count, sorted: sorted, glyphs: g)
  }

  /// One CSV record per row (the total is not included).
  static func csv(_ rows: [LeagueRow], context: ExportContext? = nil) -> String {
    let g = Glyphs(unicode: true)
    let columns = Table(columns: LeaguePresenter.columns(rows: rows.count))
    return TableExport.csv(
      columns,
      rows: rows.indices.lazy.map {
        Table.Row(key: rows[$0].footprint, cells: LeaguePresenter.cells(rows[$0], glyphs: g, display: false))
      },
      context: context)
  }

  /// The whole league as JSON, with the settings that produced it.
  static func json(
    _ rows: [LeagueRow], england: LeagueRow, sort: LeagueColumn, ascending: Bool, region: Region?,
    delivery: Delivery, context: ExportContext? = nil
  ) -> String {
    let t = table(rows, total: england, glyphs: Glyphs(unicode: true))
    let total = t.footer.first.map { TableExport.json($0, in: t, leaving: ["rank", "rating"]) } ?? .null
    return JSONValue.object(
      [
        ("sort", .string(sort.key)), ("ascending", .bool(ascending)), ("region", .string(region?.name)),
        ("delivery_pct", .integer(delivery.percent)),
      ] + (context?.json ?? []) + [
        ("footprints", .array(t.rows.map { TableExport.json($0, in: t) })), ("england", total),
      ]
    ).rendered() + "\n"
  }
}
