import DashModel

/// One organisation: its footprints, finances by year, stances and flags.
enum OrganisationView {
  static func render(_ state: AppState, org o: Int, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let org = d.organisations[o]
    let memberships = d.membershipsOfOrganisation[o]
    let layout = Layout.Organisation(state.size, footprints: memberships.count)

    let x = buf.put(" " + org.name, x: 0, y: layout.titleY, style: theme.title)
    buf.put("  \(org.code) \(g.dot) \(org.kind.label)", x: x, y: layout.titleY, style: theme.dim)
    buf.put(" Source: " + (org.source ?? g.dash), x: 0, y: layout.sourceY, style: theme.dim, maxX: buf.width)

    // Its footprints (selectable: f and u act on the selected one).
    let nameWidth = max(14, buf.width - 48)
    let cols = [
      ("Footprint", nameWidth, false), ("Share", 6, true), ("Stance", 12, false), ("As of", 11, false),
      ("Flag", 12, false),
    ]
    var cx = 1
    for c in cols {
      buf.put(c.0, x: cx, y: layout.headerY, width: c.1, style: theme.header, right: c.2, ellipsis: g.ellipsis)
      cx += c.1 + 1
    }
    let scroll = state.orgList.scroll
    for i in 0..<layout.rowCount {
      let index = scroll + i
      guard index < memberships.count else { break }
      let m = memberships[index]
      let ms = d.memberships[m]
      let fp = d.footprints[ms.footprint]
      let rec = d.stanceRecord(membership: m)
      let flagged = state.derived.flagSet.contains(org: o, footprint: ms.footprint)
      let unsaved = state.isUnsaved(org: org.code, footprint: fp.code)
      let y = layout.firstRowY + i
      var cx = 1
      let cells: [(String, Style)] = [
        (fp.name, theme.normal), (NumberFormat.fixed(ms.share, decimals: 2), theme.normal),
        (
          (rec?.stance ?? .unknown).code + (rec?.basis == .illustrative ? Figures.illustrativeMark : ""),
          Meaning.stance(rec?.stance ?? .unknown, theme)
        ),
        (rec?.asOf ?? g.dash, theme.dim),
        (
          flagged ? g.flag + " flagged" + (unsaved ? "!" : "") : (unsaved ? "unsaved!" : ""),
          unsaved ? theme.bad : theme.flag
        ),
      ]
      for (c, cell) in zip(cols, cells) {
        buf.put(cell.0, x: cx, y: y, width: c.1, style: cell.1, right: c.2, ellipsis: g.ellipsis)
        cx += c.1 + 1
      }
      if m == state.orgList.selected { buf.style(Rect(x: 0, y: y, width: buf.width, height: 1), theme.selected) }
    }
    if memberships.isEmpty { buf.put("Not a member of any footprint.", x: 2, y: layout.firstRowY, style: theme.dim) }

    // Details, scrolled with PgUp/PgDn.
    let lines = details(state, org: o, width: buf.width - 2)
    let top = min(state.orgDetailScroll, max(0, lines.count - layout.detailRows))
    for i in 0..<layout.detailRows {
      let index = top + i
      guard index < lines.count else { break }
      let l = lines[index]
      buf.put(l.text, x: 1, y: layout.detailsY + i, style: l.style, maxX: buf.width - 1)
    }
    if lines.count > layout.detailRows, layout.detailRows > 0 {
      let more = " \(top + 1)-\(min(lines.count, top + layout.detailRows)) of \(lines.count) lines, PgUp/PgDn "
      buf.put(more, x: max(0, buf.width - more.count - 1), y: layout.detailsY - 1, style: theme.dim)
    }
  }

  struct Line {
    var text: String
    var style: Style
  }

