import DashModel

/// A deficit trajectory as one view: a footprint's, England's or an
/// organisation's figures year by year at a delivery setting. The
/// Trajectory and Organisation screens' `e`, `stpdash trajectory` and
/// `stpdash org --format csv` print it.
struct TrajectoryReport: Report {
  var trajectory: Trajectory
  var code: String
  var title: String
  /// How the plan's delivery reads in the caption (`60%`, `its observed 42%`).
  var deliveryText: String
  /// The delivery percent JSON records for this trajectory.
  var deliveryPercent: Int
  var context: ExportContext
  /// A closing sentence for text (England: what it is the sum of).
  var note: String? = nil
  /// The export's name prefix (`trajectory`, `org`).
  var kind = "trajectory"

  var name: String { "\(kind)-\(code)" }
  var count: Int { Scenario.allCases.count * FinancialYear.count }

  /// A footprint's trajectory (England's for `nil`) at a delivery scheme.
  init(footprint f: FootprintID?, analysis a: Analysis, delivery scheme: DeliveryScheme, context: ExportContext) {
    let d = a.dataset
    trajectory = a.trajectory(footprint: f, delivery: scheme)
    code = f.map { d.footprints[$0].code } ?? England.code
    title = f.map { d.footprints[$0].name } ?? England.name
    self.context = context
    if let f {
      deliveryText = scheme.phrase(footprint: f, in: a)
      deliveryPercent = scheme.delivery(footprint: f, in: a).percent
    } else {
      deliveryText = scheme.setting
      deliveryPercent = scheme.uniform?.percent ?? Delivery.full.percent
      note = "\(England.name) is the sum of the \(d.footprints.count) footprints."
    }
  }

  /// An organisation's own figures (the whole organisation) at a delivery setting.
  init(organisation o: OrganisationID, analysis a: Analysis, delivery: Delivery, context: ExportContext) {
    let org = a.dataset.organisations[o]
    trajectory = a.organisationTrajectory(o).delivering(delivery)
    code = org.code
    title = org.name
    deliveryText = "\(delivery.percent)%"
    deliveryPercent = delivery.percent
    self.context = context
    kind = "org"
  }

  func csv() -> String {
    let extra = context.fields
    var out = CSVWriter.header(["code", "name", "year", "scenario", "gbp_m", "basis", "origin"] + extra.map(\.key))
    for s in Scenario.allCases {
      for y in FinancialYear.all {
        let p = trajectory.point(s, y)
        out += CSVWriter.record(
          [
            .text(code), .text(VisibleText.sanitize(title)), .text(y.label), .text(s.code),
            .number(Figures.rounded(p.value, 3)),
            .text(p.value == nil ? "" : Basis(illustrative: p.illustrative).code), .text(Self.origin(p.origin)),
          ] + extra.map { TableExport.csvCell($0.value) })
      }
    }
    return out
  }

  static func origin(_ o: PointOrigin) -> String {
    switch o {
    case .own: "own"
    case .members: "sum"
    case .none: ""
    }
  }

  func json() -> String {
    JSONValue.object(
      [
        ("code", .string(code)), ("name", .string(title)), ("delivery_pct", .integer(deliveryPercent)),
      ] + context.json + [
        ("balance_year", .string(trajectory.planBalanceYear?.label)), ("trajectory", Self.json(trajectory)),
      ]
    ).rendered() + "\n"
  }

  /// The figures of each scenario, year by year.
  static func json(_ t: Trajectory) -> JSONValue {
    .object(
      Scenario.allCases.map { s in
        (
          s.code,
          .array(
            FinancialYear.all.map { y in
              let p = t.point(s, y)
              return .object([
                ("year", .string(y.label)), ("gbp_m", .number(Figures.rounded(p.value, 3))),
                ("illustrative", .bool(p.illustrative)), ("origin", .string(origin(p.origin))),
              ])
            })
        )
      })
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    var lines = [
      "\(VisibleText.sanitize(title)) (\(code)): deficit trajectory, £m; plan at \(deliveryText) delivery of planned savings",
      "",
    ]
    lines += TextTable(TrajectoryPresenter.table(trajectory, glyphs: g)).render(width: width, glyphs: g)
    lines.append("")
    lines.append(TrajectoryPresenter.balance(trajectory))
    if let note { lines.append(note) }
    if trajectory.hasIllustrative { lines.append(Figures.illustrativeNote) }
    return lines
  }
}
