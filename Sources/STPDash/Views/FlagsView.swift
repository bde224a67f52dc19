import DashModel

/// Every active flag across footprints, newest first.
enum FlagsView {
  /// The journal's path in `room` columns: whole when it fits, else its
  /// end (the file's name) after the glyph set's ellipsis, so what is cut
  /// is seen to be.
  static func journalShown(_ path: String, room: Int, ellipsis: String) -> String {
    let shown = VisibleText.sanitize(path)
    let keep = room - DisplayWidth.width(of: ellipsis)
    guard DisplayWidth.width(of: shown) > room, keep > 0 else { return shown }
    var tail: [Character] = []
    var width = 0
    for ch in shown.reversed() {
      let w = DisplayWidth.width(of: ch)
      if width + w > keep { break }
      tail.append(ch)
      width += w
    }
    return ellipsis + String(tail.reversed())
  }

  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let layout = Layout.Flags(state.size)
    let flags = state.derived.visibleFlags
    let corrupt = state.session.saved.problems.count
    let head = "\(flags.count) active flag\(flags.count == 1 ? "" : "s"), newest first \(g.dot) "
    var info =
      head
      + journalShown(
        state.session.journalPath, room: buf.width - 2 - DisplayWidth.width(of: head), ellipsis: g.ellipsis)
    if let q = state.filters[.flags] {
      info =
        "\(flags.count) of \(state.derived.activeFlags.count) active flags \(g.dot) filter \\\(VisibleText.sanitize(q.text))"
    }
    if !state.session.pending.isEmpty { info += " \(g.dot) \(state.session.pending.count) unsaved (w retries)" }
    if corrupt > 0 { info += " \(g.dot) \(corrupt) unreadable line\(corrupt == 1 ? "" : "s") skipped" }
    buf.put(" " + info, x: 0, y: layout.infoY, style: theme.dim, maxX: buf.width)

    var table = state.flagsReport.table(showEvent: false, unsaved: { state.session.pending.contains($0) })
    // The organisation and footprint take fixed parts of the width; the
    // reason takes the rest.
    let timeW = 16
    let orgW = max(14, (buf.width - timeW - 12) * 3 / 10)
    let fpW = max(12, (buf.width - timeW - 12) / 4)
    let authorW = 10
    let reasonW = max(8, buf.width - timeW - orgW - fpW - authorW - 6)
    for (key, w) in [("org_name", orgW), ("footprint_name", fpW), ("author", authorW), ("reason", reasonW)] {
      if let i = table.column(key) { table.columns[i].width = .fixed(w) }
    }
    let columns = TableLayout(table, width: buf.width)
    TableView.header(
      table, layout: columns, y: layout.headerY, sorted: nil, ascending: false, into: &buf, theme: theme, glyphs: g)
    if flags.isEmpty {
      // Wrapped to the width, so a narrow screen shows the whole hint.
      let hint = DetailLine.wrap(
        "No active flags. Press f on a member (footprint or organisation screen) to flag a body.",
        width: buf.width - 3)
      for (i, line) in hint.prefix(max(1, layout.rowCount)).enumerated() {
        buf.put(line, x: 2, y: layout.firstRowY + i, style: theme.dim, maxX: buf.width)
      }
      return
    }
    let scroll = state.flagsList.scroll
    for i in 0..<layout.rowCount {
      let index = scroll + i
      guard index < table.rows.count else { break }
      let y = layout.firstRowY + i
      TableView.row(table.rows[index], in: table, layout: columns, y: y, into: &buf, theme: theme, glyphs: g)
      if index < state.derived.visibleFlagKeys.count && state.derived.visibleFlagKeys[index] == state.flagsList.selected
      {
        buf.style(Rect(x: 0, y: y, width: buf.width, height: 1), theme.selected)
      }
    }
    // The selected flag whole: who, where, when, and its reason (wrapped, two lines).
    if let e = state.activeFlag(key: state.flagsList.selected) {
      let d = state.session.dataset
      let org = d.organisationID(code: e.org).map { d.organisations[$0].name } ?? e.org
      let fp = d.footprintID(code: e.footprint).map { d.footprints[$0].name } ?? e.footprint
      let text = "\(org) in \(fp), by \(e.author), \(UTCTime.short(e.time)): \(e.reason)"
      let lines = DetailLine.wrap(text, width: buf.width - 2)
      buf.rule(y: layout.detailY, from: 0, to: buf.width, glyph: g.hline, style: theme.dim)
      for (i, line) in lines.prefix(2).enumerated() {
        let cut = i == 1 && lines.count > 2
        buf.put(
          cut ? DisplayWidth.truncate(line, to: buf.width - 10, ellipsis: g.ellipsis) + " (Enter)" : line, x: 1,
          y: layout.detailY + 1 + i, style: theme.normal, maxX: buf.width - 1)
      }
    }
  }
}
