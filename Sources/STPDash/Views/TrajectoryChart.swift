import DashModel

/// A line chart of a trajectory: do-nothing, plan and outturn against the
/// zero line of financial balance, with £m labels. Braille dots in UTF-8
/// (2×4 dots a cell), one character per series in ASCII.
struct TrajectoryChart {
  var trajectory: Trajectory
  /// Full axis, year and line-end labels; off for the small chart, which
  /// labels only its top and zero and its first and last years.
  var decorated = true
  /// The plan with refusals, year by year, when refusing members hold savings.
  var withRefusals: [Double?]? = nil
  /// The plan as filed, when the delivery setting moves the plan away from it.
  var filed: [Double?]? = nil

  static let drawOrder: [ChartSeries] = [.filed, .doNothing, .outturn, .withRefusals, .plan]

  static func scenario(_ s: ChartSeries) -> Scenario {
    switch s {
    case .doNothing: .doNothing
    case .plan, .withRefusals, .filed: .plan
    case .outturn: .outturn
    }
  }

  /// The label at a line's end and in the table (at most 10 columns).
  static func label(_ s: ChartSeries) -> String {
    switch s {
    case .withRefusals: "w/refusals"
    case .filed: "as filed"
    default: scenario(s).label
    }
  }

  /// The words in the legend under the chart.
  static func legend(_ s: ChartSeries) -> String { s == .withRefusals ? "plan with refusals" : label(s) }

  /// A line's figure in a year.
  func value(_ s: ChartSeries, _ y: FinancialYear) -> Double? {
    if s == .withRefusals { return withRefusals.flatMap { $0[y.index] } }
    if s == .filed { return filed.flatMap { $0[y.index] } }
    return trajectory.value(Self.scenario(s), y)
  }

  /// The lines drawn: the plan with refusals only when refusing members hold savings.
  var series: [ChartSeries] {
    ChartSeries.allCases.filter { ($0 != .withRefusals || withRefusals != nil) && ($0 != .filed || filed != nil) }
  }

  /// Round steps for the £m axis: 1, 2, 2.5 or 5 times a power of ten.
  static func niceStep(range: Double, maxTicks: Int) -> Double {
    // Only a finite, positive range has steps (an infinite one would never
    // stop growing the power of ten).
    guard range.isFinite, range > 0, maxTicks > 0 else { return 1 }
    let raw = range / Double(maxTicks)
    var power = 1.0
    while power * 10 <= raw { power *= 10 }
    while power > raw { power /= 10 }
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * power >= raw { return m * power }
    return 10 * power
  }

  /// Where the chart draws: the plot, its £m scale, and the dots per cell.
  struct Frame {
    var plot: Rect
    var lo: Double
    var hi: Double
    var step: Double
    var labelWidth: Int
    var tickLabels: [String]
    /// Dots per cell: 2 × 4 in Braille, 1 × 1 in ASCII.
    var dx: Int
    var dy: Int

    var dotsW: Int { plot.width * dx }
    var dotsH: Int { plot.height * dy }

    func dotY(_ v: Double) -> Int {
      let y = ((hi - v) / (hi - lo) * Double(dotsH - 1)).rounded()
      return y.isFinite ? Int(max(-1, min(Double(dotsH), y))) : 0
    }

    func dotX(_ year: Int) -> Int {
      Int((Double(year) / Double(FinancialYear.count - 1) * Double(dotsW - 1)).rounded())
    }

    /// The screen row of a value.
    func row(_ v: Double) -> Int { plot.y + dotY(v) / dy }
  }

