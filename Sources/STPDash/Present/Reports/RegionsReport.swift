import DashModel

/// The four regions and England as one view: one record per region in CSV
/// and JSON, the measures down and the regions across on screen and in
/// text. The Regions screen, `e` on it and `stpdash regions` show it.
struct RegionsReport: Report {
  var summaries: [RegionSummary]
  var delivery: DeliveryScheme
  var context: ExportContext

  var name: String { "regions" }
  var count: Int { summaries.count }

  /// The measures down, the regions across.
  func sideBySide(glyphs g: Glyphs) -> Table { RegionsPresenter.sideBySide(summaries, glyphs: g) }

  func csv() -> String {
    TableExport.csv(RegionsPresenter.table(summaries, glyphs: Glyphs(unicode: true)), context: context)
  }

  func json() -> String {
    let t = RegionsPresenter.table(summaries, glyphs: Glyphs(unicode: true))
    return JSONValue.object(
      [("delivery_pct", .integer(delivery.uniform?.percent ?? Delivery.full.percent))] + context.json + [
        ("regions", .array(t.rows.map { TableExport.json($0, in: t) }))
      ]
    ).rendered() + "\n"
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    var lines = TextTable(sideBySide(glyphs: g)).render(width: width, glyphs: g)
    lines.append("")
    lines.append(
      "Money in £m, 2020/21, plans at \(delivery.phrase). \"reported\": the share of the £ (or of the population) that is reported, not illustrative."
    )
    lines.append(RegionsPresenter.powerNote)
    lines += context.refusalSentences
    if summaries.contains(where: { $0.total.illustrative }) { lines.append(Figures.illustrativeNote) }
    lines.append(Figures.caveatNote)
    return lines.map { g.text($0) }
  }
}
