import DashModel

/// One footprint, as the Footprint screen and `stpdash footprint` show it:
/// its facts and its members.
enum FootprintPresenter {
  /// The facts, in the order batch output lists them (the screen's grid
  /// takes the grid facts in this order, column by column); without the
  /// full-width ones unless `wide` (the screen keeps those apart).
  static func facts(
    _ f: FootprintID, analysis: Analysis, league row: LeagueRow, refusals: Refusals, delivery: Delivery, band: Int,
    glyphs g: Glyphs, wide: Bool = true
  ) -> [Fact] {
    let plan = analysis.blocking(footprint: f, delivery: delivery, refusals: refusals)
    let fp = analysis.dataset.footprints[f]
    let ill = row.illustrativeColumns
    func mark(_ c: LeagueColumn) -> String { Figures.mark(row.standing(c)) }
    func basis(_ c: LeagueColumn) -> Basis { ill.contains(c) ? .illustrative : .reported }
    func money(_ v: Double?) -> String { g.pound + Figures.money(v, unicode: g.unicode) + "m" }
    var leader = fp.leader ?? g.dash
    if let role = fp.leaderRole { leader = fp.leader == nil ? role : "\(leader), \(role)" }
    let balance = analysis.footprintTrajectories[f].delivering(delivery).planBalanceYear
    let why = RefusalWords.reasons(plan, refusals: refusals, in: analysis.dataset)
    let s = row.alignment
    var realism = Figures.percent(row.neededPercent, unicode: g.unicode) + mark(.needed)
    if let o = row.observed {
      realism +=
        "; did \(Figures.percent(o.percent, unicode: g.unicode))\(o.illustrative ? Figures.illustrativeMark : "") \(o.year.shortLabel)"
    } else {
      realism += "; no outturn"
    }
    let veto =
      row.vetoShare.map { share in
        Figures.percent(share * 100, unicode: g.unicode) + mark(.veto) + " " + (row.vetoHolder ?? "")
      } ?? g.dash
    return [
      Fact(label: "Code", value: fp.code, meaning: "ONS code of the footprint", place: .title),
      Fact(label: "Region", value: fp.region.name, meaning: "NHS England region, 2016/17", place: .title),
      Fact(
        label: "Do-nothing", value: money(row.doNothing) + mark(.doNothing) + " 2020/21",
        meaning: LeagueColumn.doNothing.meaning, basis: basis(.doNothing), tone: Meaning.gap(row, band: band)),
      Fact(
        label: "Plan", value: money(row.plan) + mark(.plan) + " at \(delivery.percent)%",
        meaning: LeagueColumn.plan.meaning + " (at the delivery % shown)", basis: basis(.plan),
        tone: Meaning.plan(row)),
      Fact(
        label: "Savings",
        value: Figures.percent(row.savingsPercent, unicode: g.unicode) + mark(.savingsPercent) + ", "
          + (balance.map { "balance \($0.label)" } ?? "no balance"),
        meaning: LeagueColumn.savingsPercent.meaning + ", and the first year the plan balances (if it does by 2020/21)",
        basis: basis(.savingsPercent)),
      Fact(
        label: "At risk",
        value: money(row.atRisk) + mark(.atRisk) + (why.isEmpty ? "" : " (\(why.joined(separator: ", ")))"),
        meaning: LeagueColumn.atRisk.meaning, basis: basis(.atRisk), tone: Meaning.atRisk(row)),
      Fact(
        label: "Needed", value: realism,
        meaning: LeagueColumn.needed.meaning + "; and " + LeagueColumn.delivered.meaning,
        basis: basis(.needed), tone: (row.neededPercent ?? 0) > 100 ? .bad : .normal),
    ]
      + (wide
        ? RefusalWords.facts(
          f, analysis: analysis, row: row, plan: plan, refusals: refusals, delivery: delivery, glyphs: g)
          + DisputeWords.facts(f, dataset: analysis.dataset) : []) + [
        Fact(label: "Veto", value: veto, meaning: LeagueColumn.veto.meaning, basis: basis(.veto)),
        Fact(label: "Leader", value: leader, meaning: "the footprint's named leader and role, March 2016"),
        Fact(
          label: "DHSC loans",
          value: row.loans.map { value in
            money(value) + " " + (row.loansYear?.shortLabel ?? "")
              + (row.loansChange.map {
                " (" + ($0 >= 0 ? "+" : "") + Figures.money($0, unicode: g.unicode) + " since 16/17)"
              } ?? "")
          } ?? g.dash,
          meaning: LeagueColumn.loans.meaning + ", and the change since 2016/17 (a measure of distress, not a deficit)",
          basis: row.loans == nil ? nil : .reported, tone: (row.loansChange ?? 0) > 0 ? .warn : .normal),
        Fact(
          label: "Rating", value: DisputeWords.rating(fp, glyphs: g),
          meaning: LeagueColumn.rating.meaning, basis: fp.rating == nil ? nil : .reported,
          tone: Meaning.rating(fp.rating)),
        Fact(
          label: "Population",
          value: (fp.population.map {
            NumberFormat.grouped($0)
              + (fp.populationBasis == .illustrative
                ? Figures.illustrativeMark : (fp.populationCaveat ? Figures.caveatMark : ""))
          } ?? g.dash) + ", " + g.pound + Figures.pounds(row.perHead, unicode: g.unicode) + mark(.perHead) + "/head",
          meaning: "resident population, and the " + LeagueColumn.perHead.meaning,
          basis: fp.population == nil
            ? nil : (fp.populationBasis == .illustrative || ill.contains(.perHead) ? .illustrative : .reported)),
        Fact(
          label: "Alignment",
          value: Stance.allCases.map { "\(s.count($0)) \($0.code)" }.joined(separator: ", ") + " (\(s.total) members)",
          meaning: "member bodies by stance", place: .bar),
      ]
  }

