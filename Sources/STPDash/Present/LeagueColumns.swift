import DashModel

/// What a league cell needs besides its row.
struct LeagueContext {
  var glyphs: Glyphs
  var display = true
  /// Where each do-nothing gap stands among the footprints' (its colour).
  var bands = GapBands(gaps: [])
  /// The plan's path to 2020/21 for a row (the sparkline), when shown.
  var path: ((LeagueRow) -> [Double?])? = nil
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
      Definition(s.code, s.code, outputs: .json, group: "stances") { r, c in
        Table.Cell(text: c.display ? String(r.alignment.count(s)) : "", value: .integer(r.alignment.count(s)))
      }
    }
  }

  /// The data columns that follow a figure: its code, basis, source, year.
  static func companions(_ c: LeagueColumn) -> [Definition] {
    switch c {
    case .rank: [.data("code", "Code") { .text($0.code) }]
    case .name:
      // Where there is room: the plan's path to 2020/21 as a sparkline.
      [
        Definition("trend", "Plan path", priority: 30, width: .fixed(9), outputs: .screen) { r, c in
          Table.Cell(
            text: c.display ? Figures.sparkline(c.path?(r) ?? [], unicode: c.glyphs.unicode) : "", tone: .dim)
        }
      ]
    case .doNothing:
      [
        .data("do_nothing_basis", "Do-nothing basis") { r in
          .text(
            r.doNothingBasis.map(\.code)
              ?? (r.doNothing == nil ? nil : Basis(illustrative: r.illustrativeColumns.contains(.doNothing)).code)
          )
        },
        .data("do_nothing_source", "Do-nothing source") { .text($0.doNothingSource) },
        .data("do_nothing_note", "Do-nothing caveat") { .text($0.doNothingNote) },
      ]
    case .perHead:
      [
        .data("population", "Population") { .integer($0.population) },
        .data("population_basis", "Population basis") { .text($0.population == nil ? nil : $0.populationBasis?.code) },
        .data("population_note", "Population caveat") { .text($0.populationNote) },
      ]
    case .delivered: [.data("delivered_year", "Outturn year") { .text($0.observed?.year.label) }]
    case .veto: [.data("veto_holder", "Largest holder") { .text($0.vetoHolder) }]
    case .pivotal: [.data("margin_gbp_m", "Margin £m") { .number($0.margin, decimals: 3) }]
    case .loans:
      [
        .data("dhsc_loans_year", "Loans year") { .text($0.loansYear?.label) },
        .data("dhsc_loans_change_gbp_m", "Loans change £m") { .number($0.loansChange, decimals: 3) },
      ]
    default: []
    }
  }

  /// A figure column whose cell shows money with its basis.
  static func money(
    _ c: LeagueColumn, _ v: @escaping (LeagueRow) -> Double?, tone: @escaping (LeagueRow) -> Tone
  ) -> (LeagueRow, LeagueContext) -> Table.Cell {
    { r, x in
      let value = v(r)
      return Table.Cell(
        text: x.display ? Figures.money(value, unicode: x.glyphs.unicode) : "",
        short: x.display ? value.map { NumberFormat.fixed($0, decimals: 0) } : nil, value: .number(value, decimals: 3),
        basis: basis(r, c), caveat: r.standing(c) == .caveat, tone: tone(r))
    }
  }

  /// A percentage column with its basis.
  static func percent(
    _ c: LeagueColumn, decimals: Int, _ v: @escaping (LeagueRow) -> Double?,
    tone: @escaping (LeagueRow) -> Tone = {
      _ in .normal
    }
  ) -> (LeagueRow, LeagueContext) -> Table.Cell {
    { r, x in
      let value = v(r)
      return Table.Cell(
        text: x.display ? Figures.percent(value, unicode: x.glyphs.unicode) : "",
        value: .number(value, decimals: decimals),
        basis: basis(r, c), caveat: r.standing(c) == .caveat, tone: tone(r))
    }
  }

  static func basis(_ r: LeagueRow, _ c: LeagueColumn) -> Basis {
    r.illustrativeColumns.contains(c) ? .illustrative : .reported
  }

  /// One league figure's column.
  static func definition(_ c: LeagueColumn, footprints: Int) -> Definition {
    c.rawValue < LeagueColumn.aligned.rawValue ? identity(c, footprints: footprints) : measure(c)
  }

  /// A column in a figure's definition: its title, alignment and key from the figure.
  static func column(
    _ c: LeagueColumn, _ width: Table.Width, priority: Int, _ meaning: String, ascending: Bool = false,
    _ cell: @escaping (LeagueRow, LeagueContext) -> Table.Cell
  ) -> Definition {
    Definition(
      c.csvHeader, c.title, align: c.isNumeric || c == .aligned ? .right : .left, priority: priority, width: width,
      textMinimum: c == .name ? 22 : 3, textFlexible: c == .name, meaning: meaning, ascendingFirst: ascending,
      cell: cell)
  }

  /// The footprint's own columns and its gap: rank, name, region, members, do-nothing, plan, savings, per head.
  static func identity(_ c: LeagueColumn, footprints: Int) -> Definition {
    func col(
      _ width: Table.Width, priority: Int, _ meaning: String, ascending: Bool = false,
      _ cell: @escaping (LeagueRow, LeagueContext) -> Table.Cell
    ) -> Definition { column(c, width, priority: priority, meaning, ascending: ascending, cell) }
    switch c {
    case .rank:
      return col(
        .fixed(max(3, String(footprints).count)), priority: 2, "league position under the current sort", ascending: true
      ) { r, x in
        Table.Cell(text: r.footprint == nil || !x.display ? "" : String(r.rank), value: .integer(r.rank), tone: .dim)
      }
    case .name:
      return col(.flexible(min: 18, extra: 48), priority: 0, "footprint name", ascending: true) { r, _ in
        Table.Cell(text: r.name, value: .text(r.name), tone: r.flagged > 0 ? .flag : .normal)
      }
    case .region:
      return col(.fixed(11), priority: 11, "NHS England region", ascending: true) { r, _ in
        Table.Cell(text: r.region?.shortName ?? "", value: .text(r.region?.name))
      }
    case .members:
      return col(.fixed(4), priority: 12, "member organisations") { r, x in
        Table.Cell(text: x.display ? NumberFormat.grouped(r.members) : "", value: .integer(r.members))
      }
    case .doNothing:
      return Definition(
        c.csvHeader, c.title, align: .right, priority: 1, width: .fixed(11), textMinimum: 3,
        meaning: "do-nothing gap in 2020/21"
      ) { r, x in
        money(.doNothing, { $0.doNothing }, tone: { Meaning.gap($0, band: x.bands.band($0.doNothing)) })(r, x)
      }
    case .plan:
      return col(
        .fixed(9), priority: 3, "gap in 2020/21 after the plan's savings at the delivery setting",
        money(.plan, { $0.plan }, tone: Meaning.plan))
    case .savingsPercent:
      return col(
        .fixed(6), priority: 9, "planned savings as a share of the do-nothing gap",
        percent(.savingsPercent, decimals: 2, { $0.savingsPercent }))
    case .perHead:
      return col(.fixed(7), priority: 10, "do-nothing gap per resident, £") { r, x in
        Table.Cell(
          text: x.display ? Figures.pounds(r.perHead, unicode: x.glyphs.unicode) : "",
          value: .number(r.perHead, decimals: 2), basis: basis(r, .perHead), caveat: r.standing(.perHead) == .caveat)
      }
    default: return measure(c)
    }
  }

  /// The measures: alignment, flags, risk, rating, realism, veto, pivotal, loans.
  static func measure(_ c: LeagueColumn) -> Definition {
    func col(
      _ width: Table.Width, priority: Int, _ meaning: String, ascending: Bool = false,
      _ cell: @escaping (LeagueRow, LeagueContext) -> Table.Cell
    ) -> Definition { column(c, width, priority: priority, meaning, ascending: ascending, cell) }
    switch c {
    case .aligned:
      return col(.fixed(10), priority: 6, "share of members aligned with the plan") { r, x in
        Table.Cell(
          text: x.display ? Figures.share(r.alignedShare, unicode: x.glyphs.unicode) : "",
          value: .number(r.alignedShare, decimals: 4), tone: .good, bar: r.alignedShare ?? .nan)
      }
    case .flagged:
      return col(.fixed(4), priority: 8, "members flagged as not cooperating") { r, x in
        Table.Cell(
          text: x.display ? String(r.flagged) : "", value: .integer(r.flagged), tone: r.flagged > 0 ? .flag : .dim)
      }
    case .atRisk:
      return col(
        .fixed(9), priority: 4, "planned savings of refused or flagged members",
        money(.atRisk, { $0.atRisk }, tone: Meaning.atRisk))
    case .rating:
      return col(.flexible(min: 11, extra: 12), priority: 15, "NHS England progress rating, July 2017", ascending: true)
      { r, x in
        Table.Cell(
          text: r.rating?.name ?? (r.footprint == nil ? "" : x.glyphs.dash), short: r.rating?.shortName,
          value: .text(r.rating?.name), tone: Meaning.rating(r.rating))
      }
    case .needed:
      return col(
        .fixed(5), priority: 13,
        "delivery of planned savings that would balance the 2020/21 plan (do-nothing ÷ planned savings)",
        ascending: true,
        percent(.needed, decimals: 1, { $0.neededPercent }, tone: { ($0.neededPercent ?? 0) > 100 ? .bad : .normal }))
    case .delivered:
      return col(
        .fixed(5), priority: 14,
        "delivery so far: (do-nothing − outturn) ÷ (do-nothing − plan) in the latest year with an outturn",
        percent(.delivered, decimals: 1, { $0.observed?.percent }))
    case .balance:
      return col(
        .fixed(6), priority: 16,
        "first year the plan balances at the delivery setting (never: not by 2020/21)", ascending: true
      ) { r, x in
        let never = r.plan != nil && r.balanceYear == nil
        return Table.Cell(
          text: r.balanceYear?.shortLabel ?? (never ? "never" : x.glyphs.dash),
          value: .text(r.balanceYear?.label ?? (never ? "never" : nil)), basis: basis(r, .balance),
          caveat: r.standing(.balance) == .caveat, tone: never ? .bad : .normal)
      }
    case .veto:
      return col(.fixed(5), priority: 7, "largest single member's share of the footprint's planned savings") { r, x in
        // A total has no single holder: the cell stays empty.
        r.footprint == nil
          ? Table.Cell(text: "", value: .none)
          : percent(.veto, decimals: 1, { $0.vetoShare.map { $0 * 100 } })(r, x)
      }
    case .pivotal:
      return col(.fixed(4), priority: 5, "members whose refusal alone would stop a balancing plan balancing") { r, x in
        Table.Cell(
          text: x.display ? String(r.pivotal) : "", short: r.pivotal >= 1000 ? "\(r.pivotal / 1000)k" : nil,
          value: .integer(r.pivotal), basis: basis(r, .pivotal), caveat: r.standing(.pivotal) == .caveat,
          tone: r.pivotal > 0 ? .bad : .dim)
      }
    case .loans:
      return col(
        .fixed(8), priority: 17,
        "DHSC loans to its member trusts, closing balance, latest year (2018/19), £m"
      ) { r, x in
        Table.Cell(
          text: x.display ? (r.loans.map { Figures.money($0, unicode: x.glyphs.unicode) } ?? x.glyphs.dash) : "",
          short: x.display ? r.loans.map { NumberFormat.fixed($0, decimals: 0) } : nil,
          value: .number(r.loans, decimals: 3), tone: (r.loansChange ?? 0) > 0 ? .warn : .normal)
      }
    default: return identity(c, footprints: 44)
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
    default: String(describing: self)
    }
  }

  /// The column's key in CSV and JSON, with units.
  var csvHeader: String {
    switch self {
    case .doNothing: "do_nothing_2020_21_gbp_m"
    case .plan: "plan_2020_21_gbp_m"
    case .perHead: "gap_per_head_gbp"
    case .aligned: "aligned_share"
    case .atRisk: "savings_at_risk_gbp_m"
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
    case .loans: "Loans"
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
      "per_head_gbp": .perHead, "perhead": .perHead, "head": .perHead, "alignment": .aligned, "flags": .flagged,
      "risk": .atRisk, "savings_at_risk": .atRisk, "footprint": .name, "position": .rank, "need": .needed,
      "needed_percent": .needed, "done": .delivered, "delivered_percent": .delivered, "observed": .delivered,
      "balance": .balance, "balances": .balance, "largest_share": .veto, "dhsc_loans": .loans, "debt": .loans,
    ]
    guard let c = LeagueColumn.allCases.first(where: { $0.key == k || $0.csvHeader == k }) ?? aliases[k] else {
      return nil
    }
    self = c
  }

  /// Every key, for messages.
  static var keyList: String { allCases.map(\.key).joined(separator: ", ") }
}
