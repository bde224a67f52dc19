import DashModel

/// The league as a table, CSV or JSON.
enum LeagueReport {
  /// The CSV header, one name per league column plus code and basis.
  static let csvColumns: [String] =
    ["rank", "code", "name", "region", "members"]
    + [LeagueColumn.doNothing, .plan, .savingsPercent, .perHead, .aligned, .flagged, .atRisk, .rating].map(\.csvHeader)
    + ["basis"]

  /// One CSV record per row (England's total is not included).
  static func csv(_ rows: [LeagueRow]) -> String {
    var out = CSVWriter.header(csvColumns)
    for r in rows {
      out += CSVWriter.record([
        .integer(r.rank), .text(r.code), .text(VisibleText.sanitize(r.name)), .text(r.region?.name ?? ""),
        .integer(r.members), .number(Figures.rounded(r.doNothing, 3)), .number(Figures.rounded(r.plan, 3)),
        .number(Figures.rounded(r.savingsPercent, 2)), .number(Figures.rounded(r.perHead, 2)),
        .number(Figures.rounded(r.alignedShare, 4)), .integer(r.flagged), .number(Figures.rounded(r.atRisk, 3)),
        .text(r.rating?.name ?? ""), .text(r.illustrative ? "illustrative" : "reported"),
      ])
    }
    return out
  }

  static func json(_ r: LeagueRow) -> JSONValue {
    .object([
      ("rank", .integer(r.rank)), ("code", .string(r.code)), ("name", .string(r.name)),
      ("region", .string(r.region?.name)), ("members", .integer(r.members)),
      ("do_nothing_2020_21_gbp_m", .number(Figures.rounded(r.doNothing, 3))),
      ("plan_2020_21_gbp_m", .number(Figures.rounded(r.plan, 3))),
      ("savings_pct", .number(Figures.rounded(r.savingsPercent, 2))),
      ("gap_per_head_gbp", .number(Figures.rounded(r.perHead, 2))),
      ("aligned_share", .number(Figures.rounded(r.alignedShare, 4))),
      ("stances", .object(Stance.allCases.map { ($0.code, .integer(r.alignment.count($0))) })),
      ("flagged", .integer(r.flagged)), ("savings_at_risk_gbp_m", .number(Figures.rounded(r.atRisk, 3))),
      ("rating", .string(r.rating?.name)),
      (
        "illustrative",
        .array(LeagueColumn.allCases.filter { r.illustrativeColumns.contains($0) }.map { .string($0.csvHeader) })
      ),
    ])
  }

  /// The whole league as JSON, with the settings that produced it.
  static func json(
    _ rows: [LeagueRow], england: LeagueRow, sort: LeagueColumn, ascending: Bool, region: Region?, delivery: Delivery
  ) -> String {
    var e = json(england)
    if case .object(let pairs) = e { e = .object(pairs.filter { $0.0 != "rank" && $0.0 != "rating" }) }
    return JSONValue.object([
      ("sort", .string(sort.key)), ("ascending", .bool(ascending)), ("region", .string(region?.name)),
      ("delivery_pct", .integer(delivery.percent)), ("footprints", .array(rows.map(json))), ("england", e),
    ]).rendered() + "\n"
  }

  /// The league as an aligned table with England's total as a footer.
  static func table(_ rows: [LeagueRow], england: LeagueRow?, unicode: Bool) -> TextTable {
    var t = TextTable(
      columns: LeagueColumn.allCases.map { c in
        TextTable.Column(
          title: c.title, rightAligned: c.isNumeric || c == .aligned, priority: c.priority, flexible: c == .name,
          minWidth: c == .name ? 22 : 3)
      })
    func cells(_ r: LeagueRow, rank: String) -> [String] {
      let ill = r.illustrativeColumns
      return [
        rank, r.name, r.region?.shortName ?? "", NumberFormat.grouped(r.members),
        Figures.marked(Figures.money(r.doNothing, unicode: unicode), ill.contains(.doNothing)),
        Figures.marked(Figures.money(r.plan, unicode: unicode), ill.contains(.plan)),
        Figures.marked(Figures.percent(r.savingsPercent, unicode: unicode), ill.contains(.savingsPercent)),
        Figures.marked(Figures.pounds(r.perHead, unicode: unicode), ill.contains(.perHead)),
        Figures.share(r.alignedShare, unicode: unicode), String(r.flagged),
        Figures.marked(Figures.money(r.atRisk, unicode: unicode), ill.contains(.atRisk)),
        r.rating?.shortName ?? "",
      ]
    }
    t.rows = rows.map { cells($0, rank: String($0.rank)) }
    if let england { t.footer = [cells(england, rank: "")] }
    return t
  }
}
