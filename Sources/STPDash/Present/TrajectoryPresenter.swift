import DashModel

/// A trajectory's figures, year by year: the Trajectory screen (which
/// shows the years across), the Organisation screen and `stpdash
/// trajectory` / `stpdash org` all show this table.
enum TrajectoryPresenter {
  /// The scenario of each figure column, in order, then the savings.
  static let scenarios = Scenario.allCases

  /// Years as rows; do-nothing, plan, outturn, the plan with refusals (when
  /// given) and the planned savings as columns.
  static func table(_ t: Trajectory, withRefusals: [Double?]? = nil, glyphs g: Glyphs) -> Table {
    var columns = [Table.Column(key: "year", title: "Year", priority: 0, width: .fixed(8))]
    for s in scenarios {
      columns.append(
        Table.Column(
          key: s.code + "_gbp_m", title: s.label.prefix(1).uppercased() + s.label.dropFirst() + " £m", align: .right,
          priority: s == .outturn ? 2 : 1, width: .fixed(12)))
    }
    if withRefusals != nil {
      columns.append(
        Table.Column(
          key: "plan_with_refusals_gbp_m", title: "W/ refusals £m", align: .right, priority: 1, width: .fixed(14)))
    }
    columns.append(
      Table.Column(key: "savings_gbp_m", title: "Savings £m", align: .right, priority: 3, width: .fixed(12)))
    var table = Table(columns: columns)
    table.rows = FinancialYear.all.map { y in
      var cells = [Table.Cell.text(y.label)]
      for s in scenarios {
        let p = t.point(s, y)
        cells.append(
          Table.Cell(
            text: Figures.money(p.value, unicode: g.unicode),
            short: p.value.map { NumberFormat.fixed($0, decimals: 0) },
            value: .number(p.value, decimals: 3), basis: p.illustrative ? .illustrative : .reported,
            caveat: p.value != nil && !p.illustrative && p.caveat))
      }
      let dn = t.point(.doNothing, y)
      let plan = t.point(.plan, y)
      if let withRefusals {
        let v = withRefusals[y.index]
        cells.append(
          Table.Cell(
            text: Figures.money(v, unicode: g.unicode), short: v.map { NumberFormat.fixed($0, decimals: 0) },
            value: .number(v, decimals: 3), basis: plan.illustrative ? .illustrative : .reported))
      }
      let savings = t.plannedSavings(y)
      cells.append(
        Table.Cell(
          text: Figures.money(savings, unicode: g.unicode), short: savings.map { NumberFormat.fixed($0, decimals: 0) },
          value: .number(savings, decimals: 3), basis: dn.illustrative || plan.illustrative ? .illustrative : .reported
        ))
      return Table.Row(key: y.index, cells: cells)
    }
    return table
  }

  /// A sentence on whether and when the plan balances.
  /// Without plan figures, or without the last year's, it says what is not
  /// known rather than a finding.
  static func balance(_ t: Trajectory) -> String {
    if let year = t.planBalanceYear {
      return "The plan reaches financial balance (gap at or below zero) in \(year.label)."
    }
    let known = FinancialYear.all.filter { t.value(.plan, $0)?.isFinite ?? false }
    guard let lastKnown = known.last else {
      return "Whether the plan reaches financial balance is not known: there are no plan figures."
    }
    guard let last = FinancialYear.all.last, lastKnown == last else {
      return
        "The plan does not reach financial balance in the years with figures (to \(lastKnown.label)); after that it is not known."
    }
    return "The plan does not reach financial balance by \(last.label)."
  }
}
