import DashModel

/// One footprint: facts, a small trajectory, the alignment bar and its members.
enum FootprintView {
  static func render(_ state: AppState, footprint f: FootprintID, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let fp = d.footprints[f]
    let layout = state.footprintLayout(f)
    guard let row = state.derived.ranked.first(where: { $0.footprint == f }) else { return }

    let facts = state.footprintReport(f).facts(glyphs: g, wide: false)
    let title = facts.filter { $0.place == .title }.map(\.value).joined(separator: " \(g.dot) ")
    var x = buf.put(" " + fp.name, x: 0, y: layout.titleY, style: theme.title)
    // Cut with an ellipsis where the width runs out, never mid-word unmarked.
    let rest = "  \(title) \(g.dot) rank \(row.rank) of \(state.derived.ranked.count) by \(state.league.sort.title)"
    x = buf.put(
      DisplayWidth.truncate(rest, to: max(0, buf.width - x), ellipsis: g.ellipsis), x: x, y: layout.titleY,
      style: theme.dim)

    // Facts in two columns; a small chart to their right when there is room.
    let chartWidth = layout.chartBeside ? min(40, buf.width * 3 / 10) : 0
    let factsWidth = buf.width - chartWidth - 2
    let colWidth = factsWidth / 2
    let t = state.session.analysis.footprintTrajectories[f].delivering(state.delivery(footprint: f))
    let grid = facts.filter { $0.place == .grid }
    for (i, fact) in grid.prefix(layout.factRows * 2).enumerated() {
      let fx = 1 + (i / layout.factRows) * colWidth
      let y = layout.factsY + i % layout.factRows
      buf.put(fact.label, x: fx, y: y, width: 11, style: theme.dim, ellipsis: g.ellipsis)
      buf.put(fact.value, x: fx + 11, y: y, width: colWidth - 12, style: theme.style(fact.tone), ellipsis: g.ellipsis)
    }
    wide(state.footprintWideFacts(f), layout: layout, state: state, into: &buf)
    if chartWidth > 0 {
      // With room, a legend under the small chart, in the lines' own styles.
      let legend = layout.factRows >= 5
      let area = Rect(
        x: buf.width - chartWidth - 1, y: layout.factsY, width: chartWidth, height: layout.factRows - (legend ? 1 : 0))
      TrajectoryChart(trajectory: t, decorated: false).render(into: &buf, area: area, theme: theme, glyphs: g)
      if legend {
        var lx = area.x
        for (s, word) in [(ChartSeries.doNothing, "gap"), (.plan, "plan"), (.outturn, "outturn")] {
          lx = buf.put(g.seriesMark(s), x: lx, y: area.maxY, style: theme.series(s), maxX: buf.width - 1)
          lx = buf.put(word + " ", x: lx, y: area.maxY, style: theme.series(s), maxX: buf.width - 1)
        }
      }
    }

    // Alignment of the members.
    let s = row.alignment
    x = buf.put(" Members \(s.total) ", x: 0, y: layout.barY, style: theme.title)
    // Full stance names when there is room for a bar of 16 as well; short ones otherwise.
    func words(_ short: Bool) -> [String] {
      Stance.allCases.map { short ? String($0.code.prefix(4)) : $0.code }
    }
    func legendWidth(_ w: [String]) -> Int {
      zip(Stance.allCases, w).reduce(0) { $0 + 3 + String(s.count($1.0)).count + $1.1.count }
    }
    let short = buf.width - x - legendWidth(words(false)) - 3 < 16
    let names = words(short)
    let barWidth = max(8, min(40, buf.width - x - legendWidth(names) - 3))
    AlignmentBar.render(s, x: x, y: layout.barY, width: barWidth, into: &buf, theme: theme, glyphs: g)
    var lx = x + barWidth + 2
    for (st, name) in zip(Stance.allCases, names) {
      let seg = StanceSegment(rawValue: st.rawValue) ?? .unknown
      lx = buf.put(g.stanceFill(seg), x: lx, y: layout.barY, style: theme.stance(seg))
      lx = buf.put("\(s.count(st)) \(name) ", x: lx, y: layout.barY, style: theme.dim)
    }

    members(state, f, layout: layout, into: &buf)
  }

  /// The facts drawn full width: each on its own line, wrapped onto the
  /// spare lines (the first that needs one first); one still too long for
  /// its lines ends with an ellipsis (its bodies are marked in the list).
  static func wide(_ facts: [Fact], layout: Layout.Footprint, state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    var y = layout.wideY
    // No more facts than lines: those left out are in the text and in `p`.
    let kept = Array(facts.prefix(layout.wideRows))
    let pieces = wideLines(kept, width: buf.width, rows: layout.wideRows)
    for (fact, lines) in zip(kept, pieces) {
      buf.put(fact.label, x: 1, y: y, width: 11, style: theme.dim, ellipsis: g.ellipsis)
      for piece in lines {
        buf.put(piece, x: 12, y: y, width: buf.width - 13, style: theme.style(fact.tone), ellipsis: g.ellipsis)
        y += 1
      }
    }
  }

