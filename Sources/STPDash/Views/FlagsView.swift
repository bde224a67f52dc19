import DashModel

/// Every active flag across footprints, newest first.
enum FlagsView {
  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let layout = Layout.Flags(state.size)
    let flags = state.derived.activeFlags
    let corrupt = state.session.saved.problems.count
    var info =
      "\(flags.count) active flag\(flags.count == 1 ? "" : "s"), newest first \(g.dot) \(state.session.journalPath)"
    if !state.session.pending.isEmpty { info += " \(g.dot) \(state.session.pending.count) unsaved (w retries)" }
    if corrupt > 0 { info += " \(g.dot) \(corrupt) unreadable line\(corrupt == 1 ? "" : "s") skipped" }
    buf.put(" " + info, x: 0, y: layout.infoY, style: theme.dim, maxX: buf.width)

    let timeW = 16
    let orgW = max(14, (buf.width - timeW - 12) * 3 / 10)
    let fpW = max(12, (buf.width - timeW - 12) / 4)
    let authorW = 10
    let reasonW = max(8, buf.width - timeW - orgW - fpW - authorW - 6)
    let cols: [(String, Int)] = [
      ("Time (UTC)", timeW), ("Organisation", orgW), ("Footprint", fpW), ("Author", authorW), ("Reason", reasonW),
    ]
    var x = 1
    for c in cols {
      buf.put(c.0, x: x, y: layout.headerY, width: c.1, style: theme.header, ellipsis: g.ellipsis)
      x += c.1 + 1
    }
    if flags.isEmpty {
      buf.put(
        "No active flags. Press f on a member (footprint or organisation screen) to flag a body.", x: 2,
        y: layout.firstRowY, style: theme.dim, maxX: buf.width)
      return
    }
    let scroll = state.flagsList.scroll
    for i in 0..<layout.rowCount {
      let index = scroll + i
      guard index < flags.count else { break }
      let e = flags[index]
      let y = layout.firstRowY + i
      let unsaved = state.session.pending.contains(e)
      let org = d.organisationIndex(code: e.org).map { d.organisations[$0].name } ?? "\(e.org) (not in data)"
      let fp = d.footprintIndex(code: e.footprint).map { d.footprints[$0].name } ?? e.footprint
      let cells = [UTCTime.short(e.time), org, fp, e.author, (unsaved ? "NOT SAVED: " : "") + e.reason]
      var x = 1
      for (c, text) in zip(cols, cells) {
        buf.put(
          text, x: x, y: y, width: c.1,
          style: unsaved ? theme.bad : (c.0 == "Organisation" ? theme.flag : theme.normal), ellipsis: g.ellipsis)
        x += c.1 + 1
      }
      if index == state.flagsList.selected { buf.style(Rect(x: 0, y: y, width: buf.width, height: 1), theme.selected) }
    }
  }
}