  /// The frame for an area, or `nil` when there is nothing to chart.
  func frame(_ area: Rect, glyphs g: Glyphs) -> Frame? {
    // Figures are bounded when loaded; a chart still never trusts them.
    let values = TrajectoryChart.drawOrder.flatMap { s in
      FinancialYear.all.compactMap { value(s, $0) }.filter { $0.isFinite && abs($0) < 1e15 }
    }
    guard !values.isEmpty else { return nil }
    // Axis scale: always include zero (balance), rounded outwards to whole
    // steps; the same steps (and so the same top tick) at every size.
    var lo = min(0, values.min() ?? 0)
    var hi = max(0, values.max() ?? 0)
    if hi - lo < 1 { hi = lo + 1 }
    let step = Self.niceStep(range: hi - lo, maxTicks: decorated ? 5 : 8)
    lo = (lo / step).rounded(.down) * step
    hi = (hi / step).rounded(.up) * step
    let tickLabels = stride(from: lo, through: hi + step / 2, by: step).map {
      NumberFormat.fixed($0, decimals: step < 1 ? 1 : 0)
    }
    let labelWidth = tickLabels.map(\.count).max() ?? 1
    let endLabelWidth = decorated ? 11 : 0
    let plot = Rect(
      x: area.x + labelWidth + 1, y: area.y, width: max(4, area.width - labelWidth - 1 - endLabelWidth),
      height: max(2, area.height - 1))
    return Frame(
      plot: plot, lo: lo, hi: hi, step: step, labelWidth: labelWidth, tickLabels: tickLabels, dx: g.unicode ? 2 : 1,
      dy: g.unicode ? 4 : 1)
  }

  func render(into buf: inout Buffer, area: Rect, theme: Theme, glyphs g: Glyphs) {
    guard area.width >= 12, area.height >= 3 else { return }
    guard let f = frame(area, glyphs: g) else {
      buf.put("no figures to chart", x: area.x + 1, y: area.y + area.height / 2, style: theme.dim, maxX: area.maxX)
      return
    }
    // The zero line first, so the series draw over it.
    let zeroRow = f.row(0)
    buf.put(String(repeating: g.hline, count: f.plot.width), x: f.plot.x, y: zeroRow, style: theme.zeroLine)
    let ends = drawSeries(f, into: &buf, theme: theme, glyphs: g)
    drawAxes(f, area: area, zeroRow: zeroRow, into: &buf, theme: theme, glyphs: g)
    guard decorated else { return }
    // Each line labelled where it ends; labels never sit on one another.
    var used = Set<Int>([zeroRow])
    for e in ends.sorted(by: { $0.row < $1.row }) {
      var row = e.row
      while used.contains(row) && row < f.plot.maxY - 1 { row += 1 }
      while used.contains(row) && row > f.plot.y { row -= 1 }
      used.insert(row)
      // A line that ends before the last year is labelled where it ends, not at the margin.
      let early = e.x < f.plot.maxX - 3
      buf.put(
        Self.label(e.series), x: early ? e.x + 2 : f.plot.maxX + 1, y: early ? e.row : row,
        style: theme.series(e.series), maxX: area.maxX)
    }
  }

  /// The lines, dot by dot; returns where each ends.
  func drawSeries(
    _ f: Frame, into buf: inout Buffer, theme: Theme, glyphs g: Glyphs
  ) -> [(
    series: ChartSeries, row: Int, x: Int
  )] {
    let plot = f.plot
    var bits = [UInt8](repeating: 0, count: plot.width * plot.height)
    var owner = [ChartSeries?](repeating: nil, count: plot.width * plot.height)
    var ends: [(series: ChartSeries, row: Int, x: Int)] = []
    for s in Self.drawOrder where series.contains(s) {
      var previous: (x: Int, y: Int)? = nil
      var last: (x: Int, y: Int)? = nil
      for y in FinancialYear.all {
        guard let v = value(s, y), v.isFinite, abs(v) < 1e15 else {
          previous = nil
          continue
        }
        let p = (x: f.dotX(y.index), y: f.dotY(v))
        if let q = previous {
          Self.line(from: q, to: p) { x, yy in
            Self.plotDot(x, yy, s, dx: f.dx, dy: f.dy, width: plot.width, bits: &bits, owner: &owner)
          }
        } else {
          Self.plotDot(p.x, p.y, s, dx: f.dx, dy: f.dy, width: plot.width, bits: &bits, owner: &owner)
        }
        previous = p
        last = p
      }
      if let last { ends.append((s, plot.y + last.y / f.dy, plot.x + last.x / f.dx)) }
    }
    for cy in 0..<plot.height {
      for cx in 0..<plot.width {
        let i = cy * plot.width + cx
        guard let s = owner[i] else { continue }
        let symbol =
          g.unicode ? String(Character(Unicode.Scalar(0x2800 + UInt32(bits[i])) ?? " ")) : g.seriesMark(s)
        buf.put(symbol, x: plot.x + cx, y: plot.y + cy, style: theme.series(s))
      }
    }
    // Each yearly point in its series' own mark; two on one cell, the overlap mark.
    var marked: [Int: ChartSeries] = [:]
    for s in Self.drawOrder where series.contains(s) {
      for y in FinancialYear.all {
        guard let v = value(s, y), v.isFinite, abs(v) < 1e15 else { continue }
        let cx = f.dotX(y.index) / f.dx
        let cy = f.dotY(v) / f.dy
        guard cx >= 0, cx < plot.width, cy >= 0, cy < plot.height else { continue }
        let i = cy * plot.width + cx
        let shared = marked[i].map { $0 != s } ?? false
        marked[i] = s
        buf.put(
          shared ? g.overlap : g.seriesMark(s), x: plot.x + cx, y: plot.y + cy,
          style: shared ? theme.axis : theme.series(s))
      }
    }
    return ends
  }

