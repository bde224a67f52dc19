import DashModel

/// A trajectory, year by year.
enum TrajectoryReport {
  static func table(_ t: Trajectory, unicode: Bool) -> TextTable {
    var table = TextTable(columns: [
      .init(title: "Year", priority: 0),
      .init(title: "Do-nothing £m", rightAligned: true, priority: 1),
      .init(title: "Plan £m", rightAligned: true, priority: 1),
      .init(title: "Outturn £m", rightAligned: true, priority: 2),
      .init(title: "Savings £m", rightAligned: true, priority: 3),
    ])
    table.rows = FinancialYear.all.map { y in
      let dn = t.point(.doNothing, y)
      let p = t.point(.plan, y)
      let o = t.point(.outturn, y)
      return [
        y.label, Figures.marked(Figures.money(dn.value, unicode: unicode), dn.illustrative),
        Figures.marked(Figures.money(p.value, unicode: unicode), p.illustrative),
        Figures.marked(Figures.money(o.value, unicode: unicode), o.illustrative),
        Figures.marked(Figures.money(t.plannedSavings(y), unicode: unicode), dn.illustrative || p.illustrative),
      ]
    }
    return table
  }

  static func csv(_ t: Trajectory, code: String, name: String) -> String {
    var out = CSVWriter.header(["code", "name", "year", "scenario", "gbp_m", "basis", "origin"])
    for s in Scenario.allCases {
      for y in FinancialYear.all {
        let p = t.point(s, y)
        out += CSVWriter.record([
          .text(code), .text(VisibleText.sanitize(name)), .text(y.label), .text(s.code),
          .number(Figures.rounded(p.value, 3)),
          .text(p.value == nil ? "" : (p.illustrative ? "illustrative" : "reported")), .text(origin(p.origin)),
        ])
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
