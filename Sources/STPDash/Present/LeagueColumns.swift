import DashModel

/// What a league cell needs besides its row.
struct LeagueContext {
  var glyphs: Glyphs
  var display = true
  /// Where each do-nothing gap stands among the footprints' (its colour).
  var bands = GapBands(gaps: [])
  /// The plan's path to 2020/21 for a row (the sparkline), when shown.
  var path: ((LeagueRow) -> [Double?])? = nil
  /// The member with the most power to block each footprint's plan, and
  /// that power: counted only for the outputs that carry it (CSV, JSON).
  var strongest: ((FootprintID) -> (power: Double, holder: String)?)? = nil
}

/// Where a do-nothing gap stands among the footprints': in the largest
/// quarter, the upper half, or the rest.
struct GapBands: Hashable {
  var median = Double.infinity
  var upper = Double.infinity

  /// Bands from the footprints' gaps as filed.
  init(gaps: [Double]) {
    let sorted = gaps.sorted()
    guard !sorted.isEmpty else { return }
    median = sorted[sorted.count / 2]
    upper = sorted[min(sorted.count - 1, sorted.count * 3 / 4)]
  }

  /// The bands of a dataset's footprints.
  init(_ analysis: Analysis) {
    self.init(gaps: analysis.footprintTrajectories.compactMap { $0.value(.doNothing, FinancialYear.target) })
  }

  /// 2 for the largest quarter, 1 for the upper half, 0 for the rest (or not known).
  func band(_ gap: Double?) -> Int { gap.map { $0 >= upper ? 2 : ($0 >= median ? 1 : 0) } ?? 0 }
}

/// The league's columns, each defined once: header, width, priority, what
/// it means, and its cell. The League screen, `e` on it, and `stpdash
/// league` in every format show these; the map is coloured by their values.
enum LeagueColumns {
  typealias Definition = ColumnDefinition<LeagueRow, LeagueContext>

  /// Every column, screen and data, in order (CSV and JSON follow it).
  static func all(footprints: Int) -> [Definition] {
    var out: [Definition] = []
    for c in LeagueColumn.allCases {
      if c == .flagged { out += stanceCounts }
      out.append(definition(c, footprints: footprints))
      out += companions(c)
    }
    out.append(.data("delivery_pct", "Delivery %") { .integer($0.delivery.percent) })
    out.append(
      .data("basis", "Basis", outputs: .csv) { .text(Basis(illustrative: $0.illustrative).code) })
    out.append(
      .data("illustrative", "Illustrative", outputs: .json) { r in
        .list(LeagueColumn.allCases.filter { r.illustrativeColumns.contains($0) }.map(\.csvHeader))
      })
    return out
  }

  /// The members counted by stance (JSON, under `stances`).
  static var stanceCounts: [Definition] {
    Stance.allCases.map { s in
      Definition(s.code, s.code, outputs: .json, group: "stances", value: { r in .integer(r.alignment.count(s)) })
    }
  }

