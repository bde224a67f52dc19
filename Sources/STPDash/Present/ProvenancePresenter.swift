import DashModel

/// Where every figure of a row comes from: its basis, source and caveat.
/// `p` shows it over any screen; `--format json` carries the same fields.
enum ProvenancePresenter {
  /// What the provenance is about and its lines, for a footprint.
  static func footprint(
    _ f: FootprintID, analysis: Analysis, row: LeagueRow?, plan: PlanBlocking? = nil, glyphs g: Glyphs
  ) -> [DetailLine] {
    let d = analysis.dataset
    let fin = d.finance
    let fp = d.footprints[f]
    var out = [DetailLine(text: "\(fp.name) (\(fp.code))", kind: .title)]
    let own = fin.entity(footprint: f)
    func figure(_ label: String, _ s: Scenario, _ y: FinancialYear) {
      let p = analysis.footprintTrajectories[f].point(s, y)
      let value = p.value.map { g.pound + Figures.money($0, unicode: g.unicode) + "m" } ?? g.dash
      var lines: [DetailLine] = []
      if p.origin == .own {
        let basis = fin.basis(entity: own, year: y, scenario: s) ?? .reported
        let note = fin.note(entity: own, year: y, scenario: s)
        lines.append(line(label, value, standing(basis, note: note), "the footprint's own figure"))
        if let src = fin.source(entity: own, year: y, scenario: s) { lines.append(indented("source: " + src)) }
        if let note { lines.append(indented("caveat: " + note, tone: .warn)) }
      } else if p.value != nil {
        let standing: FigureStanding = p.illustrative ? .illustrative : (p.caveat ? .caveat : .reported)
        let missing = p.missingParts > 0 ? "; \(p.missingParts) without a figure left out" : ""
        lines.append(line(label, value, standing, "the share-weighted sum of its members' figures\(missing)"))
      } else {
        lines.append(line(label, value, .reported, "not known"))
      }
      out += lines
    }
    figure("Do-nothing \(FinancialYear.target.shortLabel)", .doNothing, .target)
    figure("Plan \(FinancialYear.target.shortLabel)", .plan, .target)
    if let o = row?.observed {
      figure("Outturn \(o.year.shortLabel)", .outturn, o.year)
    }
    let popValue = fp.population.map { NumberFormat.grouped($0) } ?? g.dash
    out.append(
      line(
        "Population", popValue, fp.population == nil ? .reported : standing(fp.populationBasis, note: fp.note),
        fp.population == nil ? "not known" : "footprints.csv"))
    if let note = fp.note { out.append(indented("caveat: " + note, tone: .warn)) }
    if let r = fp.rating {
      out.append(
        line(
          "Rating", r.name, fp.ratingStanding,
          "NHS England's progress dashboard" + (fp.ratingAsOf.map { ", \($0.spoken)" } ?? "")))
      if let note = fp.ratingNote { out.append(indented("caveat: " + note, tone: .warn)) }
    }
    if let leader = fp.leader {
      out.append(line("Leader", leader, .reported, "footprints.csv"))
      if let role = fp.leaderRole { out.append(indented(role)) }
    }
    for x in d.disputes.designations(footprint: f) {
      out.append(
        line(
          "Designated", x.kind.label, DisputeWords.standing(x.sourceKind),
          (x.date.map { $0.spoken } ?? "undated") + (x.note.map { "; \($0)" } ?? "")))
      if let src = x.source { out.append(indented("source: " + src)) }
    }
    if let loans = analysis.footprintIndicator(Indicator.dhscLoans, footprint: f) {
      out.append(
        line(
          "DHSC loans",
          g.pound + Figures.money(loans.latest?.value, unicode: g.unicode) + "m "
            + (loans.latest?.year.shortLabel ?? ""), loans.illustrative ? .illustrative : .reported,
          "the sum over \(loans.parts) member trust\(loans.parts == 1 ? "" : "s")"))
      if let first = loans.sources.first {
        out.append(
          indented(
            "source: " + first
              + (loans.sources.count > 1 ? " (and \(loans.sources.count - 1) more like it, one per year)" : "")))
      }
    }
    if let src = fp.source {
      out.append(line("Row", "", .reported, "name, region, leader, rating"))
      out.append(indented("sources: " + src))
    }
    if let row, let plan {
      out.append(DetailLine(text: ""))
      out += MeasureWords.lines(f, analysis: analysis, row: row, plan: plan, glyphs: g)
    }
    out.append(DetailLine(text: ""))
    out.append(DetailLine(text: legend(g), kind: .body(.dim)))
    return out
  }

