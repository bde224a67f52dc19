import DashModel

/// One footprint: its facts, figures and members.
enum FootprintReport {
  static func facts(
    _ f: Int, analysis: Analysis, league: LeagueRow, delivery: Delivery, unicode: Bool
  ) -> [(String, String)] {
    let d = analysis.dataset
    let fp = d.footprints[f]
    let dash = unicode ? "—" : "--"
    let ill = league.illustrativeColumns
    var leader = fp.leader ?? dash
    if let role = fp.leaderRole { leader += fp.leader == nil ? "" : ", " + role }
    if fp.leader == nil, let role = fp.leaderRole { leader = role }
    let s = league.alignment
    let bal = analysis.footprintTrajectories[f].delivering(delivery).planBalanceYear
    return [
      ("Code", fp.code),
      ("Region", fp.region.name),
      ("Leader", leader),
      ("Rating", fp.rating.map { "\($0.name) (July 2017)" } ?? dash),
      (
        "Population",
        fp.population.map { Figures.marked(NumberFormat.grouped($0), fp.populationBasis == .illustrative) } ?? dash
      ),
      (
        "Do-nothing 2020/21",
        Figures.marked("£" + Figures.money(league.doNothing, unicode: unicode) + "m", ill.contains(.doNothing))
      ),
      (
        "Plan 2020/21",
        Figures.marked("£" + Figures.money(league.plan, unicode: unicode) + "m", ill.contains(.plan))
          + "  at \(delivery.percent)% delivery"
      ),
      (
        "Savings",
        Figures.marked(Figures.percent(league.savingsPercent, unicode: unicode), ill.contains(.savingsPercent))
          + " of the do-nothing gap"
      ),
      ("Gap per head", Figures.marked("£" + Figures.pounds(league.perHead, unicode: unicode), ill.contains(.perHead))),
      (
        "Balance", bal.map { "the plan reaches balance in \($0.label)" } ?? "the plan does not reach balance by 2020/21"
      ),
      (
        "Alignment",
        Stance.allCases.map { "\(s.count($0)) \($0.code)" }.joined(separator: ", ") + " (\(s.total) members)"
      ),
      (
        "Flagged",
        "\(league.flagged); savings at risk "
          + Figures.marked("£" + Figures.money(league.atRisk, unicode: unicode) + "m", ill.contains(.atRisk))
      ),
    ]
  }

  static func membersTable(_ rows: [MemberRow], unicode: Bool) -> TextTable {
    var t = TextTable(columns: [
      .init(title: "Organisation", priority: 0, flexible: true, minWidth: 16),
      .init(title: "Code", priority: 5),
      .init(title: "Kind", priority: 3),
      .init(title: "Share", rightAligned: true, priority: 4),
      .init(title: "Stance", priority: 1),
      .init(title: "Flag", priority: 2),
      .init(title: "Savings £m", rightAligned: true, priority: 2),
    ])
    t.rows = rows.map { r in
      [
        r.name, r.code, r.kind.label, NumberFormat.fixed(r.share, decimals: 2),
        Figures.marked(r.stance.code, r.stanceIllustrative),
        r.flagged ? "FLAGGED" : "", Figures.marked(Figures.money(r.savings, unicode: unicode), r.illustrative),
      ]
    }
    return t
  }

  static func csv(_ f: Int, rows: [MemberRow], dataset: Dataset) -> String {
    var out = CSVWriter.header([
      "footprint", "org", "name", "kind", "share", "stance", "stance_basis", "flagged", "planned_savings_2020_21_gbp_m",
      "basis",
    ])
    let code = dataset.footprints[f].code
    for r in rows {
      out += CSVWriter.record([
        .text(code), .text(r.code), .text(VisibleText.sanitize(r.name)), .text(r.kind.rawValue), .number(r.share),
        .text(r.stance.code), .text(r.stanceIllustrative ? "illustrative" : (r.stance == .unknown ? "" : "reported")),
        .text(r.flagged ? "true" : "false"), .number(Figures.rounded(r.savings, 3)),
        .text(r.illustrative ? "illustrative" : "reported"),
      ])
    }
    return out
  }

  static func json(
    _ f: Int, analysis: Analysis, league: LeagueRow, rows: [MemberRow], delivery: Delivery
  ) -> String {
    let fp = analysis.dataset.footprints[f]
    let t = analysis.footprintTrajectories[f].delivering(delivery)
    var pairs = LeagueReport.json(league)
    if case .object(let p) = pairs { pairs = .object(p.filter { $0.0 != "rank" }) }
    return JSONValue.object([
      ("code", .string(fp.code)), ("name", .string(fp.name)), ("region", .string(fp.region.name)),
      ("leader", .string(fp.leader)), ("leader_role", .string(fp.leaderRole)), ("population", .integer(fp.population)),
      ("population_basis", .string(fp.populationBasis.code)), ("rating", .string(fp.rating?.name)),
      ("source", .string(fp.source)), ("delivery_pct", .integer(delivery.percent)), ("figures_2020_21", pairs),
      ("trajectory", TrajectoryReport.json(t)),
      (
        "members",
        .array(
          rows.map { r in
            .object([
              ("org", .string(r.code)), ("name", .string(r.name)), ("kind", .string(r.kind.rawValue)),
              ("share", .number(r.share)), ("stance", .string(r.stance.code)),
              ("stance_illustrative", .bool(r.stanceIllustrative)), ("flagged", .bool(r.flagged)),
              ("planned_savings_2020_21_gbp_m", .number(Figures.rounded(r.savings, 3))),
              ("illustrative", .bool(r.illustrative)),
            ])
          })
      ),
    ]).rendered() + "\n"
  }
}