  /// The data columns that follow a figure: its code, basis, source, year.
  static func companions(_ c: LeagueColumn) -> [Definition] {
    switch c {
    case .rank: [.data("code", "Code") { .text($0.code) }]
    case .name:
      // Where there is room: the plan's path to 2020/21 as a sparkline.
      [
        Definition("trend", "Plan path", priority: 30, width: .fixed(9), outputs: .screen, value: { _ in .none }) {
          r, c in
          Table.Cell(
            text: c.display ? Figures.sparkline(c.path?(r) ?? [], unicode: c.glyphs.unicode) : "", tone: .dim)
        }
      ]
    case .doNothing:
      [
        .data("do_nothing_basis", "Do-nothing basis") { r in
          .text(r.doNothing == nil ? nil : r.standing(.doNothing).label)
        },
        .data("do_nothing_source", "Do-nothing source") { .text($0.doNothingSource) },
        .data("do_nothing_note", "Do-nothing caveat") { .text($0.doNothingNote) },
      ]
    case .perHead:
      [
        .data("population", "Population") { .integer($0.population) },
        .data("population_basis", "Population basis") { r in
          .text(
            r.population == nil
              ? nil
              : (r.populationBasis == .illustrative
                ? FigureStanding.illustrative : (r.populationNote == nil ? .reported : .caveat)).label)
        },
        .data("population_note", "Population caveat") { .text($0.populationNote) },
      ]
    case .delivered: [.data("delivered_year", "Outturn year") { .text($0.observed?.year.label) }]
    case .veto: [.data("veto_holder", "Largest holder") { .text($0.vetoHolder) }]
    case .atRisk: [.data("refusing", "Refusing") { .integer($0.refusing) }]
    case .short:
      [
        .data("margin_with_refusals_gbp_m", "Margin with refusals £m") { .number($0.marginWithRefusals, decimals: 3) },
        .data("balances_as_filed", "Balances as filed") { $0.balancesAsFiled.map(Table.Value.bool) ?? .none },
        .data("balances_with_refusals", "Balances with refusals") {
          $0.balancesWithRefusals.map(Table.Value.bool) ?? .none
        },
      ]
    case .pivotal: [.data("margin_gbp_m", "Margin £m") { .number($0.margin, decimals: 3) }]
    case .blockers:
      [
        Definition(
          "blocking_power_max", "Most power to block", outputs: .data,
          valueIn: { r, c in .number(r.footprint.flatMap { c.strongest?($0) }.map { $0.power * 100 }, decimals: 2) }),
        Definition(
          "blocking_power_holder", "Most power held by", outputs: .data,
          valueIn: { r, c in .text(r.footprint.flatMap { c.strongest?($0) }?.holder) }),
      ]
    case .loans:
      [
        .data("dhsc_loans_year", "Loans year") { .text($0.loansYear?.label) },
        .data("dhsc_loans_change_gbp_m", "Loans change £m") { .number($0.loansChange, decimals: 3) },
      ]
    default: []
    }
  }

  /// A figure's cell: its text, short form, basis, caveat mark and tone.
  static func figure(
    _ c: LeagueColumn, _ text: @escaping (LeagueRow, Glyphs) -> String, short: ((LeagueRow) -> String?)? = nil,
    tone: @escaping (LeagueRow, LeagueContext) -> Tone = { _, _ in .normal }
  ) -> (LeagueRow, LeagueContext) -> Table.Cell {
    { r, x in
      Table.Cell(
        text: x.display ? text(r, x.glyphs) : "", short: x.display ? short?(r) : nil,
        basis: r.illustrativeColumns.contains(c) ? .illustrative : .reported, caveat: r.standing(c) == .caveat,
        tone: tone(r, x))
    }
  }

  /// A column of money, £m, with its basis.
  static func money(
    _ c: LeagueColumn, _ width: Int, priority: Int, _ meaning: String, _ v: @escaping (LeagueRow) -> Double?,
    tone: @escaping (LeagueRow, LeagueContext) -> Tone
  ) -> Definition {
    column(
      c, .fixed(width), priority: priority, meaning, value: { .number(v($0), decimals: 3) },
      figure(
        c, { r, g in Figures.money(v(r), unicode: g.unicode) },
        short: { v($0).map { NumberFormat.fixed($0, decimals: 0) } },
        tone: tone))
  }

  /// A column of percentages, with its basis.
  static func percent(
    _ c: LeagueColumn, _ width: Int, priority: Int, _ meaning: String, ascending: Bool = false, decimals: Int,
    _ v: @escaping (LeagueRow) -> Double?, tone: @escaping (LeagueRow, LeagueContext) -> Tone = { _, _ in .normal }
  ) -> Definition {
    column(
      c, .fixed(width), priority: priority, meaning, ascending: ascending,
      value: { .number(v($0), decimals: decimals) },
      figure(c, { r, g in Figures.percent(v(r), unicode: g.unicode) }, tone: tone))
  }

  /// One league figure's column.
  static func definition(_ c: LeagueColumn, footprints: Int) -> Definition {
    c.rawValue < LeagueColumn.aligned.rawValue ? identity(c, footprints: footprints) : measure(c)
  }

