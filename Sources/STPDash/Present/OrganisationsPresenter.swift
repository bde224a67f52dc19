import DashModel

/// What an organisation's cell needs besides its line.
struct OrganisationContext {
  var glyphs: Glyphs
  var analysis: Analysis
  var delivery: DeliveryScheme
  /// Whether a body has a flag change not yet on disk.
  var unsaved: (OrganisationLine) -> Bool = { _ in false }
}

/// Every organisation as a ``Table``: the Organisations screen, `e` on it,
/// and `stpdash orgs` in every format show this table. England's and each
/// kind's totals are the footer.
enum OrganisationsPresenter {
  typealias Definition = ColumnDefinition<OrganisationLine, OrganisationContext>

  /// A sortable column's definition: its key, title and meaning from ``OrganisationColumn``.
  static func column(
    _ c: OrganisationColumn, _ align: Table.Align, _ priority: Int, _ width: Table.Width,
    value: @escaping (OrganisationLine) -> Table.Value,
    cell: @escaping (OrganisationLine, OrganisationContext) -> Table.Cell
  ) -> Definition {
    Definition(
      c.key, c.title, align: align, priority: priority, width: width, textMinimum: c == .name ? 16 : 8,
      textFlexible: c == .name, meaning: c.meaning, ascendingFirst: c.naturallyAscending, value: value, cell: cell)
  }

  /// A footprint's code, as data carry it.
  static func code(_ f: FootprintID?, _ c: OrganisationContext) -> String? {
    f.map { c.analysis.dataset.footprints[$0].code }
  }

  /// The columns, screen and data, each defined once.
  static var columns: [Definition] {
    [
      column(.name, .left, 0, .flexible(min: 24, extra: 30), value: { .text($0.name) }) { l, _ in
        Table.Cell(text: l.name, tone: l.flagged || l.assumedRefusing ? .flag : .normal)
      },
      column(.code, .left, 7, .fixed(9), value: { .text($0.code) }) { l, _ in Table.Cell(text: l.code, tone: .dim) },
      column(.kind, .left, 6, .fixed(9), value: { .text($0.kind.rawValue) }) { l, _ in
        Table.Cell(text: l.kind.shortLabel, tone: .dim)
      },
      // The footprint's code (CSV, JSON) and name (screen, text) need the data: each from the context.
      Definition(
        OrganisationColumn.footprint.key, OrganisationColumn.footprint.title, priority: 2, width: .fixed(16),
        meaning: OrganisationColumn.footprint.meaning, ascendingFirst: true,
        valueIn: { l, c in .text(code(l.footprints.first, c)) }
      ) { l, c in
        let d = c.analysis.dataset
        var text = l.footprints.first.map { d.footprints[$0].name } ?? c.glyphs.dash
        if l.footprints.count > 1 { text += " +\(l.footprints.count - 1)" }
        return Table.Cell(text: text)
      },
      Definition(
        "footprints", "Footprints", outputs: .data, valueIn: { l, c in .list(l.footprints.compactMap { code($0, c) }) }),
      .data("regions", "Regions") { .list($0.regions.map(\.name)) },
      column(.savings, .right, 1, .fixed(11), value: { .number($0.savings, decimals: 3) }) { l, c in
        Table.Cell(text: Figures.money(l.savings, unicode: c.glyphs.unicode), basis: basis(l))
      },
      column(.share, .right, 5, .fixed(7), value: { .number($0.largestShare.map { $0 * 100 }, decimals: 1) }) { l, c in
        Table.Cell(
          text: Figures.percent(l.largestShare.map { $0 * 100 }, unicode: c.glyphs.unicode), basis: basis(l),
          tone: l.pivotal ? .bad : .normal)
      },
      Definition(
        "largest_share_footprint", "Largest share in", outputs: .data,
        valueIn: { l, c in .text(code(l.largestShareFootprint, c)) }),
      column(.stance, .left, 2, .fixed(12), value: { .text($0.stance.code) }) { l, _ in
        Table.Cell(
          text: l.stance.code + (l.stanceIllustrative ? Figures.illustrativeMark : "") + (l.mixedStance ? "+" : ""),
          tone: Meaning.stance(l.stance))
      },
      .text("stance_date", "As of", priority: 9, width: .fixed(10), tone: { _ in .dim }) { $0.stanceDate?.iso ?? "" },
      .data("mixed_stance", "Mixed stance") { .bool($0.mixedStance) },
      column(.flag, .left, 2, .fixed(4), value: { .bool($0.flagged) }) { l, c in
        let unsaved = c.unsaved(l)
        let text = (l.flagged ? c.glyphs.flag : "") + (l.assumedRefusing ? c.glyphs.assumed : "") + (unsaved ? "!" : "")
        return Table.Cell(text: text, tone: unsaved ? .unsaved : .flag)
      },
      .data("assumed_refusing", "Assumed refusing") { .bool($0.assumedRefusing) },
      column(.atRisk, .right, 3, .fixed(8), value: { .number($0.atRisk, decimals: 3) }) { l, c in
        Table.Cell(
          text: l.atRisk.map { $0 == 0 ? "" : Figures.money($0, unicode: c.glyphs.unicode) } ?? c.glyphs.dash,
          basis: (l.atRisk ?? 0) > 0 ? basis(l) : nil, tone: (l.atRisk ?? 0) > 0 ? .bad : .normal)
      },
      column(.pivotal, .left, 1, .fixed(3), value: { .bool($0.pivotal) }) { l, c in
        Table.Cell(
          text: l.pivotal ? c.glyphs.pivotal : (l.refusing ? c.glyphs.refusing : ""), tone: l.pivotal ? .bad : .flag)
      },
      Definition(
        "pivotal_in", "Pivotal in", outputs: .data, valueIn: { l, c in .list(l.pivotalIn.compactMap { code($0, c) }) }),
      column(.power, .right, 4, .fixed(5), value: { .number($0.blockingPower.map { $0 * 100 }, decimals: 2) }) {
        l, c in
        Table.Cell(
          text: l.blockingPower.map { Figures.percent($0 * 100, unicode: c.glyphs.unicode) } ?? c.glyphs.dash,
          basis: l.blockingPower == nil ? nil : basis(l), tone: (l.blockingPower ?? 0) >= 1 ? .bad : .normal)
      },
      column(.banzhaf, .right, 8, .fixed(7), value: { .number($0.banzhaf.map { $0 * 100 }, decimals: 2) }) {
        l, c in
        Table.Cell(
          text: l.banzhaf.map { Figures.percent($0 * 100, unicode: c.glyphs.unicode) } ?? c.glyphs.dash,
          basis: l.banzhaf == nil ? nil : basis(l))
      },
      Definition(
        "blocking_power_footprint", "Power in", outputs: .data,
        valueIn: { l, c in .text(code(l.blockingPowerFootprint, c)) }),
      .data("refusing", "Refusing") { .bool($0.refusing) },
      Definition(
        "control_total", "Ctrl", priority: 10, width: .fixed(5),
        meaning: "whether the trust had accepted its financial control total (no: not accepted, when last recorded)",
        valueIn: { l, c in .text(DisputeWords.controlTotalCode(l.org, dataset: c.analysis.dataset)) }
      ) { l, c in
        let code = DisputeWords.controlTotalCode(l.org, dataset: c.analysis.dataset)
        return Table.Cell(text: code ?? "", tone: code == "no" ? .warn : .dim)
      },
      Definition(
        "delivery_pct", "Delivery %", outputs: .data,
        valueIn: { l, c in
          .integer(l.footprints.first.map { c.delivery.delivery(footprint: $0, in: c.analysis).percent })
        }),
      .data("basis", "Basis", outputs: .csv) { .text(Basis(illustrative: $0.illustrative).code) },
      .data("illustrative", "Illustrative", outputs: .json) { .bool($0.illustrative) },
    ]
  }

