import DashModel

/// Every organisation as a ``Table``: the Organisations screen, `e` on it,
/// and `stpdash orgs` in every format show this table. England's and each
/// kind's totals are the footer.
enum OrganisationsPresenter {
  /// The columns, screen and data.
  static func columns() -> [Table.Column] {
    func col(_ c: OrganisationColumn, _ align: Table.Align, _ priority: Int, _ width: Table.Width) -> Table.Column {
      Table.Column(key: c.key, title: c.title, align: align, priority: priority, width: width)
    }
    var name = col(.name, .left, 0, .flexible(min: 24, extra: 30))
    name.textMinimum = 16
    name.textFlexible = true
    return [
      name,
      col(.code, .left, 7, .fixed(9)),
      col(.kind, .left, 6, .fixed(9)),
      col(.footprint, .left, 5, .fixed(16)),
      Table.Column(key: "footprints", title: "Footprints", outputs: .data),
      Table.Column(key: "regions", title: "Regions", outputs: .data),
      col(.savings, .right, 1, .fixed(11)),
      col(.share, .right, 4, .fixed(5)),
      Table.Column(key: "largest_share_footprint", title: "Largest share in", outputs: .data),
      col(.stance, .left, 2, .fixed(12)),
      Table.Column(key: "stance_date", title: "As of", priority: 9, width: .fixed(10)),
      Table.Column(key: "mixed_stance", title: "Mixed stance", outputs: .data),
      col(.flag, .left, 2, .fixed(4)),
      Table.Column(key: "assumed_refusing", title: "Assumed refusing", outputs: .data),
      col(.atRisk, .right, 3, .fixed(8)),
      col(.pivotal, .left, 1, .fixed(3)),
      Table.Column(key: "pivotal_in", title: "Pivotal in", outputs: .data),
      Table.Column(key: "delivery_pct", title: "Delivery %", outputs: .data),
      Table.Column(key: "basis", title: "Basis", outputs: .csv),
      Table.Column(key: "illustrative", title: "Illustrative", outputs: .json),
    ]
  }

  /// The order of the columns in CSV and JSON.
  static let dataOrder = [
    "code", "name", "kind", "footprint", "footprints", "regions", "savings_2020_21_gbp_m", "largest_share",
    "largest_share_footprint", "stance", "stance_date", "mixed_stance", "flagged", "assumed_refusing",
    "at_risk_gbp_m", "pivotal", "pivotal_in", "delivery_pct", "basis", "illustrative",
  ]

  /// The table of `lines`, with totals over `totalsOf` (all lines by default).
  static func table(
    _ lines: [OrganisationLine], totalsOf: [OrganisationLine]? = nil, analysis: Analysis, delivery: DeliveryScheme,
    unsaved: (OrganisationLine) -> Bool = { _ in false }, glyphs g: Glyphs, totals: Bool = true
  ) -> Table {
    var t = Table(columns: columns())
    t.dataOrder = dataOrder
    t.rows = lines.map {
      Table.Row(key: $0.org, cells: cells($0, analysis: analysis, delivery: delivery, unsaved: unsaved($0), glyphs: g))
    }
    if totals { t.footer = footer(totalsOf ?? lines, glyphs: g) }
    return t
  }

  static func cells(
    _ l: OrganisationLine, analysis: Analysis, delivery: DeliveryScheme, unsaved: Bool, glyphs g: Glyphs
  ) -> [Table.Cell] {
    let d = analysis.dataset
    let main = l.footprints.first
    let basis: Basis = l.illustrative ? .illustrative : .reported
    var fpText = main.map { d.footprints[$0].name } ?? g.dash
    if l.footprints.count > 1 { fpText += " +\(l.footprints.count - 1)" }
    var flag = l.flagged ? g.flag : ""
    if l.assumedRefusing { flag += g.assumed }
    if unsaved { flag += "!" }
    let stanceText =
      l.stance.code + (l.stanceIllustrative ? Figures.illustrativeMark : "") + (l.mixedStance ? "+" : "")
    return [
      Table.Cell(text: l.name, value: .text(l.name), tone: l.flagged || l.assumedRefusing ? .flag : .normal),
      Table.Cell(text: l.code, value: .text(l.code), tone: .dim),
      Table.Cell(text: l.kind.shortLabel, value: .text(l.kind.rawValue), tone: .dim),
      Table.Cell(text: fpText, value: .text(main.map { d.footprints[$0].code })),
      Table.Cell(text: "", value: .list(l.footprints.map { d.footprints[$0].code })),
      Table.Cell(text: "", value: .list(l.regions.map(\.name))),
      Table.Cell(
        text: Figures.money(l.savings, unicode: g.unicode), value: .number(l.savings, decimals: 3), basis: basis),
      Table.Cell(
        text: Figures.percent(l.largestShare.map { $0 * 100 }, unicode: g.unicode),
        value: .number(l.largestShare.map { $0 * 100 }, decimals: 1), basis: basis,
        tone: l.pivotal ? .bad : .normal),
      Table.Cell(text: "", value: .text(l.largestShareFootprint.map { d.footprints[$0].code })),
      Table.Cell(text: stanceText, value: .text(l.stance.code), tone: Meaning.stance(l.stance)),
      Table.Cell(text: l.stanceDate?.iso ?? "", value: .text(l.stanceDate?.iso), tone: .dim),
      Table.Cell(text: "", value: .bool(l.mixedStance)),
      Table.Cell(text: flag, value: .bool(l.flagged), tone: unsaved ? .unsaved : .flag),
      Table.Cell(text: "", value: .bool(l.assumedRefusing)),
      Table.Cell(
        text: l.atRisk.map { $0 == 0 ? "" : Figures.money($0, unicode: g.unicode) } ?? g.dash,
        value: .number(l.atRisk, decimals: 3), basis: (l.atRisk ?? 0) > 0 ? basis : nil,
        tone: (l.atRisk ?? 0) > 0 ? .bad : .normal),
      Table.Cell(text: l.pivotal ? g.pivotal : "", value: .bool(l.pivotal), tone: .bad),
      Table.Cell(text: "", value: .list(l.pivotalIn.map { d.footprints[$0].code })),
      Table.Cell(text: "", value: .integer(main.map { delivery.delivery(footprint: $0, in: analysis).percent })),
      .text(l.illustrative ? "illustrative" : "reported"),
      Table.Cell(text: "", value: .bool(l.illustrative)),
    ]
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
      var cells = Array(repeating: Table.Cell(text: ""), count: columns().count)
      let cols = columns()
      func set(_ key: String, _ cell: Table.Cell) {
        if let i = cols.firstIndex(where: { $0.key == key }) { cells[i] = cell }
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
    var out = [total("England", lines)]
    for k in OrganisationKind.allCases {
      let part = lines.filter { $0.kind == k }
      if !part.isEmpty { out.append(total(k.label.prefix(1).uppercased() + k.label.dropFirst() + "s", part)) }
    }
    return out
  }
}