  /// A column in a figure's definition: its title, alignment and key from the figure.
  static func column(
    _ c: LeagueColumn, _ width: Table.Width, priority: Int, _ meaning: String, ascending: Bool = false,
    value: @escaping (LeagueRow) -> Table.Value, _ cell: @escaping (LeagueRow, LeagueContext) -> Table.Cell
  ) -> Definition {
    Definition(
      c.csvHeader, c.title, align: c.isNumeric || c == .aligned ? .right : .left, priority: priority, width: width,
      textMinimum: c == .name ? 22 : 3, textFlexible: c == .name, meaning: meaning, ascendingFirst: ascending,
      value: value, cell: cell)
  }

  /// The footprint's own columns and its gap: rank, name, region, members, do-nothing, plan, savings, per head.
  static func identity(_ c: LeagueColumn, footprints: Int) -> Definition {
    switch c {
    case .rank:
      return column(
        c, .fixed(max(3, String(footprints).count)), priority: 2, "league position under the current sort",
        ascending: true, value: { .integer($0.rank) }
      ) { r, x in Table.Cell(text: r.footprint == nil || !x.display ? "" : String(r.rank), tone: .dim) }
    case .name:
      return column(
        c, .flexible(min: 18, extra: 48), priority: 0, "footprint name", ascending: true, value: { .text($0.name) }
      ) {
        r, _ in Table.Cell(text: r.name, tone: r.flagged > 0 ? .flag : .normal)
      }
    case .region:
      return column(
        c, .fixed(11), priority: 13, "NHS England region", ascending: true, value: { .text($0.region?.name) }
      ) {
        r, _ in Table.Cell(text: r.region?.shortName ?? "")
      }
    case .members:
      return column(c, .fixed(4), priority: 14, "member organisations", value: { .integer($0.members) }) { r, x in
        Table.Cell(text: x.display ? NumberFormat.grouped(r.members) : "")
      }
    case .doNothing:
      return money(
        c, 11, priority: 1, "do-nothing gap in 2020/21", { $0.doNothing },
        tone: { r, x in Meaning.gap(r, band: x.bands.band(r.doNothing)) })
    case .plan:
      return money(
        c, 9, priority: 3, "gap in 2020/21 after the plan's savings at the delivery setting", { $0.plan },
        tone: { r, _ in Meaning.plan(r) })
    case .savingsPercent:
      return percent(
        c, 6, priority: 11, "planned savings as a share of the do-nothing gap", decimals: 2, { $0.savingsPercent })
    case .perHead:
      return column(
        c, .fixed(7), priority: 12, "do-nothing gap per resident, £", value: { .number($0.perHead, decimals: 2) },
        figure(c, { r, g in Figures.pounds(r.perHead, unicode: g.unicode) }))
    default: return measure(c)
    }
  }

