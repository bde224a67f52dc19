import DashModel

/// The map as one view: every hex with its place, the figure it is coloured
/// by, that figure's bin, and whether the filter keeps it. The Map screen,
/// `e` on it and `stpdash map` show it.
struct MapReport: Report {
  var rows: [LeagueRow]
  /// The footprints the region and the filter keep.
  var visible: Set<FootprintID>
  var dataset: Dataset
  var metric: LeagueColumn
  var context: ExportContext

  var name: String { "map" }
  var count: Int { dataset.hexes.count }

  /// Each footprint's row.
  var byFootprint: [FootprintID: LeagueRow] {
    Dictionary(rows.compactMap { r in r.footprint.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
  }

  /// The bins' edges, over the footprints kept.
  var edges: [Double] {
    MapPresenter.edges(
      rows.filter { $0.footprint.map(visible.contains) ?? false }.compactMap { MapPresenter.value($0, metric) })
  }

  func csv() -> String { TableExport.csv(table(), context: context) }

  /// The hexes as JSON objects, the same fields as the CSV (numbers as numbers, `kept` as true or false).
  func json() -> String {
    let t = table()
    return JSONValue.object(
      [
        ("metric", .string(metric.csvHeader)), ("layout", .string("odd-r, row 1 at the south")),
        ("hexes", .array(t.rows.map { TableExport.json($0, in: t) })),
      ] + context.json
    ).rendered() + "\n"
  }

  /// One row per hex, north to south: where it sits, its figure and bin.
  func table() -> Table {
    let d = dataset
    var t = Table(columns: [
      Table.Column(key: "code", title: "Code"), Table.Column(key: "name", title: "Name"),
      Table.Column(key: "label", title: "Label"), Table.Column(key: "q", title: "q"),
      Table.Column(key: "r", title: "r"),
      Table.Column(key: "metric", title: "Metric"), Table.Column(key: "value", title: "Value"),
      Table.Column(key: "basis", title: "Basis"), Table.Column(key: "bin", title: "Bin"),
      Table.Column(key: "kept", title: "Kept by the filter"),
    ])
    let byFootprint = self.byFootprint
    let edges = self.edges
    t.rows = d.hexes.sorted { ($0.r, $0.q) > ($1.r, $1.q) }.map { h in
      let row = byFootprint[h.footprint]
      let v = row.flatMap { MapPresenter.value($0, metric) }
      let kept = visible.contains(h.footprint)
      return Table.Row(
        key: h.footprint,
        cells: [
          .text(d.footprints[h.footprint].code), .text(d.footprints[h.footprint].name), .text(h.label),
          Table.Cell(text: "", value: .integer(h.q)), Table.Cell(text: "", value: .integer(h.r)),
          .text(metric.csvHeader), Table.Cell(text: "", value: .number(v, decimals: 3)),
          Table.Cell(text: "", value: .text(v == nil ? nil : row.map { $0.standing(metric).label })),
          Table.Cell(text: "", value: .integer(kept ? MapPresenter.bin(v, edges: edges) : nil)),
          Table.Cell(text: "", value: .bool(kept)),
        ])
    }
    return t
  }

  /// Plain text: the labels in their map positions (each with its bin's
  /// pattern), then the legend. No terminal codes, so a pipe gets text.
  func text(width: Int, glyphs g: Glyphs) -> [String] {
    let d = dataset
    guard !d.hexes.isEmpty else {
      return ["There is no map layout for this data: add hexmap.csv (code, q, r, label) to the data directory."]
    }
    // Each hex two lines tall: its label, then its figure (whole, with its mark).
    let byFootprint = self.byFootprint
    let figures: [FootprintID: String] = Dictionary(
      uniqueKeysWithValues: byFootprint.map { f, r in
        (f, MapPresenter.text(MapPresenter.value(r, metric), metric, glyphs: g) + Figures.mark(r.standing(metric)))
      })
    let widest = max(
      d.hexes.map { DisplayWidth.width(of: VisibleText.sanitize($0.label)) }.max() ?? 4,
      figures.values.map { DisplayWidth.width(of: $0) }.max() ?? 4)
    let w = widest + 2
    let placed = MapPresenter.place(d.hexes, cellWidth: w, rowHeight: 2)
    let edges = self.edges
    var grid = Array(repeating: Array(repeating: " ", count: placed.width), count: placed.height + 1)
    func put(_ text: String, _ x: Int, _ y: Int) {
      for (i, ch) in text.enumerated() where x + i < placed.width && y < grid.count { grid[y][x + i] = String(ch) }
    }
    for c in placed.cells {
      let b = MapPresenter.bin(byFootprint[c.footprint].flatMap { MapPresenter.value($0, metric) }, edges: edges)
      let fill = g.mapPattern(b)
      let label = String(VisibleText.sanitize(c.label).prefix(w - 1))
      let pad = w - 1 - label.count
      put(String(repeating: fill, count: pad / 2) + label + String(repeating: fill, count: pad - pad / 2), c.x, c.y)
      let figure = g.text(figures[c.footprint] ?? "")
      let fpad = max(0, w - 1 - figure.count)
      put(String(repeating: " ", count: fpad / 2) + figure, c.x, c.y + 1)
    }
    var out = grid.map { $0.joined().trimmingTrailingSpaces() }
    out.append("")
    out.append(g.text("\(metric.title): \(metric.meaning); quantiles, the fill denser for higher:"))
    for i in 0..<max(0, edges.count - 1) {
      out.append(
        g.text(
          "  \(g.mapPattern(i))\(g.mapPattern(i))  \(MapPresenter.text(edges[i], metric, glyphs: g)) to \(MapPresenter.text(edges[i + 1], metric, glyphs: g))"
        ))
    }
    out.append("  " + g.mapPattern(nil) + g.mapPattern(nil) + "  not known")
    out.append("")
    let labels = d.hexes.sorted { $0.label < $1.label }.map { "\($0.label) \(d.footprints[$0.footprint].name)" }
    out.append("Labels: " + labels.joined(separator: "; "))
    if MapPresenter.closesGaps(d.hexes) {
      out.append(
        "The layout's coordinates span more than \(MapPresenter.maxSpan) hexes: drawn in their order with the empty columns and rows closed up."
      )
    }
    if rows.contains(where: { $0.standing(metric) == .illustrative }) { out.append(Figures.illustrativeNote) }
    return out
  }
}
