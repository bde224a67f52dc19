import DashModel

/// A trajectory as CSV (one record per figure) and JSON (the figures of
/// each scenario); its table is ``TrajectoryPresenter``'s.
enum TrajectoryReport {
  static func csv(_ t: Trajectory, code: String, name: String, context: ExportContext? = nil) -> String {
    let extra = context?.fields ?? []
    var out = CSVWriter.header(["code", "name", "year", "scenario", "gbp_m", "basis", "origin"] + extra.map(\.key))
    for s in Scenario.allCases {
      for y in FinancialYear.all {
        let p = t.point(s, y)
        out += CSVWriter.record(
          [
            .text(code), .text(VisibleText.sanitize(name)), .text(y.label), .text(s.code),
            .number(Figures.rounded(p.value, 3)),
            .text(p.value == nil ? "" : (p.illustrative ? "illustrative" : "reported")), .text(origin(p.origin)),
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
}
