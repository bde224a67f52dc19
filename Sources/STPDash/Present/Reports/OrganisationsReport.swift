import DashModel

/// Every organisation as one view: those the filter keeps, in the sort's
/// order, with England's and each kind's totals. The Organisations screen,
/// `e` on it and `stpdash orgs` show it.
struct OrganisationsReport: Report {
  /// The organisations shown, in order.
  var lines: [OrganisationLine]
  /// How many there are before the filter.
  var total: Int
  var analysis: Analysis
  var delivery: DeliveryScheme
  var sort: OrganisationColumn
  var ascending: Bool
  var context: ExportContext

  var name: String { "organisations" }
  var count: Int { lines.count }

  /// The context a cell needs.
  func cellContext(
    glyphs g: Glyphs, unsaved: @escaping (OrganisationLine) -> Bool = { _ in false }
  )
    -> OrganisationContext
  {
    OrganisationContext(glyphs: g, analysis: analysis, delivery: delivery, unsaved: unsaved)
  }

  /// The table of some lines (the screen draws those in view), the totals over all of them below.
  func table(
    _ shown: ArraySlice<OrganisationLine>, glyphs g: Glyphs, totals: Bool = true,
    unsaved: @escaping (OrganisationLine) -> Bool = { _ in false }
  ) -> Table {
    OrganisationsPresenter.table(
      shown, totalsOf: totals ? lines : nil, context: cellContext(glyphs: g, unsaved: unsaved))
  }

  func csv() -> String {
    TableExport.csv(table(lines[...], glyphs: Glyphs(unicode: true), totals: false), context: context)
  }

  func json() -> String {
    let t = table(lines[...], glyphs: Glyphs(unicode: true), totals: false)
    return JSONValue.object(
      [
        ("sort", .string(sort.key)), ("ascending", .bool(ascending)),
        ("delivery_pct", .integer(delivery.uniform?.percent ?? Delivery.full.percent)),
      ] + context.json + [("organisations", .array(t.rows.map { TableExport.json($0, in: t) }))]
    ).rendered() + "\n"
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    let t = table(lines[...], glyphs: g)
    var out = TextTable(t).render(width: width, glyphs: g)
    out.append("")
    let dir = ascending ? "smallest first" : "largest first"
    out.append(
      "\(lines.count) of \(total) organisations, sorted by \(sort.meaning) (\(dir)). Money in £m, 2020/21, plans at \(delivery.phrase)."
    )
    if !context.filter.isEmpty { out.append("Filter: \(context.filter).") }
    out += context.refusalSentences
    out.append(
      "\(g.pivotal) pivotal: its planned savings exceed the margin of a footprint whose plan balances, so its refusal alone would stop that plan balancing."
    )
    if t.hasIllustrative { out.append(Figures.illustrativeNote) }
    return out
  }
}
