import DashModel

/// Every organisation: what it holds of the plans' savings, how it stands,
/// whether its refusal alone would sink a plan. England's and each kind's
/// totals below.
enum OrganisationsView {
  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let layout = Layout.Organisations(state)
    let lines = state.derived.visibleOrganisations
    let scroll = state.organisations.list.scroll
    let shown = lines.dropFirst(min(scroll, lines.count)).prefix(layout.rowCount)
    var table = state.organisationsReport.table(
      shown, glyphs: g, unsaved: { l in state.session.pending.contains { $0.org == l.code } })
    if state.filters[.organisations] != nil, !table.footer.isEmpty,
      let name = table.column(OrganisationColumn.name.key)
    {
      table.footer[0].cells[name].text = "Kept (\(NumberFormat.grouped(lines.count)))"
    }
    let cs = Columns.settings(state, .organisations)
    let columns = TableLayout(
      table, width: buf.width, pinned: state.organisations.sort.key, hidden: cs.hidden, offset: cs.offset)

    let all = state.derived.organisations.count
    var info = "\(NumberFormat.grouped(lines.count)) of \(NumberFormat.grouped(all)) organisations"
    if let q = state.filters[.organisations] { info += " \(g.dot) filter \\\(VisibleText.sanitize(q.text))" }
    info += " \(g.dot) sorted by \(state.organisations.sort.title) \(state.organisations.ascending ? g.up : g.down)"
    info += " \(g.dot) £m, 2020/21, plans at \(state.scheme.phrase)"
    info += " \(g.dot) \(g.pivotal) pivotal \(g.refusing) refusing"
    if table.hasIllustrative { info += "  \(Figures.illustrativeMark) illustrative" }
    buf.put(
      DisplayWidth.truncate(g.text(info), to: buf.width - 1, ellipsis: g.ellipsis), x: 1, y: layout.infoY,
      style: theme.dim)

    TableView.header(
      table, layout: columns, y: layout.headerY, sorted: state.organisations.sort.key,
      ascending: state.organisations.ascending, into: &buf, theme: theme, glyphs: g)
    TableView.body(
      table, layout: columns, y: layout.firstRowY, selected: state.organisations.list.selected,
      footerY: layout.footerY, footerRows: layout.footerRows, into: &buf, theme: theme, glyphs: g)
    if lines.isEmpty {
      buf.put(
        state.filters[.organisations] == nil
          ? "No organisations in the data." : "No organisation passes the filter. Press \\ then Enter to clear it.",
        x: 2, y: layout.firstRowY, style: theme.dim, maxX: buf.width)
    }

    if lines.count > layout.rowCount {
      let text = " \(scroll + 1)-\(min(lines.count, scroll + layout.rowCount)) of \(lines.count) "
      buf.put(text, x: buf.width - text.count - 1, y: layout.ruleY, style: theme.dim)
    }
  }
}
