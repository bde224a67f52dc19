import DashModel

/// One footprint as text, CSV or JSON: the presenter's facts and members table, printed.
enum FootprintReport {
  /// The facts as aligned `label  value` lines.
  static func factLines(_ facts: [Fact], width: Int, glyphs g: Glyphs) -> [String] {
    let labelWidth = facts.map { DisplayWidth.width(of: $0.label) }.max() ?? 0
    return facts.map { fact in
      DisplayWidth.truncate(
        DisplayWidth.pad(fact.label, to: labelWidth) + "  " + VisibleText.sanitize(fact.value), to: width,
        ellipsis: g.ellipsis)
    }
  }

  static func csv(_ f: FootprintID, rows: [MemberRow], dataset: Dataset, context: ExportContext? = nil) -> String {
    TableExport.csv(
      FootprintPresenter.members(rows, footprint: dataset.footprints[f].code, glyphs: Glyphs(unicode: true)),
      context: context)
  }

  static func json(
    _ f: FootprintID, analysis: Analysis, league: LeagueRow, rows: [MemberRow], delivery: Delivery,
    context: ExportContext? = nil
  ) -> String {
    let fp = analysis.dataset.footprints[f]
    let t = analysis.footprintTrajectories[f].delivering(delivery)
    let g = Glyphs(unicode: true)
    let leagueTable = LeaguePresenter.table([league], total: nil, footprintCount: 1, glyphs: g)
    let figures = leagueTable.rows.first.map { TableExport.json($0, in: leagueTable, leaving: ["rank"]) } ?? .null
    let members = FootprintPresenter.members(rows, footprint: fp.code, glyphs: g)
    return JSONValue.object(
      [
        ("code", .string(fp.code)), ("name", .string(fp.name)), ("region", .string(fp.region.name)),
        ("leader", .string(fp.leader)), ("leader_role", .string(fp.leaderRole)),
        ("population", .integer(fp.population)),
        ("population_basis", .string(fp.populationBasis.code)), ("rating", .string(fp.rating?.name)),
        ("source", .string(fp.source)), ("delivery_pct", .integer(delivery.percent)),
      ] + (context?.json ?? []) + [
        ("figures_2020_21", figures),
        ("trajectory", TrajectoryReport.json(t)),
        ("members", .array(members.rows.map { TableExport.json($0, in: members) })),
      ]
    ).rendered() + "\n"
  }
}
