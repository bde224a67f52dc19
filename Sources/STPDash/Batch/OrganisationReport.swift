import DashModel

/// One organisation: its footprints, finances, stances and flags.
enum OrganisationReport {
  struct FootprintLine {
    var footprint: Int
    var membership: Int
    var share: Double
    var stance: Stance
    var asOf: String?
    var flagged: Bool
  }

  static func footprints(_ org: Int, dataset d: Dataset, flags: FlagSet) -> [FootprintLine] {
    d.membershipsOfOrganisation[org].map { m in
      let ms = d.memberships[m]
      let current = d.stanceRecord(membership: m)
      return FootprintLine(
        footprint: ms.footprint, membership: m, share: ms.share, stance: current?.stance ?? .unknown,
        asOf: current?.asOf, flagged: flags.contains(org: org, footprint: ms.footprint))
    }
  }

  static func lines(
    _ org: Int, workspace ws: Workspace, delivery: Delivery, width: Int, unicode: Bool
  ) -> [String] {
    let d = ws.dataset
    let o = d.organisations[org]
    let dash = unicode ? "—" : "--"
    var lines = ["\(VisibleText.sanitize(o.name))  \(o.code)  \(o.kind.label)"]
    if let s = o.source { lines.append("Source: " + VisibleText.sanitize(s)) }
    lines += ["", "Footprints"]
    var fpTable = TextTable(columns: [
      .init(title: "Footprint", priority: 0, flexible: true, minWidth: 14), .init(title: "Code", priority: 3),
      .init(title: "Share", rightAligned: true, priority: 2), .init(title: "Stance", priority: 1),
      .init(title: "As of", priority: 4), .init(title: "Flag", priority: 1),
    ])
    let fps = footprints(org, dataset: d, flags: ws.flagSet)
    fpTable.rows = fps.map { l in
      let fp = d.footprints[l.footprint]
      return [
        fp.name, fp.code, NumberFormat.fixed(l.share, decimals: 2), l.stance.code, l.asOf ?? dash,
        l.flagged ? "FLAGGED" : "",
      ]
    }
    lines += fps.isEmpty ? ["  (not a member of any footprint)"] : fpTable.render(width: width, unicode: unicode)
    lines += ["", "Finances, whole organisation (£m)"]
    let t = ws.analysis.organisationTrajectory(org).delivering(delivery)
    lines += TrajectoryReport.table(t, unicode: unicode).render(width: width, unicode: unicode)
    for l in fps where !d.alignmentHistory[l.membership].isEmpty {
      lines += ["", "Stance in \(VisibleText.sanitize(d.footprints[l.footprint].name))"]
      for r in d.alignmentHistory[l.membership].map({ d.alignment[$0] }) {
        var s = "  \((r.asOf ?? "undated").padding(10))  \(r.stance.code.padding(11))"
        if r.basis == .illustrative { s += " (illustrative)" }
        lines.append(s)
        if let note = r.note { lines.append("      " + VisibleText.sanitize(note)) }
        if let src = r.source, src != "illustrative" { lines.append("      Source: " + VisibleText.sanitize(src)) }
      }
    }
    let history = ws.flags.history(org: o.code)
    lines += ["", "Flag history"]
    if history.isEmpty { lines.append("  (never flagged)") }
    for e in history {
      let fpName = d.footprintIndex(code: e.footprint).map { d.footprints[$0].name } ?? e.footprint
      var s =
        "  \(UTCTime.short(e.time))  \(e.kind.rawValue.padding(6))  \(VisibleText.sanitize(fpName))  by \(VisibleText.sanitize(e.author))"
      if !e.reason.isEmpty { s += ": " + VisibleText.sanitize(e.reason) }
      lines.append(s)
    }
    if t.hasIllustrative { lines += ["", Figures.illustrativeNote] }
    return lines
  }

  static func json(_ org: Int, workspace ws: Workspace, delivery: Delivery) -> String {
    let d = ws.dataset
    let o = d.organisations[org]
    let fps = footprints(org, dataset: d, flags: ws.flagSet)
    return JSONValue.object([
      ("code", .string(o.code)), ("name", .string(o.name)), ("kind", .string(o.kind.rawValue)),
      ("source", .string(o.source)),
      (
        "footprints",
        .array(
          fps.map { l in
            .object([
              ("code", .string(d.footprints[l.footprint].code)), ("name", .string(d.footprints[l.footprint].name)),
              ("share", .number(l.share)), ("stance", .string(l.stance.code)), ("as_of", .string(l.asOf)),
              ("flagged", .bool(l.flagged)),
              (
                "stance_history",
                .array(
                  d.alignmentHistory[l.membership].map { i in
                    let r = d.alignment[i]
                    return .object([
                      ("stance", .string(r.stance.code)), ("as_of", .string(r.asOf)), ("note", .string(r.note)),
                      ("source", .string(r.source)), ("basis", .string(r.basis.code)),
                    ])
                  })
              ),
            ])
          })
      ),
      ("finances", TrajectoryReport.json(ws.analysis.organisationTrajectory(org).delivering(delivery))),
      ("flag_history", .array(ws.flags.history(org: o.code).map(FlagsReport.json))),
    ]).rendered() + "\n"
  }
}