  /// The members table's columns, each defined once.
  static var memberColumns: [ColumnDefinition<MemberRow, MemberContext>] {
    [
      .data("footprint", "Footprint", outputs: .csv) { .text($0.footprintCode) },
      .text(
        "name", MemberColumn.name.title, priority: 0, width: .flexible(min: 23, extra: 999), textMinimum: 16,
        textFlexible: true, tone: { $0.flagged ? .flag : .normal }
      ) { $0.name },
      .text("org", "Code", priority: 5, width: .fixed(9), tone: { _ in .dim }) { $0.code },
      ColumnDefinition(
        "kind", MemberColumn.kind.title, priority: 4, width: .fixed(11), value: { .text($0.kind.rawValue) }
      ) {
        r, _ in Table.Cell(text: r.kind.label, short: r.kind.shortLabel, tone: .dim)
      },
      ColumnDefinition(
        "share", MemberColumn.share.title, align: .right, priority: 4, width: .fixed(6),
        meaning: "the part of the organisation that lies in this footprint (1: all of it)",
        value: { .number($0.share, decimals: 6) }
      ) { r, _ in Table.Cell(text: NumberFormat.fixed(r.share, decimals: 2)) },
      ColumnDefinition(
        "stance", MemberColumn.stance.title, priority: 1, width: .fixed(12), value: { .text($0.stance.code) }
      ) {
        r, _ in
        Table.Cell(
          text: r.stance.code + (r.stanceStanding.map(Figures.mark) ?? ""), tone: Meaning.stance(r.stance))
      },
      .data("stance_basis", "Stance basis") { .text($0.stanceStanding?.label) },
      .data("stance_illustrative", "Stance illustrative", outputs: .json) { .bool($0.stanceIllustrative) },
      .data("stance_date", "Stance date") { .text($0.stanceRecord?.asOf?.iso) },
      .data("stance_source", "Stance source") {
        .text($0.stanceRecord.flatMap { $0.basis == .illustrative ? nil : $0.source })
      },
      .data("stance_source_kind", "Stance source kind") { .text($0.stanceRecord?.sourceKind?.code) },
      .data("stance_caveat", "Stance caveat") { .text($0.stanceRecord?.caveat) },
      ColumnDefinition("flagged", MemberColumn.flag.title, priority: 2, width: .fixed(4), value: { .bool($0.flagged) })
      {
        r, c in
        let pending = c.unsaved(r)
        let g = c.glyphs
        return Table.Cell(
          text: (r.flagged ? g.flag : "") + (r.assumed ? g.assumed : "") + (pending ? "!" : ""),
          tone: pending ? .unsaved : .flag)
      },
      .data("assumed_refusing", "Assumed refusing") { .bool($0.assumed) },
      .data("refusing", "Refusing") { .bool($0.refusing) },
      // Who can block: pivotal, or counted as refusing (never both).
      ColumnDefinition(
        "pivotal", MemberColumn.pivotal.title, priority: 2, width: .fixed(3), value: { .bool($0.pivotal) }
      ) {
        r, c in
        Table.Cell(
          text: r.pivotal ? c.glyphs.pivotal : (r.refusing ? c.glyphs.refusing : ""), tone: r.pivotal ? .bad : .flag)
      },
      ColumnDefinition(
        "blocking_power", MemberColumn.power.title, align: .right, priority: 3, width: .fixed(5),
        meaning:
          "its power to block the plan (Coleman): the share of the coalitions that balance the plan which need it",
        value: { .number($0.power.map { $0 * 100 }, decimals: 2) }
      ) { r, c in
        Table.Cell(
          text: r.power.map { Figures.percent($0 * 100, unicode: c.glyphs.unicode) } ?? c.glyphs.dash,
          basis: r.power == nil ? nil : (r.illustrative ? .illustrative : .reported),
          tone: (r.power ?? 0) >= 1 ? .bad : .normal)
      },
      .data("banzhaf", "Banzhaf") { .number($0.banzhaf.map { $0 * 100 }, decimals: 2) },
      ColumnDefinition(
        "planned_savings_2020_21_gbp_m", MemberColumn.savings.title, align: .right, priority: 2, width: .fixed(10),
        value: { .number($0.savings, decimals: 3) }
      ) { r, c in
        Table.Cell(
          text: Figures.money(r.savings, unicode: c.glyphs.unicode), basis: r.illustrative ? .illustrative : .reported)
      },
      .data("basis", "Basis", outputs: .csv) { .text(Basis(illustrative: $0.illustrative).code) },
      .data("illustrative", "Illustrative", outputs: .json) { .bool($0.illustrative) },
    ]
  }

  /// The members as a table; the context says which have a flag change not yet on disk.
  static func members(_ rows: ArraySlice<MemberRow>, context: MemberContext) -> Table {
    var t = Table(memberColumns, rows: rows, key: { $0.membership }, context: context)
    t.dataOrder = [
      "footprint", "org", "name", "kind", "share", "stance", "stance_basis", "stance_illustrative", "stance_date",
      "stance_source", "stance_source_kind", "stance_caveat", "flagged",
      "assumed_refusing", "refusing", "pivotal", "blocking_power", "banzhaf", "planned_savings_2020_21_gbp_m",
      "basis", "illustrative",
    ]
    return t
  }
}

/// What a member cell needs besides its row.
struct MemberContext {
  var glyphs: Glyphs
  /// Whether a member has a flag change not yet on disk.
  var unsaved: (MemberRow) -> Bool = { _ in false }
}