  /// The lines of the facts drawn full width at a screen width: each
  /// wrapped, one line each at least, the spare lines to the first that
  /// need them; one still too long ends with the rest on its last line
  /// (cut there with an ellipsis). Without `rows`, every line wanted.
  static func wideLines(_ facts: [Fact], width: Int, rows: Int? = nil) -> [[String]] {
    let pieces = facts.map { DetailLine.wrap($0.value, width: max(9, width - 13)) }
    guard let rows else { return pieces }
    var lines = pieces.map { _ in 1 }
    var spare = rows - facts.count
    for i in pieces.indices where spare > 0 {
      let more = min(spare, pieces[i].count - 1)
      lines[i] += more
      spare -= more
    }
    return pieces.indices.map { i in
      guard pieces[i].count > lines[i] else { return pieces[i] }
      return Array(pieces[i].prefix(lines[i] - 1)) + [pieces[i][(lines[i] - 1)...].joined(separator: " ")]
    }
  }

  /// The selected member in one line: what the columns cut (its name, its
  /// stance's date, source and caveat, its flag's reason, its power).
  static func detail(_ r: MemberRow, state: AppState) -> String {
    let g = state.glyphs
    var parts = ["\(r.name) (\(r.code))"]
    var stance = r.stance.code + (r.stanceStanding.map(Figures.mark) ?? "")
    if let rec = r.stanceRecord {
      if let d = rec.asOf { stance += " \(d.iso)" }
      if let k = rec.sourceKind { stance += ", \(k.code) source" }
      if let c = rec.caveat {
        stance += ": \(c)"
      } else if let n = rec.note, rec.basis != .illustrative {
        stance += ": \(n)"
      }
    }
    parts.append(stance)
    if r.flagged,
      let e = state.session.flags.active().first(where: { $0.org == r.code && $0.footprint == r.footprintCode })
    {
      parts.append("\(g.flag) \(e.reason)")
    }
    if r.pivotal { parts.append("\(g.pivotal) pivotal") }
    if let p = r.power { parts.append("power \(Figures.percent(p * 100, unicode: g.unicode))") }
    return parts.joined(separator: " \(g.dot) ") + " \(g.dot) Enter opens it"
  }

  static func members(_ state: AppState, _ f: FootprintID, layout: Layout.Footprint, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let code = d.footprints[f].code
    let report = state.footprintReport(f)
    let rows = report.members
    let scroll = state.members.list.scroll
    let shown = rows.dropFirst(min(scroll, rows.count)).prefix(layout.rowCount)
    let table = report.table(shown, glyphs: g, unsaved: { state.isUnsaved(org: $0.code, footprint: code) })
    let cs = Columns.settings(state, .members)
    let columns = TableLayout(
      table, width: buf.width, rightMargin: 1, pinned: state.members.sort.key, hidden: cs.hidden, offset: cs.offset)
    TableView.header(
      table, layout: columns, y: layout.headerY, sorted: state.members.sort.key,
      ascending: state.members.ascending, into: &buf, theme: theme, glyphs: g)
    for (i, row) in table.rows.enumerated() {
      let y = layout.firstRowY + i
      TableView.row(row, in: table, layout: columns, y: y, into: &buf, theme: theme, glyphs: g)
      if row.key == state.members.list.selected.map(AnyHashable.init) {
        buf.style(Rect(x: 0, y: y, width: buf.width, height: 1), theme.selected)
      }
    }
    if let q = state.filters[.members] {
      let all = d.membersOfFootprint[f].count
      let text = " \(rows.count) of \(all) members \(g.dot) filter \\\(VisibleText.sanitize(q.text)) "
      let w = DisplayWidth.width(of: text)
      buf.put(text, x: max(0, buf.width - w - 1), y: layout.titleY, style: theme.header, maxX: buf.width)
    }
    // Where the list is, when it is longer than the screen, at the right of the detail line.
    let position =
      rows.count > layout.rowCount
      ? " \(min(scroll, rows.count) + 1)-\(min(rows.count, scroll + layout.rowCount)) of \(rows.count) " : ""
    let positionWidth = DisplayWidth.width(of: position)
    if !position.isEmpty {
      buf.put(position, x: buf.width - positionWidth - 1, y: layout.detailY, style: theme.dim)
    }
    if let m = state.members.list.selected, let r = rows.first(where: { $0.membership == m }) {
      let text = DisplayWidth.truncate(
        VisibleText.sanitize(detail(r, state: state)), to: buf.width - 3 - positionWidth, ellipsis: g.ellipsis)
      buf.put(text, x: 1, y: layout.detailY, style: theme.dim, maxX: buf.width - 1 - positionWidth)
    }
    if rows.isEmpty {
      buf.put(
        state.filters[.members] == nil
          ? "This footprint has no members in memberships.csv."
          : "No member passes the filter. Press \\ then Enter to clear it.", x: 2, y: layout.firstRowY,
        style: theme.dim)
    }
  }
}
