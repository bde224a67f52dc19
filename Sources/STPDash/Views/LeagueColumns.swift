import DashModel

/// The league's columns laid out for a width: the least important are
/// dropped when narrow, and the name takes what is left.
struct LeagueColumns {
  struct Placed: Hashable {
    var column: LeagueColumn
    var x: Int
    var width: Int
  }

  let placed: [Placed]

  /// Fixed widths (the name is flexible).
  static func width(_ c: LeagueColumn) -> Int {
    switch c {
    case .rank: 3
    case .name: 18
    case .region: 11
    case .members: 4
    case .doNothing: 11
    case .plan: 9
    case .savingsPercent: 6
    case .perHead: 7
    case .aligned: 10
    case .flagged: 4
    case .atRisk: 9
    case .rating: 11
    }
  }

  /// - Parameter rows: how many footprints there are: the rank column
  ///   widens for a thousand or more.
  init(width: Int, rows: Int = 0) {
    var visible = LeagueColumn.allCases
    let rankWidth = max(Self.width(.rank), String(rows).count)
    func columnWidth(_ c: LeagueColumn) -> Int { c == .rank ? rankWidth : Self.width(c) }
    func total(_ cols: [LeagueColumn]) -> Int { cols.reduce(0) { $0 + columnWidth($1) } + max(0, cols.count - 1) }
    while total(visible) > width - 1, visible.count > 2 {
      guard let drop = visible.filter({ $0 != .name }).max(by: { $0.priority < $1.priority }) else { break }
      visible.removeAll { $0 == drop }
    }
    let spare = max(0, width - 1 - total(visible))
    var x = 1
    var out: [Placed] = []
    for c in visible {
      var w = columnWidth(c)
      if c == .name { w += min(spare, 24) }
      out.append(Placed(column: c, x: x, width: w))
      x += w + 1
    }
    placed = out
  }

  /// The column under a screen column, if any.
  func column(at x: Int) -> LeagueColumn? {
    placed.first { x >= $0.x && x < $0.x + $0.width }?.column
  }
}
