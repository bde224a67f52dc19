import DashModel

/// One organisation as text or JSON: the presenter's facts, footprints and
/// details, printed.
enum OrganisationReport {
  static func lines(
    _ org: OrganisationID, workspace ws: Workspace, delivery: Delivery, width: Int, glyphs g: Glyphs
  ) -> [String] {
    let d = ws.dataset
    let o = d.organisations[org]
    let facts = OrganisationPresenter.facts(org, dataset: d, glyphs: g)
    var lines = [
      VisibleText.sanitize(
        o.name + "  " + facts.filter { $0.place == .title }.map(\.value).joined(separator: "  "))
    ]
    for fact in facts where fact.place == .grid { lines.append("\(fact.label): " + VisibleText.sanitize(fact.value)) }
    lines += ["", "Footprints"]
    let table = OrganisationPresenter.footprints(org, dataset: d, flags: ws.flagSet, glyphs: g)
    lines +=
      table.rows.isEmpty ? ["  (not a member of any footprint)"] : TextTable(table).render(width: width, glyphs: g)
    lines.append("")
    lines += OrganisationPresenter.details(
      org, analysis: ws.analysis, flags: ws.flags, pending: [], delivery: delivery, glyphs: g
    ).flatMap { $0.wrapped(to: width) }.map(\.text)
    if ws.analysis.organisationTrajectory(org).hasIllustrative { lines += ["", Figures.illustrativeNote] }
    return lines
  }

  static func json(_ org: OrganisationID, workspace ws: Workspace, delivery: Delivery) -> String {
    let d = ws.dataset
    let o = d.organisations[org]
    let table = OrganisationPresenter.footprints(org, dataset: d, flags: ws.flagSet, glyphs: Glyphs(unicode: true))
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
      Array(ws.flags.history(org: o.code).reversed()), dataset: d, showEvent: true)
    return JSONValue.object([
      ("code", .string(o.code)), ("name", .string(o.name)), ("kind", .string(o.kind.rawValue)),
      ("source", .string(o.source)), ("footprints", .array(footprints)),
      ("finances", TrajectoryReport.json(ws.analysis.organisationTrajectory(org).delivering(delivery))),
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
    ]).rendered() + "\n"
  }
}
