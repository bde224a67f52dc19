import DashModel

/// The league as one view: the footprints shown (in league order), their
/// total, and the settings that produced them. The League screen draws its
/// table, `e` on it and `stpdash league` print it.
struct LeagueReport: Report {
  var rows: [LeagueRow]
  /// England's total, or the region's (made only where it is shown: not for CSV).
  var total: () -> LeagueRow
  var sort: LeagueColumn
  var ascending: Bool
  var region: Region?
  var delivery: DeliveryScheme
  /// The refusals counted (for the power to block, which CSV and JSON carry).
  var refusals: Refusals
  var context: ExportContext
  /// How many footprints the data has (the rank column's width).
  var footprints: Int
  var bands: GapBands
  var analysis: Analysis

  var name: String { "league" }
  var count: Int { rows.count }

  /// The rows of a ranked league that a region and a filter keep (their ranks kept).
  static func visible(_ ranked: [LeagueRow], region: Region?, filter: FilterQuery?) -> [LeagueRow] {
    let rows = LeagueTable.filter(ranked, region: region)
    guard let filter, !filter.isEmpty else { return rows }
    return rows.filter { filter.matches(.footprint($0)) }
  }

  /// The total's name: England's, or the region's.
  static func totalName(_ region: Region?) -> String { region.map { "\($0.name) total" } ?? England.name }

  /// The context a cell needs, with the plan's path when `path` (the sparkline).
  func cellContext(glyphs g: Glyphs, display: Bool = true, path: Bool = false) -> LeagueContext {
    let a = analysis
    let scheme = delivery
    return LeagueContext(
      glyphs: g, display: display, bands: bands,
      path: path
        ? { r in
          r.footprint.map { a.trajectory(footprint: $0, delivery: scheme).line(.plan).map(\.value) }
            ?? []
        }
        : nil)
  }

  /// The table of some rows (the screen draws only those in view), the
  /// total as its footer; the column sorted by stays on screen however narrow.
  func table(
    _ shown: ArraySlice<LeagueRow>, glyphs g: Glyphs, footer: Bool = true, path: Bool = false,
    strongest: ((FootprintID) -> (power: Double, holder: String)?)? = nil
  ) -> Table {
    var cells = cellContext(glyphs: g, path: path)
    cells.strongest = strongest
    var t = Table(LeagueColumns.all(footprints: footprints), rows: shown, key: { $0.footprint }, context: cells)
    if let i = t.column(sort.csvHeader) { t.columns[i].priority = min(t.columns[i].priority, 1) }
    if footer {
      t.footer = [
        Table.row(total(), LeagueColumns.all(footprints: footprints), key: nil, context: cellContext(glyphs: g))
      ]
    }
    return t
  }

  func csv() -> String {
    var text = ""
    csv { text += $0 }
    return text
  }

  func csv(into give: (String) -> Void) {
    // Row by row, no text formatted, handed over in pieces: a
    // national-scale league is never held as a table, nor its CSV whole.
    var cells = cellContext(glyphs: Glyphs(unicode: true), display: false)
    cells.strongest = Self.strongest(rows, analysis: analysis, delivery: delivery, refusals: refusals)
    TableExport.csv(
      LeagueColumns.all(footprints: rows.count), rows: rows, cellContext: cells, context: context, into: give)
  }

  /// The member with the most power to block each row's plan, counted once
  /// per row (on two threads for a large league), for CSV and JSON.
  static func strongest(
    _ rows: [LeagueRow], analysis a: Analysis, delivery scheme: DeliveryScheme, refusals: Refusals
  ) -> (FootprintID) -> (power: Double, holder: String)? {
    let d = a.dataset
    let found = Parallel.map(rows.count, cost: 2_000) { i -> (index: Int, power: Double, holder: String)? in
      guard let f = rows[i].footprint, (rows[i].marginWithRefusals ?? -1) >= 0,
        let top = a.strongestBlocker(footprint: f, delivery: scheme.delivery(footprint: f, in: a), refusals: refusals),
        top.power > 0
      else { return nil }
      return (f.index, top.power, d.organisations.name(of: d.memberships[top.member].org))
    }
    var byFootprint: [Int: (power: Double, holder: String)] = [:]
    for case let entry? in found { byFootprint[entry.index] = (entry.power, entry.holder) }
    return { byFootprint[$0.index] }
  }

  func json() -> String {
    let t = table(
      rows[...], glyphs: Glyphs(unicode: true),
      strongest: Self.strongest(rows, analysis: analysis, delivery: delivery, refusals: refusals))
    let totalJSON = t.footer.first.map { TableExport.json($0, in: t, leaving: ["rank", "rating"]) } ?? .null
    return JSONValue.object(
      [
        ("sort", .string(sort.key)), ("ascending", .bool(ascending)), ("region", .string(region?.name)),
        ("delivery_pct", .integer(delivery.uniform?.percent ?? Delivery.full.percent)),
      ] + context.json + [
        ("footprints", .array(t.rows.map { TableExport.json($0, in: t) })), ("england", totalJSON),
      ]
    ).rendered() + "\n"
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    var lines = TextTable(table(rows[...], glyphs: g)).render(width: width, glyphs: g)
    lines.append("")
    let dir = ascending ? "smallest first" : "largest first"
    let scope = region.map { "\($0.name) footprints, " } ?? ""
    lines += DetailLine(
      text: "\(scope)sorted by \(sort.meaning) (\(dir)). Money in £m, 2020/21, plans at \(delivery.phrase).",
      indent: 0
    ).wrapped(to: width).map(\.text)
    lines += context.refusalSentences
    if !context.filter.isEmpty { lines.append("Filter: \(context.filter) (\(rows.count) kept).") }
    if rows.contains(where: \.illustrative) { lines.append(Figures.illustrativeNote) }
    if rows.contains(where: { !$0.caveatColumns.isEmpty }) {
      lines += DetailLine(text: Figures.caveatNote, indent: 0).wrapped(to: width).map(\.text)
    }
    return lines
  }

  /// The league column under a screen column of a league `width` wide, if any.
  static func column(
    at x: Int, width: Int, rows: Int, sorted: LeagueColumn? = nil, hidden: Set<String> = [], offset: Int = 0
  ) -> LeagueColumn? {
    var t = Table(columns: LeagueColumns.all(footprints: rows).map(\.spec))
    if let sorted, let i = t.column(sorted.csvHeader) { t.columns[i].priority = min(t.columns[i].priority, 1) }
    let layout = TableLayout(t, width: width, pinned: sorted?.csvHeader, hidden: hidden, offset: offset)
    guard let i = layout.column(at: x) else { return nil }
    return LeagueColumn.allCases.first { $0.csvHeader == t.columns[i].key }
  }
}
