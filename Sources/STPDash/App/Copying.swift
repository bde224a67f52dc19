import DashModel

/// `y`: the selected row, tab-separated, to the terminal's clipboard.
enum Copying {
  static func copy(_ state: inout AppState) -> [Effect] {
    guard let text = row(state) else {
      state.notice = Notice(text: "nothing selected to copy", kind: .info)
      return []
    }
    let shown = VisibleText.sanitize(text.replacing("\t", with: "  "))
    state.notice = Notice(
      text: "copied to the clipboard (OSC 52; if nothing arrives, the terminal does not allow it): \(shown)", kind: .ok)
    return [.copy(text)]
  }

  /// The selected row's cells as the screen's table has them, tab-separated.
  static func row(_ state: AppState) -> String? {
    let g = Glyphs(unicode: true)
    func join(_ t: Table, key: AnyHashable?) -> String? {
      guard let row = t.rows.first(where: { $0.key == key }) else { return nil }
      let cells = t.columns.indices.filter { t.columns[$0].outputs.contains(.screen) }.map { i -> String in
        let c = row.cells[i]
        return VisibleText.sanitize(c.text)
          + (c.basis == .illustrative ? Figures.illustrativeMark : (c.caveat ? Figures.caveatMark : ""))
      }
      return cells.joined(separator: "\t")
    }
    switch state.screen {
    case .league:
      guard let f = state.league.list.selected, let r = state.derived.visible.first(where: { $0.footprint == f }) else {
        return nil
      }
      return join(LeaguePresenter.table([r], total: nil, footprintCount: state.derived.rows.count, glyphs: g), key: f)
    case .footprint(let f):
      let rows = state.memberRows(f)
      return join(
        FootprintPresenter.members(rows, footprint: state.session.dataset.footprints[f].code, glyphs: g),
        key: state.members.list.selected)
    case .organisations:
      guard let o = state.organisations.list.selected,
        let l = state.derived.visibleOrganisations.first(where: { $0.org == o })
      else {
        return nil
      }
      return join(
        OrganisationsPresenter.table(
          [l], analysis: state.session.analysis, delivery: state.scheme, glyphs: g, totals: false), key: o)
    case .flags:
      guard let flag = state.activeFlag(key: state.flagsList.selected) else { return nil }
      return [flag.time, flag.org, flag.footprint, flag.author, flag.reason].joined(separator: "\t")
    case .organisation(let o, _):
      return state.session.dataset.organisations[o].code + "\t" + state.session.dataset.organisations[o].name
    default: return nil
    }
  }
}
