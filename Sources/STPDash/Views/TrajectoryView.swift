import DashModel

/// A footprint's (or England's) deficit path to 2020/21, as a chart and in figures.
enum TrajectoryView {
  static func render(_ state: AppState, footprint f: FootprintID?, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let t = state.session.analysis.trajectory(footprint: f, delivery: state.scheme)
    let name = f.map { d.footprints[$0].name } ?? England.name
    var position = ""
    if let f, let i = state.derived.visible.firstIndex(where: { $0.footprint == f }) {
      position = "  (\(i + 1) of \(state.derived.visible.count), ←/→)"
    } else if f == nil {
      position = "  (all \(d.footprints.count) footprints)"
    }
    let end = buf.put(" " + name, x: 0, y: 1, style: theme.title)
    let subtitle =
      g.text(" deficit, £m")
      + " \(g.dot) plan at \(f.map { state.scheme.phrase(footprint: $0, in: state.session.analysis) } ?? state.scheme.setting) delivery\(position)"
    if DisplayWidth.width(of: subtitle) <= buf.width - end {
      buf.put(subtitle, x: end, y: 1, style: theme.dim)
    } else {
      // Cut with an ellipsis where the width runs out (the key bar names ←/→).
      buf.put(subtitle, x: end, y: 1, width: buf.width - end, style: theme.dim, ellipsis: g.ellipsis)
    }

    let bodyBottom = buf.height - 1
    let withRefusals = state.session.analysis.planWithRefusals(
      footprint: f, delivery: state.scheme, refusals: state.refusals)
    // A ghost of the plan as filed while the delivery setting moves it.
    let moved = state.observed || state.delivery != .full
    let filed =
      moved
      ? state.session.analysis.trajectory(footprint: f, delivery: .full).line(.plan).map(\.value)
      : nil
    let chart = TrajectoryChart(trajectory: t, withRefusals: withRefusals, filed: filed)
    let showTable = buf.height >= 20
    let tableHeight = showTable ? 2 + chart.series.count : 0
    let legendY = bodyBottom - tableHeight - 1
    let chartArea = Rect(x: 1, y: 3, width: buf.width - 2, height: max(3, legendY - 3))
    chart.render(into: &buf, area: chartArea, theme: theme, glyphs: g)
    // The axis's unit, above it.
    buf.put(g.text("£m"), x: 1, y: 2, style: theme.axis)

    // Legend: marks, balance, and an honest word on illustrative data.
    var x = 2
    for s in chart.series {
      x = buf.put(g.seriesMark(s) + g.hline + " ", x: x, y: legendY, style: theme.series(s))
      x = buf.put(TrajectoryChart.legend(s) + "  ", x: x, y: legendY)
    }
    x = buf.put(g.hline + g.hline + " ", x: x, y: legendY, style: theme.zeroLine)
    x = buf.put("balance (0)", x: x, y: legendY)
    if let year = t.planBalanceYear {
      x = buf.put("   plan balances \(year.label)", x: x, y: legendY, style: theme.good)
    } else if t.value(.plan, .target) != nil {
      x = buf.put("   no balance by 2020/21", x: x, y: legendY, style: theme.warn)
    }
    if t.hasIllustrative {
      let badge = " ILLUSTRATIVE FIGURES (\(Figures.illustrativeMark)) "
      buf.put(
        badge, x: max(0, buf.width - badge.count - 1), y: 2, style: theme.illustrative.patched(Style(reverse: true)))
    }
    if showTable { table(chart, y: legendY + 1, into: &buf, theme: theme, glyphs: g) }
  }

  /// The figures under the chart: one row per line, one column per year
  /// (the presenter's table, with the years across).
  static func table(_ chart: TrajectoryChart, y: Int, into buf: inout Buffer, theme: Theme, glyphs g: Glyphs) {
    let t = chart.trajectory
    let labelWidth = 11
    let colWidth = max(7, min(11, (buf.width - 2 - labelWidth) / FinancialYear.count))
    let wide = colWidth >= 10
    let figures = TrajectoryPresenter.table(t, glyphs: g)
    buf.rule(y: y, from: 1, to: buf.width - 1, glyph: g.hline, style: theme.dim)
    for (i, year) in FinancialYear.all.enumerated() {
      buf.put(
        wide ? year.label : year.shortLabel, x: 1 + labelWidth + i * colWidth, y: y + 1, width: colWidth,
        style: theme.header, right: true, ellipsis: g.ellipsis)
    }
    for (row, s) in chart.series.enumerated() {
      let yy = y + 2 + row
      if s == .withRefusals || s == .filed {
        buf.put(TrajectoryChart.label(s), x: 1, y: yy, width: labelWidth, style: theme.series(s), ellipsis: g.ellipsis)
        for (i, year) in FinancialYear.all.enumerated() {
          let v = chart.value(s, year)
          let text =
            wide ? Figures.money(v, unicode: g.unicode) : (v.map { NumberFormat.fixed($0, decimals: 0) } ?? g.dash)
          buf.figure(
            text, illustrative: t.point(.plan, year).illustrative, x: 1 + labelWidth + i * colWidth, y: yy,
            width: colWidth, style: theme.normal, theme: theme, ellipsis: g.ellipsis)
        }
        continue
      }
      let scenario = TrajectoryChart.scenario(s)
      guard let column = TrajectoryPresenter.scenarios.firstIndex(of: scenario) else { continue }
      buf.put(TrajectoryChart.label(s), x: 1, y: yy, width: labelWidth, style: theme.series(s), ellipsis: g.ellipsis)
      for (i, yearRow) in figures.rows.enumerated() {
        let cell = yearRow.cells[1 + column]
        // One precision along the row: whole £m for every figure when the
        // columns are narrow.
        buf.figure(
          wide ? cell.text : (cell.short ?? cell.text), illustrative: cell.basis == .illustrative, caveat: cell.caveat,
          x: 1 + labelWidth + i * colWidth, y: yy, width: colWidth, style: theme.normal, theme: theme,
          ellipsis: g.ellipsis)
      }
    }
  }
}
