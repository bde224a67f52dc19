import DashModel

/// The 44 footprints as hexes in their map positions, coloured by a league
/// column in quantile bins (by fill pattern without colour), the selected
/// one highlighted and described beside the map.
enum MapView {
  /// The geometry for a screen: hexes wide enough for their labels, two
  /// lines each when there is room.
  static func geometry(_ size: Size, hexRows: Int = 10) -> (cellWidth: Int, rowHeight: Int) {
    // Two lines a hex (the label, then the figure) whenever the map's rows fit twice.
    (size.width >= 120 ? 10 : (size.width >= 100 ? 8 : 6), size.height >= 2 * hexRows + 3 ? 2 : 1)
  }

  /// How many hex rows the map has.
  static func hexRows(_ d: Dataset) -> Int {
    guard let lo = d.hexes.map(\.r).min(), let hi = d.hexes.map(\.r).max() else { return 1 }
    return hi - lo + 1
  }

  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let metric = state.mapMetric
    guard !d.hexes.isEmpty else {
      buf.put(
        d.hasHexMapFile
          ? " hexmap.csv places no footprint of this data."
          : " There is no map layout for this data: add hexmap.csv (code, q, r, label) to the data directory.",
        x: 0, y: 2, style: theme.dim, maxX: buf.width)
      return
    }
    let (w, h) = geometry(state.size, hexRows: hexRows(d))
    let placed = MapPresenter.place(d.hexes, cellWidth: w, rowHeight: h)

