import DashModel

/// One footprint as one view: its facts, its figures as the league has
/// them, and its members in the list's order. The Footprint screen, `e` on
/// it, and `stpdash footprint` show it.
struct FootprintReport: Report {
  var footprint: FootprintID
  var analysis: Analysis
  /// Its row of the league at the settings.
  var row: LeagueRow
  /// Its members, filtered and sorted as the list shows them.
  var members: [MemberRow]
  /// The footprint's own delivery setting.
  var delivery: Delivery
  /// The refusals counted.
  var refusals: Refusals
  var context: ExportContext
  /// Where its do-nothing gap stands among the footprints'.
  var bands: GapBands

  var name: String { "footprint-\(analysis.dataset.footprints[footprint].code)" }
  var count: Int { members.count }

  /// The facts, as the screen's grid and the text list them.
  func facts(glyphs g: Glyphs, wide: Bool = true) -> [Fact] {
    FootprintPresenter.facts(
      footprint, analysis: analysis, league: row, refusals: refusals, delivery: delivery,
      band: bands.band(row.doNothing), glyphs: g, wide: wide)
  }

  /// The members' table (of those in view, on screen).
  func table(
    _ shown: ArraySlice<MemberRow>? = nil, glyphs g: Glyphs, unsaved: @escaping (MemberRow) -> Bool = { _ in false }
  ) -> Table {
    FootprintPresenter.members(shown ?? members[...], context: MemberContext(glyphs: g, unsaved: unsaved))
  }

  func csv() -> String { TableExport.csv(table(glyphs: Glyphs(unicode: true)), context: context) }

  func json() -> String {
    let fp = analysis.dataset.footprints[footprint]
    let t = analysis.footprintTrajectories[footprint].delivering(delivery)
    let g = Glyphs(unicode: true)
    let league = LeagueColumns.all(footprints: 1)
    let strongest = LeagueReport.strongest([row], analysis: analysis, delivery: .uniform(delivery), refusals: refusals)
    let leagueTable = Table(
      league, rows: [row], key: { $0.footprint }, context: LeagueContext(glyphs: g, strongest: strongest))
    let figures = leagueTable.rows.first.map { TableExport.json($0, in: leagueTable, leaving: ["rank"]) } ?? .null
    let members = table(glyphs: g)
    return JSONValue.object(
      [
        ("code", .string(fp.code)), ("name", .string(fp.name)), ("region", .string(fp.region.name)),
        ("leader", .string(fp.leader)), ("leader_role", .string(fp.leaderRole)),
        ("population", .integer(fp.population)),
        ("population_basis", .string(fp.populationBasis.code)), ("rating", .string(fp.rating?.name)),
        ("source", .string(fp.source)), ("delivery_pct", .integer(delivery.percent)),
      ] + DisputeWords.json(footprint, dataset: analysis.dataset) + context.json + [
        ("figures_2020_21", figures),
        ("trajectory", TrajectoryReport.json(t)),
        ("members", .array(members.rows.map { TableExport.json($0, in: members) })),
      ]
    ).rendered() + "\n"
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    let fp = analysis.dataset.footprints[footprint]
    var lines = [VisibleText.sanitize(fp.name), ""]
    lines += Self.factLines(facts(glyphs: g), width: width, glyphs: g)
    lines += ["", "Members (\(members.count))"]
    lines += TextTable(table(glyphs: g)).render(width: width, glyphs: g)
    lines += [""]
    let plan = analysis.blocking(footprint: footprint, delivery: delivery, refusals: refusals)
    lines += ProvenancePresenter.footprint(footprint, analysis: analysis, row: row, plan: plan, glyphs: g).dropFirst()
      .flatMap { $0.wrapped(to: width) }.map { g.text($0.text) }
    if members.contains(where: { $0.pivotal || $0.refusing }) {
      lines += [""] + MeasureWords.legend(glyphs: g).flatMap { DetailLine.wrap($0, width: width) }
    }
    if row.illustrative || members.contains(where: \.illustrative) { lines += ["", Figures.illustrativeNote] }
    if !row.caveatColumns.isEmpty { lines.append(Figures.caveatNote) }
    return lines
  }

  /// The facts as aligned `label  value` lines, each value wrapped under itself (never cut).
  static func factLines(_ facts: [Fact], width: Int, glyphs g: Glyphs) -> [String] {
    let labelWidth = facts.map { DisplayWidth.width(of: $0.label) }.max() ?? 0
    let indent = String(repeating: " ", count: labelWidth + 2)
    return facts.flatMap { fact in
      DetailLine.wrap(fact.value, width: max(9, width - labelWidth - 2)).enumerated().map { i, piece in
        (i == 0 ? DisplayWidth.pad(fact.label, to: labelWidth) + "  " : indent) + piece
      }
    }
  }
}