  /// The measures: alignment, flags, risk, rating, realism, veto, pivotal, loans.
  static func measure(_ c: LeagueColumn) -> Definition {
    switch c {
    case .aligned:
      return column(
        c, .fixed(10), priority: 9, "share of members aligned with the plan",
        value: { .number($0.alignedShare.map { $0 * 100 }, decimals: 2) }
      ) { r, x in
        Table.Cell(
          text: x.display ? Figures.share(r.alignedShare, unicode: x.glyphs.unicode) : "", tone: .good,
          bar: r.alignedShare ?? .nan)
      }
    case .flagged:
      return column(c, .fixed(4), priority: 8, "members flagged as not cooperating", value: { .integer($0.flagged) }) {
        r, x in
        Table.Cell(text: x.display ? String(r.flagged) : "", tone: r.flagged > 0 ? .flag : .dim)
      }
    case .atRisk:
      return money(
        c, 8, priority: 4, "planned savings of the members counted as refusing (refused, flagged or assumed)",
        { $0.atRisk }, tone: { r, _ in Meaning.atRisk(r) })
    case .short:
      return money(
        c, 8, priority: 5,
        "gap in 2020/21 at the delivery setting without the savings of the members counted as refusing (the plan with refusals; negative: to spare)",
        { $0.planWithRefusals }, tone: { r, _ in Meaning.short(r) })
    case .rating:
      return column(
        c, .flexible(min: 11, extra: 12), priority: 17, "NHS England progress rating, July 2017", ascending: true,
        value: { .text($0.rating?.name) }
      ) { r, x in
        Table.Cell(
          text: r.rating?.name ?? (r.footprint == nil ? "" : x.glyphs.dash), short: r.rating?.shortName,
          tone: Meaning.rating(r.rating))
      }
    case .needed:
      return percent(
        c, 5, priority: 15,
        "delivery of planned savings that would balance the 2020/21 plan (do-nothing ÷ planned savings)",
        ascending: true, decimals: 1, { $0.neededPercent },
        tone: { r, _ in (r.neededPercent ?? 0) > 100 ? .bad : .normal })
    case .delivered:
      return percent(
        c, 5, priority: 16,
        "delivery so far: (do-nothing − outturn) ÷ (do-nothing − plan) in the latest year with an outturn",
        decimals: 1, { $0.observed?.percent })
    case .balance:
      return column(
        c, .fixed(6), priority: 18, "first year the plan balances at the delivery setting (never: not by 2020/21)",
        ascending: true, value: { r in .text(r.balanceYear?.label ?? (r.plan != nil ? "never" : nil)) },
        figure(
          c, { r, g in r.balanceYear?.shortLabel ?? (r.plan != nil ? "never" : g.dash) },
          tone: { r, _ in r.plan != nil && r.balanceYear == nil ? .bad : .normal }))
    case .veto:
      // A total has no single holder: the cell stays empty.
      let share: (LeagueRow) -> Double? = { $0.footprint == nil ? nil : $0.vetoShare.map { $0 * 100 } }
      return column(
        c, .fixed(5), priority: 10, "largest single member's share of the footprint's planned savings",
        value: { $0.footprint == nil ? .none : .number(share($0), decimals: 1) }
      ) { r, x in
        r.footprint == nil
          ? Table.Cell(text: "") : figure(c, { r, g in Figures.percent(share(r), unicode: g.unicode) })(r, x)
      }
    case .pivotal:
      return column(
        c, .fixed(4), priority: 6,
        "cooperating members whose refusal alone would stop the plan balancing, after the refusals counted",
        value: { .integer($0.pivotal) },
        figure(
          c, { r, _ in String(r.pivotal) }, short: { $0.pivotal >= 1000 ? "\($0.pivotal / 1000)k" : nil },
          tone: { r, _ in r.pivotal > 0 ? .bad : .dim }))
    case .blockers:
      return column(
        c, .fixed(5), priority: 7,
        "the fewest cooperating members whose joint refusal sinks the plan, the largest holders first (0: already short with its refusals; —: no refusal can)",
        ascending: true, value: { .integer($0.blockersNeeded) }
      ) { r, x in
        // A total has no blockers of its own: the cell stays empty.
        r.footprint == nil
          ? Table.Cell(text: "")
          : figure(
            c, { r, g in r.blockersNeeded.map(String.init) ?? g.dash }, tone: { r, _ in Meaning.blockers(r) })(r, x)
      }
    case .loans:
      return column(
        c, .fixed(8), priority: 19, "DHSC loans to its member trusts, closing balance, latest year (2018/19), £m",
        value: { .number($0.loans, decimals: 3) }
      ) { r, x in
        Table.Cell(
          text: x.display ? (r.loans.map { Figures.money($0, unicode: x.glyphs.unicode) } ?? x.glyphs.dash) : "",
          short: x.display ? r.loans.map { NumberFormat.fixed($0, decimals: 0) } : nil,
          tone: (r.loansChange ?? 0) > 0 ? .warn : .normal)
      }
    case .changes, .referrals: return disputes(c)
    default: return identity(c, footprints: 44)
    }
  }
}

extension LeagueColumns {
  /// The counts of the disputes: proposed changes, and referrals of them.
  static func disputes(_ c: LeagueColumn) -> Definition {
    let count: (LeagueRow) -> Int = { c == .changes ? $0.changes : $0.referrals }
    return column(
      c, .fixed(4), priority: c == .changes ? 20 : 21,
      c == .changes
        ? "proposed service changes (A&E, maternity, beds, stroke…) on record, as known"
        : "referrals of its changes to the Secretary of State, as known",
      value: { .integer(count($0)) }
    ) { r, _ in
      Table.Cell(text: count(r) == 0 ? "" : String(count(r)), tone: c == .referrals && count(r) > 0 ? .warn : .normal)
    }
  }
}

