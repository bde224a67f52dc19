import DashModel

/// `e`: the current view as CSV.
enum Exporter {
  static func effect(_ state: AppState) -> [Effect] {
    let d = state.session.dataset
    switch state.screen {
    case .league:
      let rows = state.derived.visible
      return [.export(name: "league", csv: LeagueReport.csv(rows), rows: rows.count)]
    case .trajectory(let f):
      let t = (f.map { state.session.analysis.footprintTrajectories[$0] } ?? state.session.analysis.england)
        .delivering(state.delivery)
      let code = f.map { d.footprints[$0].code } ?? "E92000001"
      let name = f.map { d.footprints[$0].name } ?? "England"
      return [.export(name: "trajectory-\(code)", csv: TrajectoryReport.csv(t, code: code, name: name), rows: 18)]
    case .footprint(let f):
      let rows = state.memberRows(f)
      return [
        .export(
          name: "footprint-\(d.footprints[f].code)", csv: FootprintReport.csv(f, rows: rows, dataset: d),
          rows: rows.count)
      ]
    case .organisation(let o, _):
      let t = state.session.analysis.organisationTrajectory(o).delivering(state.delivery)
      return [
        .export(
          name: "org-\(d.organisations[o].code)",
          csv: TrajectoryReport.csv(t, code: d.organisations[o].code, name: d.organisations[o].name), rows: 18)
      ]
    case .flags:
      let flags = state.derived.activeFlags
      return [.export(name: "flags", csv: FlagsReport.csv(flags, dataset: d), rows: flags.count)]
    }
  }
}
