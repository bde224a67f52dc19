import DashModel

/// The league as a ``Table``: one row per footprint, England's (or a
/// region's) totals as the footer. The League screen, `e` on it, and
/// `stpdash league` in every format all show this table.
enum LeaguePresenter {
  /// Screen widths of the league's columns (the name takes what is left).
  static func width(_ c: LeagueColumn, rows: Int) -> Table.Width {
    switch c {
    case .rank: .fixed(max(3, String(rows).count))
    case .name: .flexible(min: 18, extra: 48)
    case .region: .fixed(11)
    case .members: .fixed(4)
    case .doNothing: .fixed(11)
    case .plan: .fixed(9)
    case .savingsPercent: .fixed(6)
    case .perHead: .fixed(7)
    case .aligned: .fixed(10)
    case .flagged: .fixed(4)
    case .atRisk: .fixed(9)
    case .rating: .flexible(min: 11, extra: 12)
    case .needed: .fixed(5)
    case .delivered: .fixed(5)
    case .balance: .fixed(6)
    case .veto: .fixed(5)
    case .pivotal: .fixed(4)
    case .loans: .fixed(8)
    }
  }

  static func column(_ c: LeagueColumn, rows: Int) -> Table.Column {
    Table.Column(
      key: c.csvHeader, title: c.title, align: c.isNumeric || c == .aligned ? .right : .left, priority: c.priority,
      width: width(c, rows: rows), textMinimum: c == .name ? 22 : 3, textFlexible: c == .name)
  }

  /// The columns: the league's own, with the code, stance counts and basis
  /// for CSV and JSON.
  static func columns(rows: Int) -> [Table.Column] {
    var out: [Table.Column] = []
    for c in LeagueColumn.allCases {
      if c == .flagged {
        for s in Stance.allCases {
          out.append(Table.Column(key: s.code, title: s.code, outputs: .json, group: "stances"))
        }
      }
      out.append(column(c, rows: rows))
      if c == .rank { out.append(Table.Column(key: "code", title: "Code", outputs: .data)) }
      if c == .name {
        // Where there is room: the plan's path to 2020/21 as a sparkline.
        out.append(Table.Column(key: "trend", title: "Plan path", priority: 30, width: .fixed(9), outputs: .screen))
      }
      if c == .delivered { out.append(Table.Column(key: "delivered_year", title: "Outturn year", outputs: .data)) }
      if c == .doNothing {
        for (key, title) in [
          ("do_nothing_basis", "Do-nothing basis"), ("do_nothing_source", "Do-nothing source"),
          ("do_nothing_note", "Do-nothing caveat"),
        ] {
          out.append(Table.Column(key: key, title: title, outputs: .data))
        }
      }
      if c == .perHead {
        out.append(Table.Column(key: "population", title: "Population", outputs: .data))
        out.append(Table.Column(key: "population_basis", title: "Population basis", outputs: .data))
        out.append(Table.Column(key: "population_note", title: "Population caveat", outputs: .data))
      }
      if c == .veto { out.append(Table.Column(key: "veto_holder", title: "Largest holder", outputs: .data)) }
      if c == .pivotal { out.append(Table.Column(key: "margin_gbp_m", title: "Margin £m", outputs: .data)) }
      if c == .loans {
        out.append(Table.Column(key: "dhsc_loans_year", title: "Loans year", outputs: .data))
        out.append(Table.Column(key: "dhsc_loans_change_gbp_m", title: "Loans change £m", outputs: .data))
      }
    }
    out.append(Table.Column(key: "delivery_pct", title: "Delivery %", outputs: .data))
    out.append(Table.Column(key: "basis", title: "Basis", outputs: .csv))
    out.append(Table.Column(key: "illustrative", title: "Illustrative", outputs: .json))
    return out
  }

  /// The table of `rows` with `total` as its footer.
  /// The column sorted by stays on screen however narrow (it is why the rows are in this order).
  static func table(
    _ rows: [LeagueRow], total: LeagueRow?, footprintCount: Int, sorted: LeagueColumn? = nil, glyphs g: Glyphs
  ) -> Table {
    var t = Table(columns: columns(rows: footprintCount))
    if let sorted, let i = t.column(sorted.csvHeader) { t.columns[i].priority = min(t.columns[i].priority, 1) }
    t.rows = rows.map { Table.Row(key: $0.footprint, cells: cells($0, glyphs: g)) }
    if let total { t.footer = [Table.Row(key: nil, cells: cells(total, glyphs: g))] }
    return t
  }

