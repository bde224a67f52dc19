import DashModel

/// What `e` makes of the current view: its CSV, a name for the file, and
/// how many rows it holds.
struct ExportContent {
  var name: String
  var csv: String
  var rows: Int
}

/// `e`: the current view as CSV.
enum Exporter {
  static func export(_ state: AppState) -> ExportContent {
    let d = state.session.dataset
    let context = ExportContext(state, scope: Reducer.filterScope(state.screen))
    switch state.screen {
    case .league:
      let rows = state.derived.visible
      return ExportContent(name: "league", csv: LeagueReport.csv(rows, context: context), rows: rows.count)
    case .trajectory(let f):
      let t = state.session.analysis.trajectory(footprint: f, delivery: state.scheme)
      let code = f.map { d.footprints[$0].code } ?? "E92000001"
      let name = f.map { d.footprints[$0].name } ?? "England"
      return ExportContent(
        name: "trajectory-\(code)", csv: TrajectoryReport.csv(t, code: code, name: name, context: context), rows: 18)
    case .footprint(let f):
      let rows = state.memberRows(f)
      return ExportContent(
        name: "footprint-\(d.footprints[f].code)",
        csv: FootprintReport.csv(f, rows: rows, dataset: d, context: context),
        rows: rows.count)
    case .organisation(let o, _):
      let t = state.session.analysis.organisationTrajectory(o).delivering(state.delivery)
      return ExportContent(
        name: "org-\(d.organisations[o].code)",
        csv: TrajectoryReport.csv(
          t, code: d.organisations[o].code, name: d.organisations[o].name, context: context), rows: 18)
    case .organisations:
      let lines = state.derived.visibleOrganisations
      let t = OrganisationsPresenter.table(
        lines, analysis: state.session.analysis, delivery: state.scheme, glyphs: state.glyphs, totals: false)
      return ExportContent(name: "organisations", csv: TableExport.csv(t, context: context), rows: lines.count)
    case .map:
      let csv = MapReport.csv(
        state.derived.rows, visible: Set(state.derived.visible.compactMap(\.footprint)), dataset: d,
        metric: state.mapMetric, context: context)
      return ExportContent(name: "map", csv: csv, rows: d.hexes.count)
    case .regions:
      let t = RegionsPresenter.table(state.derived.regionSummaries, glyphs: Glyphs(unicode: true))
      return ExportContent(name: "regions", csv: TableExport.csv(t, context: context), rows: t.rows.count)
    case .flags:
      let flags = state.derived.visibleFlags
      return ExportContent(name: "flags", csv: FlagsReport.csv(flags, dataset: d, context: context), rows: flags.count)
    }
  }
}