  /// Finances by year, stance history with notes and sources, flag history.
  static func details(_ state: AppState, org o: Int, width: Int) -> [Line] {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let org = d.organisations[o]
    var out: [Line] = [
      Line(
        text: g.text("Finances, whole organisation (£m; plan at \(state.delivery.percent)% delivery)"),
        style: theme.title)
    ]
    let t = state.session.analysis.organisationTrajectory(o).delivering(state.delivery)
    func cell(_ s: String) -> String { DisplayWidth.pad(s, to: 12, right: true) }
    out.append(
      Line(
        text: DisplayWidth.pad("Year", to: 8) + cell("Do-nothing ") + cell("Plan ") + cell("Outturn ")
          + cell("Savings "), style: theme.header))
    for y in FinancialYear.all {
      let dn = t.point(.doNothing, y)
      let p = t.point(.plan, y)
      let o = t.point(.outturn, y)
      out.append(
        Line(
          text: DisplayWidth.pad(y.label, to: 8)
            + cell(Figures.marked(Figures.money(dn.value, unicode: g.unicode), dn.illustrative))
            + cell(Figures.marked(Figures.money(p.value, unicode: g.unicode), p.illustrative))
            + cell(Figures.marked(Figures.money(o.value, unicode: g.unicode), o.illustrative))
            + cell(
              Figures.marked(Figures.money(t.plannedSavings(y), unicode: g.unicode), dn.illustrative || p.illustrative)),
          style: theme.normal))
    }
    for m in d.membershipsOfOrganisation[o] where !d.alignmentHistory[m].isEmpty {
      out.append(Line(text: "", style: theme.normal))
      out.append(Line(text: "Stance in \(d.footprints[d.memberships[m].footprint].name)", style: theme.title))
      for r in d.alignmentHistory[m].map({ d.alignment[$0] }) {
        let basis = r.basis == .illustrative ? "  (illustrative)" : ""
        out.append(
          Line(
            text: "  \(DisplayWidth.pad(r.asOf ?? "undated", to: 10))  \(r.stance.code)\(basis)",
            style: Meaning.stance(r.stance, theme)))
        if let note = r.note {
          out += wrap(note, width: width - 6).map { Line(text: "      " + $0, style: theme.normal) }
        }
        if let src = r.source, src != "illustrative" {
          out += wrap("Source: " + src, width: width - 6).map { Line(text: "      " + $0, style: theme.dim) }
        }
      }
    }
    out.append(Line(text: "", style: theme.normal))
    out.append(Line(text: "Flag history", style: theme.title))
    let history = state.session.flags.history(org: org.code)
    if history.isEmpty { out.append(Line(text: "  never flagged", style: theme.dim)) }
    for e in history.reversed() {
      let fp = d.footprintIndex(code: e.footprint).map { d.footprints[$0].name } ?? e.footprint
      let unsaved = state.session.pending.contains(e)
      let head =
        "  \(UTCTime.short(e.time))  \(e.kind == .flag ? g.flag + " flag  " : "  unflag") \(fp)  by \(e.author)\(unsaved ? "  (NOT SAVED)" : "")"
      out.append(Line(text: head, style: unsaved ? theme.bad : (e.kind == .flag ? theme.flag : theme.normal)))
      if !e.reason.isEmpty {
        out += wrap(e.reason, width: width - 6).map { Line(text: "      " + $0, style: theme.normal) }
      }
    }
    return out
  }

  /// Words wrapped to a width (long words are cut).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 8 else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in VisibleText.sanitize(text).split(separator: " ", omittingEmptySubsequences: true) {
      let w = String(word)
      if current.isEmpty {
        current = w
      } else if DisplayWidth.width(of: current) + 1 + DisplayWidth.width(of: w) <= width {
        current += " " + w
      } else {
        lines.append(current)
        current = w
      }
      while DisplayWidth.width(of: current) > width {
        lines.append(DisplayWidth.truncate(current, to: width, ellipsis: ""))
        current = String(current.dropFirst(DisplayWidth.truncate(current, to: width, ellipsis: "").count))
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
