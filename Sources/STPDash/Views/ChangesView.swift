import DashModel

/// The proposed service changes: where, what, where they stood, whether
/// they were referred, and the kind of source each rests on; the selected
/// change's proposal, referral and outcome below.
enum ChangesView {
  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let layout = Layout.Changes(state.size)
    let lines = state.derived.visibleChanges
    let scroll = state.changes.list.scroll
    let shown = lines.dropFirst(min(scroll, lines.count)).prefix(layout.rowCount)
    let report = state.changesReport
    let table = report.table(shown, glyphs: g)
    let cs = Columns.settings(state, .changes)
    let columns = TableLayout(
      table, width: buf.width, pinned: state.changes.sort.key, hidden: cs.hidden, offset: cs.offset)

    let referred = lines.filter(\.referred).count
    var info = "\(lines.count) of \(state.derived.changeCount) proposed changes \(g.dot) \(referred) referred"
    if let q = state.filters[.changes] { info += " \(g.dot) filter \\\(VisibleText.sanitize(q.text))" }
    if let day = state.asOf { info += " \(g.dot) \(AsOfWords.setting(day))" }
    info += " \(g.dot) \(Figures.caveatMark) a campaign's word"
    buf.put(
      DisplayWidth.truncate(g.text(info), to: buf.width - 1, ellipsis: g.ellipsis), x: 1, y: layout.infoY,
      style: theme.dim)
    TableView.header(
      table, layout: columns, y: layout.headerY, sorted: state.changes.sort.key, ascending: state.changes.ascending,
      into: &buf, theme: theme, glyphs: g)
    TableView.body(
      table, layout: columns, y: layout.firstRowY, selected: state.changes.list.selected, into: &buf, theme: theme,
      glyphs: g)
    if lines.isEmpty {
      buf.put(
        state.filters[.changes] != nil
          ? "No change passes the filter. Press \\ then Enter to clear it."
          : (state.asOf != nil
            ? "No change on record was known by then: > steps forward, = shows the latest."
            : "No proposed changes in the data (changes.csv)."),
        x: 2, y: layout.firstRowY, style: theme.dim, maxX: buf.width)
    }
    var rule = String(repeating: g.hline, count: max(0, buf.width))
    if lines.count > layout.rowCount {
      let pos = " \(scroll + 1)-\(min(lines.count, scroll + layout.rowCount)) of \(lines.count) "
      rule = String(rule.prefix(max(0, buf.width - pos.count - 1))) + pos
    }
    buf.put(rule, x: 0, y: layout.ruleY, style: theme.dim, maxX: buf.width)
    guard let id = state.changes.list.selected, let line = lines.first(where: { $0.change.id == id }) else { return }
    let detail = details(line, glyphs: g).flatMap { DetailLine.wrap($0, width: buf.width - 2) }
    for (i, text) in detail.prefix(layout.detailRows).enumerated() {
      let last = i == layout.detailRows - 1 && detail.count > layout.detailRows
      buf.put(
        last ? DisplayWidth.truncate(text, to: buf.width - 2 - 12, ellipsis: g.ellipsis) + "  (p: all)" : text, x: 1,
        y: layout.detailY + i, style: i == 0 ? theme.normal : theme.dim, maxX: buf.width - 1)
    }
  }

  /// The selected change in sentences: what was proposed, where it stood, its referral and outcome.
  static func details(_ l: ChangeLine, glyphs g: Glyphs) -> [String] {
    let c = l.change
    var out = ["\(c.site): \(c.change)"]
    var status = "Status: \(c.status ?? "not known by then")"
    if let d = c.statusDate { status += " (\(d.iso))" }
    out.append(status + " \(g.dot) source: \(c.sourceKind.code)\(Figures.mark(l.standing))")
    for r in l.referrals {
      var text = r.referred.map { "Referred \($0.iso) by \(r.referredBy)" } ?? "Related decision"
      if let a = r.advice { text += "; advice: \(a)" }
      if let o = r.outcome { text += "; outcome: \(o)" + (r.outcomeDate.map { " (\($0.iso))" } ?? "") }
      out.append(text)
    }
    return out
  }
}