  /// For a proposed change: its sources and quotes, and its referrals'.
  static func change(_ l: ChangeLine, dataset d: Dataset, glyphs g: Glyphs) -> [DetailLine] {
    let c = l.change
    var out = [DetailLine(text: "\(c.site) (\(d.footprints[c.footprint].name))", kind: .title)]
    out.append(line("Change", c.service, l.standing, "\(c.sourceKind.code) source, changes.csv line \(c.line)"))
    out.append(indented(c.change))
    if let s = c.status { out.append(indented("status: \(s)" + (c.statusDate.map { " (\($0.iso))" } ?? ""))) }
    if let src = c.source { out.append(indented("source: " + src)) }
    if let q = c.quote { out.append(indented("quote: \u{201C}\(q)\u{201D}")) }
    if let n = c.note { out.append(indented("note: " + n, tone: .warn)) }
    if l.standing == .caveat { out.append(indented("caveat: only a campaign's word", tone: .warn)) }
    for r in l.referrals {
      out.append(DetailLine(text: ""))
      out.append(
        line(
          r.referred == nil ? "Related decision" : "Referral", r.referredBy, DisputeWords.standing(r.sourceKind),
          "\(r.sourceKind.code) source" + (r.referred.map { ", referred \($0.iso)" } ?? "")))
      for (label, text, date) in [
        ("Secretary of State", r.action, r.actionDate), ("IRP advice", r.advice, r.adviceDate),
        ("outcome", r.outcome, r.outcomeDate),
      ] {
        if let text { out.append(indented("\(label): \(text)" + (date.map { " (\($0.iso))" } ?? ""))) }
      }
      if let src = r.source { out.append(indented("sources: " + src)) }
      if let q = r.quote { out.append(indented("quote: \u{201C}\(q)\u{201D}")) }
      if let n = r.note { out.append(indented("note: " + n, tone: .warn)) }
    }
    out.append(DetailLine(text: ""))
    out.append(DetailLine(text: legend(g), kind: .body(.dim)))
    return out
  }

  /// For an organisation: its finances (as filed), indicators and stances.
  static func organisation(_ o: OrganisationID, analysis: Analysis, glyphs g: Glyphs) -> [DetailLine] {
    let d = analysis.dataset
    let fin = d.finance
    let e = fin.entity(organisation: o)
    let org = d.organisations[o]
    var out = [DetailLine(text: "\(org.name) (\(org.code))", kind: .title)]
    if let src = org.source {
      out.append(line("Row", "", .reported, "name, kind"))
      out.append(indented("source: " + src))
    }
    var bases: [Basis: Int] = [:]
    var sources = Set<String>()
    var notes = Set<String>()
    for s in Scenario.allCases {
      for y in FinancialYear.all where fin.hasRow(entity: e, year: y, scenario: s) {
        let b = fin.basis(entity: e, year: y, scenario: s) ?? .reported
        bases[b, default: 0] += 1
        if let src = fin.source(entity: e, year: y, scenario: s) { sources.insert(src) }
        if let n = fin.note(entity: e, year: y, scenario: s) { notes.insert(n) }
      }
    }
    let finance = Basis.allCases.reversed().compactMap { b in bases[b].map { "\($0) \(b.code)" } }
      .joined(separator: ", ")
    out.append(
      line(
        "Finances", finance.isEmpty ? "none" : finance, (bases[.illustrative] ?? 0) > 0 ? .illustrative : .reported,
        "figures in finance.csv"))
    for s in sources.sorted().prefix(5) { out.append(indented("source: " + s)) }
    for n in notes.sorted().prefix(5) { out.append(indented("caveat: " + n, tone: .warn)) }
    for r in d.indicators(organisation: o) {
      out.append(
        line(
          r.indicatorLabel + " " + r.year.shortLabel, r.formatted(pound: g.pound),
          r.basis == .illustrative ? .illustrative : .reported, "indicators.csv"))
      if let src = r.source { out.append(indented("source: " + src)) }
    }
    for m in d.membershipsOfOrganisation[o] {
      guard let rec = d.stanceRecord(membership: m) else { continue }
      let fp = d.footprints[d.memberships[m].footprint]
      out.append(
        line(
          "Stance", "\(rec.stance.code) in \(fp.name)", rec.standing,
          (rec.asOf.map { "as of \($0.iso)" } ?? "no date") + (rec.sourceKind.map { ", \($0.code) source" } ?? "")))
      if let src = rec.source { out.append(indented("source: " + src)) }
      if let caveat = rec.caveat { out.append(indented("caveat: " + caveat, tone: .warn)) }
      if let note = rec.note { out.append(indented("note: " + note)) }
    }
    out.append(DetailLine(text: ""))
    out.append(DetailLine(text: legend(g), kind: .body(.dim)))
    return out
  }

  static func standing(_ basis: Basis, note: String?) -> FigureStanding {
    basis == .illustrative ? .illustrative : (note == nil ? .reported : .caveat)
  }

  static func line(_ label: String, _ value: String, _ s: FigureStanding, _ what: String) -> DetailLine {
    // Illustrative in capitals: it must not be read past.
    let word = s == .illustrative ? s.label.uppercased() : s.label
    let tone: Tone = s == .illustrative ? .dim : (s == .caveat ? .warn : .normal)
    let padded = label + String(repeating: " ", count: max(0, 16 - label.count))
    return DetailLine(
      text: "\(padded) \(value)\(Figures.mark(s))  \(word)\(what.isEmpty ? "" : ": " + what)", kind: .body(tone))
  }

  static func indented(_ text: String, tone: Tone = .normal) -> DetailLine {
    DetailLine(text: text, kind: .body(tone), indent: 17)
  }

  static func legend(_ g: Glyphs) -> String {
    "\(Figures.illustrativeMark) \(FigureStanding.illustrative.label)   \(Figures.caveatMark) \(FigureStanding.caveat.label)   no mark: \(FigureStanding.reported.label)"
  }
}
