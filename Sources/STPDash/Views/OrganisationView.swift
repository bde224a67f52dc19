import DashModel

/// One organisation: its footprints, finances by year, stances and flags.
enum OrganisationView {
  static func render(_ state: AppState, org o: OrganisationID, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let org = d.organisations[o]
    let memberships = d.membershipsOfOrganisation[o]
    let layout = Layout.Organisation(state.size, footprints: memberships.count)

    let facts = OrganisationPresenter.facts(o, dataset: d, glyphs: g)
    let title = facts.filter { $0.place == .title }.map(\.value).joined(separator: " \(g.dot) ")
    let x = buf.put(" " + org.name, x: 0, y: layout.titleY, style: theme.title)
    buf.put("  " + title, x: x, y: layout.titleY, style: theme.dim)
    for fact in facts where fact.place == .grid {
      buf.put(" \(fact.label): " + fact.value, x: 0, y: layout.sourceY, style: theme.dim, maxX: buf.width)
    }

    // Its footprints (selectable: f and u act on the selected one).
    let table = OrganisationPresenter.footprints(
      o, dataset: d, flags: state.derived.flagSet, unsaved: { state.isUnsaved(org: org.code, footprint: $0) },
      glyphs: g)
    let columns = TableLayout(table, width: buf.width, rightMargin: 2)
    TableView.header(
      table, layout: columns, y: layout.headerY, sorted: nil, ascending: false, into: &buf, theme: theme, glyphs: g)
    let scroll = state.orgList.scroll
    for i in 0..<layout.rowCount {
      let index = scroll + i
      guard index < table.rows.count else { break }
      let y = layout.firstRowY + i
      TableView.row(table.rows[index], in: table, layout: columns, y: y, into: &buf, theme: theme, glyphs: g)
      if let selected = state.orgList.selected, table.rows[index].key == AnyHashable(selected) {
        buf.style(Rect(x: 0, y: y, width: buf.width, height: 1), theme.selected)
      }
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

  /// The details at a width, wrapped, with their styles.
  static func details(_ state: AppState, org o: OrganisationID, width: Int) -> [(text: String, style: Style)] {
    state.organisationReport(o).details(width: width, glyphs: state.glyphs).map {
      ($0.text, state.theme.style($0.kind))
    }
  }
}