extension LeagueColumn {
  /// The name `--sort`, `--metric` and saved settings use.
  var key: String {
    switch self {
    case .doNothing: Scenario.doNothing.code
    case .plan: Scenario.plan.code
    case .savingsPercent: "savings_pct"
    case .perHead: "per_head"
    case .atRisk: "at_risk"
    case .needed: "needed_pct"
    case .delivered: "delivered_pct"
    case .balance: "balance_year"
    case .veto: "veto_share"
    case .short: "plan_with_refusals"
    case .blockers: "blockers_needed"
    default: String(describing: self)
    }
  }

  /// The column's key in CSV and JSON, with units.
  var csvHeader: String {
    switch self {
    case .doNothing: "do_nothing_2020_21_gbp_m"
    case .plan: "plan_2020_21_gbp_m"
    case .perHead: "gap_per_head_gbp"
    case .aligned: "aligned_pct"
    case .atRisk: "savings_at_risk_gbp_m"
    case .short: "plan_with_refusals_2020_21_gbp_m"
    case .loans: "dhsc_loans_gbp_m"
    default: key
    }
  }

  /// The header on screen and in text tables.
  var title: String {
    switch self {
    case .rank: "#"
    case .name: "Footprint"
    case .region: "Region"
    case .members: "Mem"
    case .doNothing: "Do-nothing"
    case .plan: "Plan"
    case .savingsPercent: "Save%"
    case .perHead: "£/head"
    case .aligned: "Aligned"
    case .flagged: "Flg"
    case .atRisk: "At risk"
    case .rating: "Rating"
    case .needed: "Need%"
    case .delivered: "Done%"
    case .balance: "Bal"
    case .veto: "Veto"
    case .pivotal: "Piv"
    case .short: "Short"
    case .blockers: "Block"
    case .loans: "Loans"
    case .changes: "Chg"
    case .referrals: "Ref"
    }
  }

  /// Whether values are numbers (right-aligned).
  var isNumeric: Bool { ![.name, .region, .rating, .aligned, .balance].contains(self) }

  /// This column's definition.
  var definition: ColumnDefinition<LeagueRow, LeagueContext> { LeagueColumns.definition(self, footprints: 44) }

  /// What the column holds, for help and `--help`.
  var meaning: String { definition.meaning }

  /// Which columns go first when space is short: lower numbers stay longest.
  var priority: Int { definition.spec.priority }

  /// Whether a user picking this column expects ascending order first.
  var naturallyAscending: Bool { definition.ascendingFirst }

  /// Parses a `--sort` value: a key, a CSV header, or either with dashes, or an alias.
  init?(key text: String) {
    let k = String(text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    let aliases: [String: LeagueColumn] = [
      "gap": .doNothing, "donothing": .doNothing, "savings": .savingsPercent, "savings_percent": .savingsPercent,
      "per_head_gbp": .perHead, "perhead": .perHead, "head": .perHead, "alignment": .aligned,
      "aligned_share": .aligned, "flags": .flagged,
      "risk": .atRisk, "savings_at_risk": .atRisk, "footprint": .name, "position": .rank, "need": .needed,
      "needed": .needed, "delivered": .delivered,
      "needed_percent": .needed, "done": .delivered, "delivered_percent": .delivered, "observed": .delivered,
      "balance": .balance, "balances": .balance, "largest_share": .veto, "dhsc_loans": .loans, "debt": .loans,
      "short": .short, "with_refusals": .short, "blockers": .blockers, "block": .blockers,
    ]
    guard let c = LeagueColumn.allCases.first(where: { $0.key == k || $0.csvHeader == k }) ?? aliases[k] else {
      return nil
    }
    self = c
  }

  /// Every key, for messages.
  static var keyList: String { allCases.map(\.key).joined(separator: ", ") }
}