  /// The £m axis (the small chart: top and zero only) and the years under the plot.
  func drawAxes(_ f: Frame, area: Rect, zeroRow: Int, into buf: inout Buffer, theme: Theme, glyphs g: Glyphs) {
    let plot = f.plot
    for y in plot.y..<plot.maxY { buf.put(g.vline, x: plot.x - 1, y: y, style: theme.axis) }
    var lastLabelRow = -2
    let ticks = Array(stride(from: f.lo, through: f.hi + f.step / 2, by: f.step))
    for (i, v) in ticks.enumerated() {
      if !decorated && v != 0 && i != ticks.count - 1 { continue }
      let row = f.row(v)
      guard row != lastLabelRow, row >= plot.y, row < plot.maxY, i < f.tickLabels.count else { continue }
      buf.put(
        f.tickLabels[i], x: area.x, y: row, width: f.labelWidth, style: v == 0 ? theme.zeroLine : theme.axis,
        right: true, ellipsis: g.ellipsis)
      lastLabelRow = row
    }
    if decorated { buf.put("balance", x: plot.maxX + 1, y: zeroRow, style: theme.zeroLine, maxX: area.maxX) }
    // Every year when the labels fit (full, then short), else the first and last: evenly spaced.
    let full = decorated && plot.width >= FinancialYear.count * 9
    let short = decorated && plot.width >= FinancialYear.count * 7
    for y in FinancialYear.all where full || short || y.index == 0 || y.index == FinancialYear.count - 1 {
      let text = full ? y.label : y.shortLabel
      let center = plot.x + f.dotX(y.index) / f.dx
      let x = max(plot.x, min(plot.maxX - text.count, center - text.count / 2))
      buf.put(text, x: x, y: plot.maxY, style: theme.axis)
    }
  }

  static func plotDot(
    _ x: Int, _ y: Int, _ s: ChartSeries, dx: Int, dy: Int, width: Int, bits: inout [UInt8], owner: inout [ChartSeries?]
  ) {
    let cx = x / dx
    let cy = y / dy
    let i = cy * width + cx
    guard cx >= 0, cx < width, i >= 0, i < bits.count else { return }
    if dx == 2 {
      // Braille dot numbering: columns of 1-2-3-7 and 4-5-6-8.
      let map: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
      bits[i] |= map[x % 2][y % 4]
    }
    owner[i] = s
  }

  /// Bresenham's line between two dot positions.
  static func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), _ plot: (Int, Int) -> Void) {
    var x0 = a.x
    var y0 = a.y
    let sx = a.x < b.x ? 1 : -1
    let sy = a.y < b.y ? 1 : -1
    let w = abs(b.x - a.x)
    let h = -abs(b.y - a.y)
    var err = w + h
    while true {
      plot(x0, y0)
      if x0 == b.x && y0 == b.y { break }
      let e2 = 2 * err
      if e2 >= h {
        err += h
        x0 += sx
      }
      if e2 <= w {
        err += w
        y0 += sy
      }
    }
  }
}