  static func basis(_ l: OrganisationLine) -> Basis { l.illustrative ? .illustrative : .reported }

  /// The order of the columns in CSV and JSON.
  static let dataOrder = [
    "code", "name", "kind", "footprint", "footprints", "regions", "savings_2020_21_gbp_m", "largest_share",
    "largest_share_footprint", "stance", "stance_date", "mixed_stance", "flagged", "assumed_refusing",
    "at_risk_gbp_m", "refusing", "pivotal", "pivotal_in", "blocking_power", "banzhaf", "blocking_power_footprint",
    "control_total",
    "delivery_pct", "basis", "illustrative",
  ]

  /// The table of `lines`, with totals over `totalsOf` when given.
  static func table(
    _ lines: some Sequence<OrganisationLine>, totalsOf: [OrganisationLine]? = nil, context: OrganisationContext
  ) -> Table {
    var t = Table(columns, rows: lines, key: { $0.org }, context: context)
    t.dataOrder = dataOrder
    if let totalsOf { t.footer = footer(totalsOf, glyphs: context.glyphs) }
    return t
  }

  /// England's totals, then each kind's.
  static func footer(_ lines: [OrganisationLine], glyphs g: Glyphs) -> [Table.Row] {
    func total(_ name: String, _ part: [OrganisationLine]) -> Table.Row {
      var savings: Double? = nil
      var atRisk: Double? = nil
      for l in part {
        if let s = l.savings { savings = (savings ?? 0) + s }
        if let r = l.atRisk { atRisk = (atRisk ?? 0) + r }
      }
      let illustrative = part.contains(where: \.illustrative)
      let basis: Basis = illustrative ? .illustrative : .reported
      let flagged = part.filter(\.flagged).count
      let pivotal = part.filter(\.pivotal).count
      var cells = Array(repeating: Table.Cell(text: ""), count: columns.count)
      func set(_ key: String, _ cell: Table.Cell) {
        if let i = columns.firstIndex(where: { $0.spec.key == key }) { cells[i] = cell }
      }
      set("name", Table.Cell(text: "\(name) (\(NumberFormat.grouped(part.count)))", value: .text(name)))
      set(
        "savings_2020_21_gbp_m",
        Table.Cell(text: Figures.money(savings, unicode: g.unicode), value: .number(savings, decimals: 3), basis: basis)
      )
      set("flagged", Table.Cell(text: flagged > 0 ? "\(flagged)" : "", value: .integer(flagged), tone: .flag))
      set(
        "at_risk_gbp_m",
        Table.Cell(text: Figures.money(atRisk, unicode: g.unicode), value: .number(atRisk, decimals: 3), basis: basis))
      set("pivotal", Table.Cell(text: pivotal > 0 ? "\(pivotal)" : "", value: .integer(pivotal), tone: .bad))
      return Table.Row(key: nil, cells: cells)
    }
    var out = [total(England.name, lines)]
    for k in OrganisationKind.allCases {
      let part = lines.filter { $0.kind == k }
      if !part.isEmpty { out.append(total(k.label.prefix(1).uppercased() + k.label.dropFirst() + "s", part)) }
    }
    return out
  }
}
