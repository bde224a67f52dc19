import DashModel

/// One organisation as one view: its facts, footprints, finances by year,
/// indicators, stance and flag history. The Organisation screen, `e` on it
/// (its finances as CSV, the whole as JSON) and `stpdash org` show it.
struct OrganisationReport: Report {
  var org: OrganisationID
  var analysis: Analysis
  /// Every flag event, unsaved ones included.
  var flags: FlagHistory
  var flagSet: FlagSet
  /// Flag events not yet on disk.
  var pending: [FlagEvent] = []
  var delivery: Delivery
  var context: ExportContext

  var name: String { "org-\(analysis.dataset.organisations[org].code)" }
  var count: Int { finances.count }

  /// Its finances, year by year (what CSV carries).
  var finances: TrajectoryReport {
    TrajectoryReport(organisation: org, analysis: analysis, delivery: delivery, context: context)
  }

  func csv() -> String { finances.csv() }

  /// Its finances, indicators, stances and flag history, wrapped to a width.
  func details(width: Int, glyphs g: Glyphs = Glyphs(unicode: true)) -> [DetailLine] {
    OrganisationPresenter.details(
      org, analysis: analysis, flags: flags, pending: pending, delivery: delivery, glyphs: g
    ).flatMap { $0.wrapped(to: width) }
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    let d = analysis.dataset
    let o = d.organisations[org]
    let facts = OrganisationPresenter.facts(org, dataset: d, glyphs: g)
    var lines = [
      VisibleText.sanitize(
        o.name + "  " + facts.filter { $0.place == .title }.map(\.value).joined(separator: "  "))
    ]
    for fact in facts where fact.place == .grid { lines.append("\(fact.label): " + VisibleText.sanitize(fact.value)) }
    lines += ["", "Footprints"]
    let table = OrganisationPresenter.footprints(org, dataset: d, flags: flagSet, glyphs: g)
    lines +=
      table.rows.isEmpty ? ["  (not a member of any footprint)"] : TextTable(table).render(width: width, glyphs: g)
    lines.append("")
    lines += details(width: width, glyphs: g).map(\.text)
    if analysis.organisationTrajectory(org).hasIllustrative { lines += ["", Figures.illustrativeNote] }
    return lines
  }

  func json() -> String {
    let d = analysis.dataset
    let o = d.organisations[org]
    let table = OrganisationPresenter.footprints(org, dataset: d, flags: flagSet, glyphs: Glyphs(unicode: true))
    let footprints: [JSONValue] = table.rows.map { row in
      guard case .object(var pairs) = TableExport.json(row, in: table), let m = row.key as? MembershipID else {
        return .null
      }
      pairs.append(
        (
          "stance_history",
          .array(
            d.alignmentHistory[m].map { i in
              let r = d.alignment[i]
              return .object([
                ("stance", .string(r.stance.code)), ("as_of", .string(r.asOf?.iso)), ("note", .string(r.note)),
                ("source", .string(r.source)), ("basis", .string(r.basis.code)),
              ])
            })
        ))
      return .object(pairs)
    }
    let history = FlagsPresenter.table(
      Array(flags.history(org: o.code).reversed()), dataset: d, showEvent: true)
    return JSONValue.object(
      [
        ("code", .string(o.code)), ("name", .string(o.name)), ("kind", .string(o.kind.rawValue)),
        ("source", .string(o.source)), ("delivery_pct", .integer(delivery.percent)),
      ] + context.json + [
        ("footprints", .array(footprints)),
        ("finances", TrajectoryReport.json(analysis.organisationTrajectory(org).delivering(delivery))),
        (
          "indicators",
          .array(
            d.indicators(organisation: org).map { r in
              .object([
                ("indicator", .string(r.indicator)), ("year", .string(r.year.label)), ("value", .number(r.value)),
                ("unit", .string(r.unit)), ("basis", .string(r.basis.code)), ("source", .string(r.source)),
                ("note", .string(r.note)),
              ])
            })
        ),
        ("flag_history", .array(history.rows.map { TableExport.json($0, in: history) })),
      ]
    ).rendered() + "\n"
  }
}