  /// One row's cells, in the order of ``columns(rows:)``. With `display`
  /// off, only the values CSV and JSON carry are made (no text is
  /// formatted): a national-scale export formats no figure twice.
  static func cells(_ r: LeagueRow, glyphs g: Glyphs, display: Bool = true) -> [Table.Cell] {
    let ill = r.illustrativeColumns
    let england = r.footprint == nil
    /// The text as shown, only when it will be shown.
    func shown(_ text: @autoclosure () -> String) -> String { display ? text() : "" }
    func basis(_ c: LeagueColumn) -> Basis { ill.contains(c) ? .illustrative : .reported }
    func caveat(_ c: LeagueColumn) -> Bool { r.standing(c) == .caveat }
    func money(_ v: Double?, _ c: LeagueColumn, _ tone: Tone) -> Table.Cell {
      Table.Cell(
        text: shown(Figures.money(v, unicode: g.unicode)),
        short: display ? v.map { NumberFormat.fixed($0, decimals: 0) } : nil, value: .number(v, decimals: 3),
        basis: basis(c), caveat: caveat(c), tone: tone)
    }
    var out: [Table.Cell] = []
    out.reserveCapacity(48)
    for c in LeagueColumn.allCases {
      if c == .flagged {
        out += Stance.allCases.map { s in
          Table.Cell(text: shown(String(r.alignment.count(s))), value: .integer(r.alignment.count(s)))
        }
      }
      switch c {
      case .rank:
        out.append(Table.Cell(text: england ? "" : shown(String(r.rank)), value: .integer(r.rank), tone: .dim))
        out.append(.text(r.code))
      case .name:
        out.append(Table.Cell(text: r.name, value: .text(r.name), tone: r.flagged > 0 ? .flag : .normal))
        out.append(Table.Cell(text: display ? Figures.sparkline(r.planPath, unicode: g.unicode) : "", tone: .dim))
      case .region:
        out.append(Table.Cell(text: r.region?.shortName ?? "", value: .text(r.region?.name)))
      case .members:
        out.append(Table.Cell(text: shown(NumberFormat.grouped(r.members)), value: .integer(r.members)))
      case .doNothing:
        out.append(money(r.doNothing, .doNothing, Meaning.gap(r)))
        let standing =
          r.doNothingBasis.map { $0 == .illustrative ? "illustrative" : "reported" }
          ?? (r.doNothing == nil ? nil : (ill.contains(.doNothing) ? "illustrative" : "reported"))
        out.append(Table.Cell(text: "", value: .text(standing)))
        out.append(Table.Cell(text: "", value: .text(r.doNothingSource)))
        out.append(Table.Cell(text: "", value: .text(r.doNothingNote)))
      case .plan: out.append(money(r.plan, .plan, Meaning.plan(r)))
      case .savingsPercent:
        out.append(
          Table.Cell(
            text: shown(Figures.percent(r.savingsPercent, unicode: g.unicode)),
            value: .number(r.savingsPercent, decimals: 2),
            basis: basis(.savingsPercent), caveat: caveat(.savingsPercent)))
      case .perHead:
        out.append(
          Table.Cell(
            text: shown(Figures.pounds(r.perHead, unicode: g.unicode)), value: .number(r.perHead, decimals: 2),
            basis: basis(.perHead), caveat: caveat(.perHead)))
        out.append(Table.Cell(text: "", value: .integer(r.population)))
        out.append(Table.Cell(text: "", value: .text(r.population == nil ? nil : r.populationBasis?.code)))
        out.append(Table.Cell(text: "", value: .text(r.populationNote)))
      case .aligned:
        out.append(
          Table.Cell(
            text: shown(Figures.share(r.alignedShare, unicode: g.unicode)),
            value: .number(r.alignedShare, decimals: 4),
            tone: .good, bar: r.alignedShare ?? .nan))
      case .flagged:
        out.append(
          Table.Cell(text: shown(String(r.flagged)), value: .integer(r.flagged), tone: r.flagged > 0 ? .flag : .dim))
      case .atRisk: out.append(money(r.atRisk, .atRisk, Meaning.atRisk(r)))
      case .rating:
        out.append(
          Table.Cell(
            text: r.rating?.name ?? (england ? "" : g.dash), short: r.rating?.shortName, value: .text(r.rating?.name),
            tone: Meaning.rating(r.rating)))
      case .needed:
        out.append(
          Table.Cell(
            text: shown(Figures.percent(r.neededPercent, unicode: g.unicode)),
            value: .number(r.neededPercent, decimals: 1), basis: basis(.needed), caveat: caveat(.needed),
            tone: (r.neededPercent ?? 0) > 100 ? .bad : .normal))
      case .delivered:
        out.append(
          Table.Cell(
            text: shown(Figures.percent(r.observed?.percent, unicode: g.unicode)),
            value: .number(r.observed?.percent, decimals: 1), basis: basis(.delivered), caveat: caveat(.delivered)))
        out.append(Table.Cell(text: "", value: .text(r.observed?.year.label)))
      case .balance:
        let never = r.plan != nil && r.balanceYear == nil
        out.append(
          Table.Cell(
            text: r.balanceYear?.shortLabel ?? (never ? "never" : g.dash),
            value: .text(r.balanceYear?.label ?? (never ? "never" : nil)), basis: basis(.balance),
            caveat: caveat(.balance),
            tone: never ? .bad : .normal))
      case .veto:
        // England has no single holder: the cell stays empty.
        out.append(
          england
            ? Table.Cell(text: "", value: .none)
            : Table.Cell(
              text: shown(Figures.percent(r.vetoShare.map { $0 * 100 }, unicode: g.unicode)),
              value: .number(r.vetoShare.map { $0 * 100 }, decimals: 1), basis: basis(.veto), caveat: caveat(.veto)))
        out.append(Table.Cell(text: "", value: .text(r.vetoHolder)))
      case .pivotal:
        out.append(
          Table.Cell(
            text: shown(String(r.pivotal)), short: r.pivotal >= 1000 ? "\(r.pivotal / 1000)k" : nil,
            value: .integer(r.pivotal), basis: basis(.pivotal), caveat: caveat(.pivotal),
            tone: r.pivotal > 0 ? .bad : .dim))
        out.append(Table.Cell(text: "", value: .number(r.margin, decimals: 3)))
      case .loans:
        out.append(
          Table.Cell(
            text: shown(r.loans.map { Figures.money($0, unicode: g.unicode) } ?? g.dash),
            short: display ? r.loans.map { NumberFormat.fixed($0, decimals: 0) } : nil,
            value: .number(r.loans, decimals: 3), tone: (r.loansChange ?? 0) > 0 ? .warn : .normal))
        out.append(Table.Cell(text: "", value: .text(r.loansYear?.label)))
        out.append(Table.Cell(text: "", value: .number(r.loansChange, decimals: 3)))
      }
    }
    out.append(Table.Cell(text: "", value: .integer(r.delivery.percent)))
    out.append(.text(r.illustrative ? Basis.illustrative.code : Basis.reported.code))
    out.append(
      Table.Cell(
        text: "", value: .list(LeagueColumn.allCases.filter { ill.contains($0) }.map(\.csvHeader))))
    return out
  }

  /// The league column under a screen column of a league `width` wide, if any.
  static func column(
    at x: Int, width: Int, rows: Int, sorted: LeagueColumn? = nil, hidden: Set<String> = [], offset: Int = 0
  ) -> LeagueColumn? {
    let t = table([], total: nil, footprintCount: rows, sorted: sorted, glyphs: Glyphs(unicode: true))
    let layout = TableLayout(t, width: width, pinned: sorted?.csvHeader, hidden: hidden, offset: offset)
    guard let i = layout.column(at: x) else { return nil }
    return LeagueColumn.allCases.first { $0.csvHeader == t.columns[i].key }
  }
}
