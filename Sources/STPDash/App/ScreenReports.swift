import DashModel

/// Each screen's view, built from the state: the screen draws it, `e`
/// writes it. A batch command builds the same value from its options.
extension AppState {
  /// The current screen's view.
  var report: Report {
    switch screen {
    case .league: leagueReport
    case .trajectory(let f):
      TrajectoryReport(
        footprint: f, analysis: session.analysis, delivery: scheme, refusals: refusals, context: context())
    case .footprint(let f): footprintReport(f)
    case .organisation(let o, _): organisationReport(o)
    case .flags: flagsReport
    case .organisations: organisationsReport
    case .map: mapReport
    case .regions: regionsReport
    case .changes: changesReport
    }
  }

  /// The settings that produced a view, with the filter of a list.
  func context(filter scope: FilterScope? = nil) -> ExportContext {
    ExportContext(
      delivery: scheme, refusals: refusals, dataset: session.dataset, filter: scope.flatMap { filters[$0] })
  }

  var leagueReport: LeagueReport {
    let a = session.analysis
    let visible = derived.visible
    let total = derived.total
    let region = league.region
    return LeagueReport(
      rows: visible, total: { total ?? LeagueTable.total(visible, analysis: a, name: LeagueReport.totalName(region)) },
      sort: league.sort, ascending: league.ascending, region: region, delivery: scheme, refusals: refusals,
      context: context(filter: .league), footprints: derived.rows.count, bands: derived.bands, analysis: a)
  }

  func footprintReport(_ f: FootprintID) -> FootprintReport {
    let row =
      derived.ranked.first { $0.footprint == f }
      ?? LeagueTable.rows(session.analysis, delivery: scheme, refusals: refusals).first {
        $0.footprint == f
      }
    return FootprintReport(
      footprint: f, analysis: session.analysis, row: row ?? LeagueTable.total([], analysis: session.analysis),
      members: memberRows(f), delivery: delivery(footprint: f), refusals: refusals, context: context(filter: .members),
      bands: derived.bands)
  }

  func organisationReport(_ o: OrganisationID) -> OrganisationReport {
    OrganisationReport(
      org: o, analysis: session.analysis, flags: session.flags, flagSet: derived.flagSet, pending: session.pending,
      delivery: delivery, context: context())
  }

  var flagsReport: FlagsReport {
    FlagsReport(
      events: derived.visibleFlags, dataset: session.dataset, all: false, journal: session.journalPath,
      context: ExportContext(filter: filters[.flags], asOf: session.dataset.asOfDay))
  }

  var organisationsReport: OrganisationsReport {
    OrganisationsReport(
      lines: derived.visibleOrganisations, total: derived.organisations.count, analysis: session.analysis,
      delivery: scheme, sort: organisations.sort, ascending: organisations.ascending,
      context: context(filter: .organisations))
  }

  var changesReport: ChangesReport {
    ChangesReport(
      lines: derived.visibleChanges, total: derived.changeCount, dataset: session.dataset, sort: changes.sort,
      ascending: changes.ascending, context: context(filter: .changes))
  }

  var mapReport: MapReport {
    MapReport(
      rows: derived.rows, visible: Set(derived.visible.compactMap(\.footprint)), dataset: session.dataset,
      metric: mapMetric, context: context(filter: .league))
  }

  /// Where the figures in view come from (`p`): the footprint's or the organisation's.
  var provenance: [DetailLine] {
    let a = session.analysis
    switch screen {
    case .organisation(let o, _):
      return ProvenancePresenter.organisation(o, analysis: a, glyphs: glyphs)
    case .organisations:
      return organisations.list.selected.map { ProvenancePresenter.organisation($0, analysis: a, glyphs: glyphs) } ?? []
    case .changes:
      guard let id = changes.list.selected, let line = derived.visibleChanges.first(where: { $0.change.id == id })
      else { return [] }
      return ProvenancePresenter.change(line, dataset: session.dataset, glyphs: glyphs)
    case .flags:
      guard let flag = activeFlag(key: flagsList.selected), let o = session.dataset.organisationID(code: flag.org)
      else { return [] }
      return ProvenancePresenter.organisation(o, analysis: a, glyphs: glyphs)
    default:
      guard let f = focusFootprint else { return [] }
      return ProvenancePresenter.footprint(
        f, analysis: a, row: derived.rows.first { $0.footprint == f },
        plan: a.blocking(footprint: f, delivery: delivery(footprint: f), refusals: refusals), glyphs: glyphs)
    }
  }

  var regionsReport: RegionsReport {
    RegionsReport(summaries: derived.regionSummaries, delivery: scheme, context: context())
  }
}