    let rows = Dictionary(
      state.derived.rows.compactMap { r in r.footprint.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
    let visible = Set(state.derived.visible.compactMap(\.footprint))
    let values = state.derived.visible.compactMap { MapPresenter.value($0, metric) }
    let edges = MapPresenter.edges(values)
    let illustrative = state.derived.visible.contains { $0.standing(metric) == .illustrative }

    var info = "coloured by \(metric.title) (s/S change) \(g.dot) \(metric.meaning)"
    if illustrative { info += "  \(Figures.illustrativeMark) illustrative" }
    buf.put(DisplayWidth.truncate(g.text(info), to: buf.width - 2, ellipsis: g.ellipsis), x: 1, y: 1, style: theme.dim)

    let top = 2
    let left = 1
    drawHexes(state, placed.cells, rows: rows, visible: visible, edges: edges, at: (left, top), into: &buf)
    // Beside the map: the selected footprint, then the legend; below it when
    // there is no room beside.
    var panelX = left + placed.width + 2
    var panelW = buf.width - panelX - 1
    var y = top
    if panelW < 14 {
      panelX = left
      panelW = buf.width - 2
      y = top + placed.height + 1
      guard y < buf.height - 2 else { return }
      drawLegend(state, edges: edges, x: panelX, y: y, width: panelW, into: &buf, inline: true)
      return
    }
    y = drawSelected(state, rows: rows, x: panelX, y: top, width: panelW, into: &buf)
    y = drawLegend(state, edges: edges, x: panelX, y: y, width: panelW, into: &buf)
    y = drawRanking(state, x: panelX, y: y + 1, width: panelW, into: &buf)
    if visible.count < placed.cells.count, y < buf.height - 1 {
      buf.put(
        DisplayWidth.truncate(
          "dim: outside the filter (\(visible.count) of \(placed.cells.count) kept)", to: panelW, ellipsis: g.ellipsis),
        x: panelX, y: y, style: theme.dim)
    }
  }

  /// Each hex: its label (with its bin's fill without colour) and, two lines tall, its figure.
  static func drawHexes(
    _ state: AppState, _ cells: [MapPresenter.Placed], rows: [FootprintID: LeagueRow], visible: Set<FootprintID>,
    edges: [Double], at origin: (x: Int, y: Int), into buf: inout Buffer
  ) {
    let theme = state.theme
    let g = state.glyphs
    let metric = state.mapMetric
    let (w, h) = geometry(state.size, hexRows: hexRows(state.session.dataset))
    let (left, top) = origin
    for c in cells {
      let x = left + c.x
      let y = top + c.y
      guard x + w - 1 <= buf.width, y < buf.height - 1 else { continue }
      let row = rows[c.footprint]
      let kept = visible.contains(c.footprint)
      let b = kept ? MapPresenter.bin(row.flatMap { MapPresenter.value($0, metric) }, edges: edges) : nil
      let selected = c.footprint == state.league.list.selected
      var style = theme.mapBin(b)
      if !kept { style = Style(dim: true) }
      if selected { style = style.patched(Style(bold: true, reverse: true)) }
      let fill = g.mapPattern(b)
      let label = DisplayWidth.truncate(VisibleText.sanitize(c.label), to: w - 1, ellipsis: "")
      let padTotal = max(0, w - 1 - DisplayWidth.width(of: label))
      let text =
        String(repeating: fill, count: padTotal / 2) + label + String(repeating: fill, count: padTotal - padTotal / 2)
      buf.put(text, x: x, y: y, style: style, maxX: x + w - 1)
      if h > 1 {
        let figure =
          row.map {
            MapPresenter.text(
              MapPresenter.value($0, metric), metric, mark: Figures.mark($0.standing(metric)), width: w - 1, glyphs: g)
          } ?? ""
        let fw = DisplayWidth.width(of: figure)
        let line = DisplayWidth.pad(
          String(repeating: " ", count: max(0, (w - 1 - fw) / 2)) + figure, to: w - 1, ellipsis: g.ellipsis)
        buf.put(line, x: x, y: y + 1, style: style, maxX: x + w - 1)
      }
    }
  }

  /// The selected footprint beside the map; returns the next free row.
  static func drawSelected(
    _ state: AppState, rows: [FootprintID: LeagueRow], x panelX: Int, y top: Int, width panelW: Int,
    into buf: inout Buffer
  ) -> Int {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let metric = state.mapMetric
    var y = top
    if let f = state.league.list.selected, let row = rows[f] {
      for line in [d.footprints[f].name, "\(row.code) \(g.dot) \(d.footprints[f].region.shortName)"] {
        buf.put(
          DisplayWidth.truncate(line, to: panelW, ellipsis: g.ellipsis), x: panelX, y: y,
          style: y == top ? theme.title : theme.dim)
        y += 1
      }
      let v = MapPresenter.value(row, metric)
      let mark = Figures.mark(row.standing(metric))
      buf.put(
        DisplayWidth.truncate(
          g.text("\(metric.title): \(MapPresenter.text(v, metric, glyphs: g))\(mark)"), to: panelW, ellipsis: g.ellipsis
        ),
        x: panelX, y: y, style: theme.normal)
      y += 1
      // Ranked by the measure the map shows, not the league's sort.
      let ranked = state.derived.mapRanked
      let rank =
        ranked.firstIndex { $0.footprint == f }.map { "rank \($0 + 1) of \(ranked.count) by \(metric.title)" } ?? ""
      buf.put(DisplayWidth.truncate(rank, to: panelW, ellipsis: g.ellipsis), x: panelX, y: y, style: theme.dim)
      y += 2
    }
    return y
  }

  /// With room (a wide, tall screen), every footprint kept ranked by the
  /// measure shown, full names and figures, in as many columns as fit;
  /// returns the next free row.
  static func drawRanking(
    _ state: AppState, x panelX: Int, y top: Int, width panelW: Int, into buf: inout Buffer
  ) -> Int {
    let theme = state.theme
    let g = state.glyphs
    let metric = state.mapMetric
    let kept = Set(state.derived.visible.compactMap(\.footprint))
    let rows = state.derived.mapRanked.filter { $0.footprint.map(kept.contains) ?? false }
    let columns = panelW >= 40 ? max(1, panelW / 50) : 0
    let colWidth = columns == 0 ? 0 : min(72, panelW / columns - 2)
    let height = buf.height - 2 - top - 1
    guard columns >= 1, height >= 8, !rows.isEmpty else { return top }
    buf.put(g.text("Ranked by \(metric.title):"), x: panelX, y: top, style: theme.header, maxX: panelX + panelW)
    let per = min(height, (rows.count + columns - 1) / columns)
    for (i, r) in rows.prefix(per * columns).enumerated() {
      let x = panelX + (i / per) * (colWidth + 2)
      let y = top + 1 + i % per
      let figure =
        g.text(MapPresenter.text(MapPresenter.value(r, metric), metric, glyphs: g)) + Figures.mark(r.standing(metric))
      let fw = DisplayWidth.width(of: figure)
      let name = DisplayWidth.truncate(
        VisibleText.sanitize("\(i + 1) \(r.name)"), to: colWidth - fw - 2, ellipsis: g.ellipsis)
      let style = r.footprint == state.league.list.selected ? theme.selected : theme.normal
      buf.put(DisplayWidth.pad(name, to: colWidth - fw - 1) + " " + figure, x: x, y: y, style: style)
    }
    if rows.count > per * columns {
      buf.put(
        "\(rows.count - per * columns) more: a taller terminal, or stpdash league --sort \(metric.key)", x: panelX,
        y: top + 1 + per, style: theme.dim, maxX: panelX + panelW)
    }
    return top + 2 + per
  }

  /// The colours' (or fills') quantile ranges; returns the next free row.
  /// `inline`: one line of swatches and ranges (under the map, when there is no room beside it).
  @discardableResult
  static func drawLegend(
    _ state: AppState, edges: [Double], x panelX: Int, y top: Int, width panelW: Int, into buf: inout Buffer,
    inline: Bool = false
  ) -> Int {
    if inline {
      let theme = state.theme
      let g = state.glyphs
      let metric = state.mapMetric
      var x = buf.put(g.text(metric.title + ": "), x: panelX, y: top, style: theme.header)
      var y = top
      for i in 0..<max(0, edges.count - 1) {
        let swatch = g.mapPattern(i) + g.mapPattern(i)
        let range = " " + g.text(MapPresenter.text(edges[i], metric, glyphs: g)) + "+  "
        if x + 2 + DisplayWidth.width(of: range) > panelX + panelW {
          y += 1
          x = panelX
          guard y < buf.height - 1 else { return y }
        }
        x = buf.put(swatch, x: x, y: y, style: theme.mapBin(i))
        x = buf.put(range, x: x, y: y, style: theme.normal)
      }
      return y + 1
    }
    let theme = state.theme
    let g = state.glyphs
    let metric = state.mapMetric
    var y = top
    buf.put(
      DisplayWidth.truncate(g.text(metric.title + " (quantiles)"), to: panelW, ellipsis: g.ellipsis), x: panelX, y: y,
      style: theme.header)
    y += 1
    for i in 0..<max(0, edges.count - 1) where y < buf.height - 1 {
      let swatch = g.mapPattern(i) + g.mapPattern(i)
      let end = buf.put(swatch, x: panelX, y: y, style: theme.mapBin(i))
      let range =
        "\(MapPresenter.text(edges[i], metric, glyphs: g)) to \(MapPresenter.text(edges[i + 1], metric, glyphs: g))"
      buf.put(" " + g.text(range), x: end, y: y, style: theme.normal, maxX: buf.width - 1)
      y += 1
    }
    if y < buf.height - 1 {
      let swatch = g.mapPattern(nil) + g.mapPattern(nil)
      let end = buf.put(swatch, x: panelX, y: y, style: theme.mapBin(nil))
      buf.put(" not known", x: end, y: y, style: theme.normal, maxX: buf.width - 1)
      y += 1
    }
    return y
  }
}
