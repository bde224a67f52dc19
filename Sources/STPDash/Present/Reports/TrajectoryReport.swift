import DashModel

/// A deficit trajectory as one view: a footprint's, England's or an
/// organisation's figures year by year at a delivery setting. The
/// Trajectory and Organisation screens' `e`, `stpdash trajectory` and
/// `stpdash org --format csv` print it.
struct TrajectoryReport: Report {
  var trajectory: Trajectory
  /// The plan with refusals, year by year, when refusing members hold savings.
  var withRefusals: [Double?]? = nil
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
  var count: Int { (Scenario.allCases.count + (withRefusals == nil ? 0 : 1)) * FinancialYear.count }

  /// The scenario code of the plan with refusals, in CSV and JSON.
  static let withRefusalsCode = "plan_with_refusals"

  /// A footprint's trajectory (England's for `nil`) at a delivery scheme,
  /// with the plan with refusals.
  init(
    footprint f: FootprintID?, analysis a: Analysis, delivery scheme: DeliveryScheme, refusals: Refusals,
    context: ExportContext
  ) {
    let d = a.dataset
    trajectory = a.trajectory(footprint: f, delivery: scheme)
    withRefusals = a.planWithRefusals(footprint: f, delivery: scheme, refusals: refusals)
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
            .text(p.value == nil ? "" : Self.standing(p).label), .text(Self.origin(p.origin)),
          ] + extra.map { TableExport.csvCell($0.value) })
      }
    }
    if let withRefusals {
      for y in FinancialYear.all {
        let v = withRefusals[y.index]
        out += CSVWriter.record(
          [
            .text(code), .text(VisibleText.sanitize(title)), .text(y.label), .text(Self.withRefusalsCode),
            .number(Figures.rounded(v, 3)),
            .text(v == nil ? "" : Self.standing(trajectory.point(.plan, y)).label), .text(""),
          ] + extra.map { TableExport.csvCell($0.value) })
      }
    }
    return out
  }

  /// How a point stands, in the one vocabulary of every output.
  static func standing(_ p: TrajectoryPoint) -> FigureStanding {
    p.illustrative ? .illustrative : (p.caveat ? .caveat : .reported)
  }

  /// Who counts as refusing, as the text says it.
  static func refusingWords(_ context: ExportContext) -> String {
    var words = (context.refusing.flatMap { RefusingRule(code: $0) } ?? .refused).phrase
    if let assumed = context.assumed, !assumed.isEmpty { words += ": " + assumed.joined(separator: ", ") + " assumed" }
    return words
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
        ("balance_year", .string(trajectory.planBalanceYear?.label)),
        ("trajectory", Self.json(trajectory, withRefusals: withRefusals)),
      ]
    ).rendered() + "\n"
  }

  /// The figures of each scenario, year by year, and the plan with refusals when given.
  static func json(_ t: Trajectory, withRefusals: [Double?]? = nil) -> JSONValue {
    let refusals: [(String, JSONValue)] =
      withRefusals.map { line in
        [
          (
            withRefusalsCode,
            .array(
              FinancialYear.all.map { y in
                .object([
                  ("year", .string(y.label)), ("gbp_m", .number(Figures.rounded(line[y.index], 3))),
                  ("illustrative", .bool(line[y.index] != nil && t.point(.plan, y).illustrative)),
                ])
              })
          )
        ]
      } ?? []
    return .object(
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
      } + refusals)
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    var lines = [
      "\(VisibleText.sanitize(title)) (\(code)): deficit trajectory, £m; plan at \(deliveryText) delivery of planned savings",
      "",
    ]
    lines += TextTable(TrajectoryPresenter.table(trajectory, withRefusals: withRefusals, glyphs: g)).render(
      width: width, glyphs: g)
    lines.append("")
    lines.append(TrajectoryPresenter.balance(trajectory))
    if withRefusals != nil {
      lines.append(
        "With refusals: the plan without the savings of the members counted as refusing (\(Self.refusingWords(context)))."
      )
    }
    if let note { lines.append(note) }
    if trajectory.hasIllustrative { lines.append(Figures.illustrativeNote) }
    return lines
  }
}
