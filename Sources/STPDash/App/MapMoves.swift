import DashModel

/// Moving between hexes on the map: to the nearest in the arrow's direction.
enum MapMoves {
  static func move(_ state: inout AppState, _ direction: MapDirection) {
    let cells = MapPresenter.place(state.session.dataset.hexes, cellWidth: 2, rowHeight: 1).cells
    guard !cells.isEmpty else { return }
    let from = state.league.list.selected ?? cells[0].footprint
    let v = direction.vector
    if let next = MapPresenter.neighbour(of: from, dx: v.dx, dy: v.dy, in: cells) {
      state.league.list.selected = next
      Lists.reveal(&state, screen: .league)
    } else {
      state.notice = Notice(text: "no footprint further that way", kind: .info)
    }
  }
}
