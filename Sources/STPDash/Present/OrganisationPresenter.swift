import DashModel

/// One organisation, as the Organisation screen and `stpdash org` show it:
/// facts, its footprints, and the details (finances by year, stance history
/// with notes and sources, flag history newest first).
enum OrganisationPresenter {
  static func facts(_ o: OrganisationID, dataset d: Dataset, glyphs g: Glyphs) -> [Fact] {
    let org = d.organisations[o]
    return [
      Fact(label: "Code", value: org.code, meaning: "ODS or ONS code", place: .title),
      Fact(label: "Kind", value: org.kind.label, meaning: "what sort of body it is", place: .title),
      Fact(label: "Source", value: org.source ?? g.dash, meaning: "where the organisation's row comes from"),
    ]
  }

  /// Its footprints: share, current stance and its date, flag.
  static func footprints(
    _ o: OrganisationID, dataset d: Dataset, flags: FlagSet, unsaved: (String) -> Bool = { _ in false },
    glyphs g: Glyphs
  ) -> Table {
    var t = Table(columns: [
      Table.Column(
        key: "name", title: "Footprint", priority: 0, width: .flexible(min: 14, extra: 999), textMinimum: 14,
        textFlexible: true),
      Table.Column(key: "code", title: "Code", priority: 3, width: .fixed(9)),
      Table.Column(key: "share", title: "Part", align: .right, priority: 2, width: .fixed(6)),
      Table.Column(key: "stance", title: "Stance", priority: 1, width: .fixed(12)),
      Table.Column(key: "as_of", title: "As of", priority: 4, width: .fixed(11)),
      Table.Column(key: "flagged", title: "Flag", priority: 1, width: .fixed(12)),
    ])
    t.dataOrder = ["code", "name", "share", "stance", "as_of", "flagged"]
    t.rows = d.membershipsOfOrganisation[o].map { m in
      let ms = d.memberships[m]
      let fp = d.footprints[ms.footprint]
      let rec = d.stanceRecord(membership: m)
      let stance = rec?.stance ?? .unknown
      let flagged = flags.contains(org: o, footprint: ms.footprint)
      let pending = unsaved(fp.code)
      return Table.Row(
        key: m,
        cells: [
          .text(fp.name), Table.Cell(text: fp.code, value: .text(fp.code), tone: .dim),
          Table.Cell(text: NumberFormat.fixed(ms.share, decimals: 2), value: .number(ms.share, decimals: 6)),
          Table.Cell(
            text: stance.code + (rec?.basis == .illustrative ? Figures.illustrativeMark : ""),
            value: .text(stance.code), tone: Meaning.stance(stance)),
          Table.Cell(text: rec?.asOf?.iso ?? g.dash, value: .text(rec?.asOf?.iso), tone: .dim),
          Table.Cell(
            text: (flagged ? g.flag + " flagged" : "") + (pending ? (flagged ? "!" : "unsaved!") : ""),
            value: .bool(flagged), tone: pending ? .unsaved : .flag),
        ])
    }
    return t
  }

  /// Finances by year, stance history, flag history (newest first).
  static func details(
    _ o: OrganisationID, analysis: Analysis, flags: FlagHistory, pending: [FlagEvent], delivery: Delivery,
    glyphs g: Glyphs
  ) -> [DetailLine] {
    let d = analysis.dataset
    let org = d.organisations[o]
    var out: [DetailLine] = [
      DetailLine(text: g.text("Finances, whole organisation (£m; plan at \(delivery.percent)% delivery)"), kind: .title)
    ]
    let t = analysis.organisationTrajectory(o).delivering(delivery)
    let lines = TextTable(TrajectoryPresenter.table(t, glyphs: g)).render(width: 200, glyphs: g)
    for (i, line) in lines.enumerated() where i != 1 {
      out.append(DetailLine(text: line, kind: i == 0 ? .header : .body(.normal)))
    }
    // The control-total decision first: a dated fact, not a year-end one.
    if let ct = DisputeWords.controlTotal(o, dataset: d, pound: g.pound) {
      out.append(DetailLine(text: ""))
      out.append(DetailLine(text: "Control total: " + ct, kind: .body(ct.hasPrefix("not") ? .warn : .normal)))
    }
    // Indicators, one line each by year (DHSC loans first come from indicators.csv).
    let records = d.indicators(organisation: o)
    var names: [String] = []
    for r in records where !names.contains(r.indicator) { names.append(r.indicator) }
    for name in names {
      let rs = records.filter { $0.indicator == name }
      out.append(DetailLine(text: ""))
      out.append(
        DetailLine(text: Indicator.label(name) + (rs.first?.unit == "gbp_m" ? g.text(", £m") : ""), kind: .title))
      for r in rs {
        let mark = r.basis == .illustrative ? Figures.illustrativeMark : (r.note != nil ? Figures.caveatMark : "")
        let value = r.unit == "gbp_m" ? NumberFormat.fixed(r.value, decimals: 1) : r.formatted(pound: g.pound)
        out.append(
          DetailLine(
            text: "\(r.year.label)  \(DisplayWidth.pad(value, to: 10, right: true))\(mark)"
              + (r.asOf.map { "  as of \($0.iso)" } ?? ""), indent: 2))
      }
      let sources = Array(Set(rs.compactMap(\.source))).sorted()
      for s in sources { out.append(DetailLine(text: "Source: " + s, kind: .body(.dim), indent: 6)) }
      for n in Array(Set(rs.compactMap(\.note))).sorted() {
        out.append(DetailLine(text: "Caveat: " + n, kind: .body(.warn), indent: 6))
      }
    }
    for m in d.membershipsOfOrganisation[o] where !d.alignmentHistory[m].isEmpty {
      out.append(DetailLine(text: ""))
      out.append(DetailLine(text: "Stance in \(d.footprints[d.memberships[m].footprint].name)", kind: .title))
      for r in d.alignmentHistory[m].map({ d.alignment[$0] }) {
        let basis = r.basis == .illustrative ? "  (illustrative)" : ""
        out.append(
          DetailLine(
            text: "\(DisplayWidth.pad(r.asOf?.iso ?? "undated", to: 10))  \(r.stance.code)\(basis)",
            kind: .body(Meaning.stance(r.stance)), indent: 2))
        if let note = r.note { out.append(DetailLine(text: note, indent: 6)) }
        if let src = r.source, src != Basis.illustrative.code {
          out.append(DetailLine(text: "Source: " + src, kind: .body(.dim), indent: 6))
        }
      }
    }
    out.append(DetailLine(text: ""))
    out.append(DetailLine(text: "Flag history", kind: .title))
    let history = flags.history(org: org.code)
    if history.isEmpty { out.append(DetailLine(text: "never flagged", kind: .body(.dim), indent: 2)) }
    // Newest first, as the Flags screen lists them.
    for e in history.reversed() {
      let fp = d.footprintID(code: e.footprint).map { d.footprints[$0].name } ?? e.footprint
      let unsaved = pending.contains(e)
      let head =
        "\(UTCTime.short(e.time))  \(e.kind == .flag ? g.flag + " flag  " : "  unflag") \(fp)  by \(e.author)\(unsaved ? "  (NOT SAVED)" : "")"
      out.append(
        DetailLine(text: head, kind: .body(unsaved ? .unsaved : (e.kind == .flag ? .flag : .normal)), indent: 2))
      if !e.reason.isEmpty { out.append(DetailLine(text: e.reason, indent: 6)) }
    }
    return out
  }
}
