import DashModel

/// The map as CSV (one record per hex), and as plain text with labels and a legend.
enum MapReport {
  static func csv(
    _ rows: [LeagueRow], visible: Set<FootprintID>, dataset d: Dataset, metric: LeagueColumn, context: ExportContext?
  ) -> String {
    TableExport.csv(table(rows, visible: visible, dataset: d, metric: metric), context: context)
  }

  /// One JSON object per hex, the same fields as the CSV (numbers as
  /// numbers, `kept` as true or false).
  static func json(_ rows: [LeagueRow], dataset d: Dataset, metric: LeagueColumn, context: ExportContext) -> String {
    let t = table(rows, visible: Set(rows.compactMap(\.footprint)), dataset: d, metric: metric)
    return JSONValue.object(
      [
        ("metric", .string(metric.csvHeader)), ("layout", .string("odd-r, row 1 at the south")),
        ("hexes", .array(t.rows.map { TableExport.json($0, in: t) })),
      ] + context.json
    ).rendered() + "\n"
  }

  /// One row per hex, north to south: where it sits, its figure and bin.
  static func table(_ rows: [LeagueRow], visible: Set<FootprintID>, dataset d: Dataset, metric: LeagueColumn) -> Table {
    let byFootprint = Dictionary(rows.compactMap { r in r.footprint.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
    let values = rows.filter { $0.footprint.map(visible.contains) ?? false }.compactMap {
      MapPresenter.value($0, metric)
    }
    let edges = MapPresenter.edges(values)
    var t = Table(columns: [
      Table.Column(key: "code", title: "Code"), Table.Column(key: "name", title: "Name"),
      Table.Column(key: "label", title: "Label"), Table.Column(key: "q", title: "q"),
      Table.Column(key: "r", title: "r"),
      Table.Column(key: "metric", title: "Metric"), Table.Column(key: "value", title: "Value"),
      Table.Column(key: "basis", title: "Basis"), Table.Column(key: "bin", title: "Bin"),
      Table.Column(key: "kept", title: "Kept by the filter"),
    ])
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
  static func lines(_ rows: [LeagueRow], dataset d: Dataset, metric: LeagueColumn, glyphs g: Glyphs) -> [String] {
    guard !d.hexes.isEmpty else {
      return ["There is no map layout for this data: add hexmap.csv (code, q, r, label) to the data directory."]
    }
    let w = (d.hexes.map { DisplayWidth.width(of: VisibleText.sanitize($0.label)) }.max() ?? 4) + 2
    let placed = MapPresenter.place(d.hexes, cellWidth: w, rowHeight: 1)
    let byFootprint = Dictionary(rows.compactMap { r in r.footprint.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
    let edges = MapPresenter.edges(rows.compactMap { MapPresenter.value($0, metric) })
    var grid = Array(repeating: Array(repeating: " ", count: placed.width), count: placed.height)
    for c in placed.cells {
      let b = MapPresenter.bin(byFootprint[c.footprint].flatMap { MapPresenter.value($0, metric) }, edges: edges)
      let fill = g.mapPattern(b)
      let label = String(VisibleText.sanitize(c.label).prefix(w - 1))
      let pad = w - 1 - label.count
      let text = String(repeating: fill, count: pad / 2) + label + String(repeating: fill, count: pad - pad / 2)
      for (i, ch) in text.enumerated() where c.x + i < placed.width { grid[c.y][c.x + i] = String(ch) }
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
    if rows.contains(where: { $0.standing(metric) == .illustrative }) { out.append(Figures.illustrativeNote) }
    return out
  }
}
