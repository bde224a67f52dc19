import DashModel

/// The footprints on the hex map, coloured by a league column: positions,
/// quantile bins and their edges. The Map screen and `stpdash map` both use it.
enum MapPresenter {
  /// Where a footprint's hex goes, in cells, for a hex `cellWidth` wide and
  /// `rowHeight` tall (odd-r: odd rows shifted right by half a hex; row 1 at
  /// the south, so at the bottom).
  struct Placed: Hashable {
    var footprint: FootprintID
    var label: String
    var x: Int
    var y: Int
    /// The hex's centre in map units (q across, r up), for moving between neighbours.
    var cx: Double
    var cy: Double
  }

  /// The most hexes a layout may span across or down before its empty
  /// columns and rows are closed up: a layout with coordinates far apart
  /// (±1000) is drawn in its order at the size of its hexes, not as a
  /// mostly empty grid thousands of cells wide.
  static let maxSpan = 100

  /// Whether the layout spans more than ``maxSpan`` hexes either way.
  static func closesGaps(_ hexes: [HexCell]) -> Bool {
    guard let minQ = hexes.map(\.q).min(), let maxQ = hexes.map(\.q).max(), let minR = hexes.map(\.r).min(),
      let maxR = hexes.map(\.r).max()
    else { return false }
    return maxQ - minQ >= maxSpan || maxR - minR >= maxSpan
  }

  static func place(
    _ given: [HexCell], cellWidth w: Int, rowHeight h: Int
  ) -> (cells: [Placed], width: Int, height: Int) {
    var hexes = given
    if closesGaps(given) {
      // Each coordinate replaced by its rank among those used: the order
      // (west to east, south to north) and every hex's own place are kept.
      let qs = Dictionary(uniqueKeysWithValues: Set(given.map(\.q)).sorted().enumerated().map { ($1, $0) })
      let rs = Dictionary(uniqueKeysWithValues: Set(given.map(\.r)).sorted().enumerated().map { ($1, $0) })
      for i in hexes.indices {
        hexes[i].q = qs[hexes[i].q] ?? 0
        hexes[i].r = rs[hexes[i].r] ?? 0
      }
    }
    guard let minQ = hexes.map(\.q).min(), let maxQ = hexes.map(\.q).max(), let minR = hexes.map(\.r).min(),
      let maxR = hexes.map(\.r).max()
    else { return ([], 0, 0) }
    let odd = { (r: Int) in ((r % 2) + 2) % 2 == 1 }
    let cells = hexes.map { c in
      Placed(
        footprint: c.footprint, label: c.label, x: (c.q - minQ) * w + (odd(c.r) ? w / 2 : 0), y: (maxR - c.r) * h,
        cx: Double(c.q) + (odd(c.r) ? 0.5 : 0), cy: Double(c.r) * 0.866)
    }
    return (cells, (maxQ - minQ + 1) * w + w / 2, (maxR - minR + 1) * h)
  }

  /// How many bins the colours and patterns have.
  static let binCount = 5

  /// Quantile bin edges of the values (`binCount + 1` edges, lowest first),
  /// or fewer when there are fewer distinct values.
  static func edges(_ values: [Double]) -> [Double] {
    let sorted = values.filter(\.isFinite).sorted()
    guard let lo = sorted.first, let hi = sorted.last else { return [] }
    if lo == hi { return [lo, hi] }
    var out = [lo]
    for i in 1..<binCount {
      let q = sorted[min(sorted.count - 1, Int((Double(i) / Double(binCount) * Double(sorted.count)).rounded(.down)))]
      if q > (out.last ?? lo) && q < hi { out.append(q) }
    }
    out.append(hi)
    return out
  }

  /// The bin of a value (0 = lowest), or `nil` without a value.
  static func bin(_ v: Double?, edges: [Double]) -> Int? {
    guard let v, edges.count >= 2 else { return nil }
    for i in 1..<(edges.count - 1) where v < edges[i] { return i - 1 }
    return edges.count - 2
  }

  /// The nearest hex from `from` in a direction (dx, dy in map units, y up):
  /// the closest whose direction is within 60° of it, nearer the line first.
  static func neighbour(of from: FootprintID, dx: Double, dy: Double, in cells: [Placed]) -> FootprintID? {
    guard let a = cells.first(where: { $0.footprint == from }) else { return cells.first?.footprint }
    var best: (f: FootprintID, score: Double)? = nil
    for c in cells where c.footprint != from {
      let vx = c.cx - a.cx
      let vy = c.cy - a.cy
      let dist = (vx * vx + vy * vy).squareRoot()
      guard dist > 0 else { continue }
      let cos = (vx * dx + vy * dy) / dist
      guard cos > 0.5 else { continue }
      let score = dist * (2 - cos)
      if score < (best?.score ?? .infinity) { best = (c.footprint, score) }
    }
    return best?.f
  }

  /// The value a hex is coloured by: the league's figure for the column.
  static func value(_ r: LeagueRow, _ c: LeagueColumn) -> Double? {
    switch c {
    case .aligned: r.alignedShare.map { $0 * 100 }
    case .veto: r.vetoShare.map { $0 * 100 }
    default: LeagueTable.sortKey(r, c)
    }
  }

  /// The figure as the side panel and legend say it.
  static func text(_ v: Double?, _ c: LeagueColumn, glyphs g: Glyphs) -> String {
    guard let v else { return g.dash }
    switch c {
    case .savingsPercent, .needed, .delivered, .aligned, .veto: return Figures.percent(v, unicode: g.unicode)
    case .perHead: return g.pound + Figures.pounds(v, unicode: g.unicode)
    case .members, .flagged, .pivotal, .rank, .blockers, .changes, .referrals: return NumberFormat.fixed(v, decimals: 0)
    default: return Figures.money(v, unicode: g.unicode)
    }
  }

  /// The figure in at most `width` columns, its mark included: as the
  /// league shows it, else whole pounds or units, else in thousands (`1.4k`)
  /// — shorter, never cut.
  static func text(_ v: Double?, _ c: LeagueColumn, mark: String, width: Int, glyphs g: Glyphs) -> String {
    let full = text(v, c, glyphs: g) + mark
    guard let v, DisplayWidth.width(of: full) > width else { return full }
    let whole = NumberFormat.fixed(v, decimals: 0) + mark
    if DisplayWidth.width(of: whole) <= width { return whole }
    return NumberFormat.fixed(v / 1000, decimals: 1, grouping: false) + "k" + mark
  }

  /// Columns a map can be coloured by (numbers, not names or categories).
  static let metrics: [LeagueColumn] = LeagueColumn.allCases.filter {
    ![.name, .region, .rating, .rank, .balance].contains($0)
  }
}
