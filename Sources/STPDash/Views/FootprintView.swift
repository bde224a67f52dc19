import DashModel

/// One footprint: facts, a small trajectory, the alignment bar and its members.
enum FootprintView {
  static func render(_ state: AppState, footprint f: Int, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let d = state.session.dataset
    let fp = d.footprints[f]
    let layout = Layout.Footprint(state.size)
    guard let row = state.derived.ranked.first(where: { $0.footprint == f }) else { return }
    let ill = row.illustrativeColumns
    let dash = g.dash

    var x = buf.put(" " + fp.name, x: 0, y: layout.titleY, style: theme.title)
    x = buf.put(
      "  \(fp.code) \(g.dot) \(fp.region.name) \(g.dot) rank \(row.rank) of \(state.derived.ranked.count) by \(state.league.sort.title)",
      x: x, y: layout.titleY, style: theme.dim)

    // Facts in two columns; a small chart to their right when there is room.
    let chartWidth = layout.chartBeside ? min(40, buf.width * 3 / 10) : 0
    let factsWidth = buf.width - chartWidth - 2
    let colWidth = factsWidth / 2
    func money(_ v: Double?, _ i: Bool) -> String {
      g.pound + Figures.money(v, unicode: g.unicode) + "m" + (i ? Figures.illustrativeMark : "")
    }
    let t = state.session.analysis.footprintTrajectories[f].delivering(state.delivery)
    var leader = fp.leader ?? dash
    if let role = fp.leaderRole { leader = fp.leader == nil ? role : "\(leader), \(role)" }
    let refused = row.alignment.count(.refused)
    let why = [row.flagged > 0 ? "\(row.flagged) flagged" : nil, refused > 0 ? "\(refused) refused" : nil].compactMap {
      $0
    }
    let left: [(String, String, Style)] = [
      ("Do-nothing", money(row.doNothing, ill.contains(.doNothing)) + " 2020/21", Meaning.gap(row, theme)),
      ("Plan", money(row.plan, ill.contains(.plan)) + " at \(state.delivery.percent)%", Meaning.plan(row, theme)),
      (
        "Savings",
        Figures.percent(row.savingsPercent, unicode: g.unicode)
          + (ill.contains(.savingsPercent) ? Figures.illustrativeMark : "")
          + ", " + (t.planBalanceYear.map { "balance \($0.shortLabel)" } ?? "no balance"), theme.normal
      ),
      (
        "At risk", money(row.atRisk, ill.contains(.atRisk)) + (why.isEmpty ? "" : " (\(why.joined(separator: ", ")))"),
        Meaning.atRisk(row, theme)
      ),
    ]
    let right: [(String, String, Style)] = [
      ("Leader", leader, theme.normal),
      ("Rating", fp.rating.map { "\($0.name) (July 2017)" } ?? dash, Meaning.rating(fp.rating, theme)),
      (
        "Population",
        fp.population.map {
          NumberFormat.grouped($0) + (fp.populationBasis == .illustrative ? Figures.illustrativeMark : "")
        } ?? dash, theme.normal
      ),
      (
        "Per head",
        g.pound + Figures.pounds(row.perHead, unicode: g.unicode)
          + (ill.contains(.perHead) ? Figures.illustrativeMark : "") + " gap per resident", theme.normal
      ),
    ]
    let facts = layout.factRows >= 4 ? [left, right] : [[left[0], left[1]], [right[0], right[1]]]
    for (c, column) in facts.enumerated() {
      for (i, fact) in column.prefix(layout.factRows).enumerated() {
        let fx = 1 + c * colWidth
        let y = layout.factsY + i
        buf.put(fact.0, x: fx, y: y, width: 11, style: theme.dim, ellipsis: g.ellipsis)
        buf.put(fact.1, x: fx + 11, y: y, width: colWidth - 12, style: fact.2, ellipsis: g.ellipsis)
      }
    }
    if chartWidth > 0 {
      let area = Rect(x: buf.width - chartWidth - 1, y: layout.factsY, width: chartWidth, height: layout.factRows)
      TrajectoryChart(trajectory: t, decorated: false).render(into: &buf, area: area, theme: theme, glyphs: g)
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

  static func members(_ state: AppState, _ f: Int, layout: Layout.Footprint, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let rows = state.memberRows(f)
    let narrow = buf.width < 90
    // Columns: name (flexible), kind, share, stance, flag, savings.
    let widths: [MemberColumn: Int] = [.kind: narrow ? 9 : 12, .share: 6, .stance: 12, .flag: 5, .savings: 12]
    let fixed = widths.values.reduce(0, +) + 6
    let nameWidth = max(12, buf.width - fixed - 1)
    var xs: [MemberColumn: Int] = [:]
    var x = 1
    for c in MemberColumn.allCases {
      xs[c] = x
      x += (c == .name ? nameWidth : (widths[c] ?? 0)) + 1
    }
    func width(_ c: MemberColumn) -> Int { c == .name ? nameWidth : (widths[c] ?? 0) }
    let dir = state.members.ascending ? g.up : g.down
    for c in MemberColumn.allCases {
      let title = g.text(c.title) + (c == state.members.sort ? dir : "")
      buf.put(
        title, x: xs[c] ?? 0, y: layout.headerY, width: width(c), style: theme.header,
        right: c == .share || c == .savings, ellipsis: g.ellipsis)
    }
    let scroll = state.members.list.scroll
    let d = state.session.dataset
    for i in 0..<layout.rowCount {
      let index = scroll + i
      guard index < rows.count else { break }
      let r = rows[index]
      let y = layout.firstRowY + i
      let unsaved = state.isUnsaved(org: r.code, footprint: d.footprints[f].code)
      buf.put(
        r.name, x: xs[.name] ?? 0, y: y, width: width(.name), style: r.flagged ? theme.flag : theme.normal,
        ellipsis: g.ellipsis)
      buf.put(
        narrow ? r.kind.shortLabel : r.kind.label, x: xs[.kind] ?? 0, y: y, width: width(.kind), style: theme.dim,
        ellipsis: g.ellipsis)
      buf.put(
        NumberFormat.fixed(r.share, decimals: 2), x: xs[.share] ?? 0, y: y, width: width(.share), right: true,
        ellipsis: g.ellipsis)
      buf.put(
        r.stance.code + (r.stanceIllustrative ? Figures.illustrativeMark : ""), x: xs[.stance] ?? 0, y: y,
        width: width(.stance), style: Meaning.stance(r.stance, theme), ellipsis: g.ellipsis)
      buf.put(
        r.flagged ? g.flag + (unsaved ? "!" : "") : (unsaved ? "!" : ""), x: xs[.flag] ?? 0, y: y, width: width(.flag),
        style: unsaved ? theme.bad : theme.flag, ellipsis: g.ellipsis)
      buf.figure(
        Figures.money(r.savings, unicode: g.unicode), illustrative: r.illustrative, x: xs[.savings] ?? 0, y: y,
        width: width(.savings), style: theme.normal, theme: theme, ellipsis: g.ellipsis)
      if r.membership == state.members.list.selected {
        buf.style(Rect(x: 0, y: y, width: buf.width, height: 1), theme.selected)
      }
    }
    if rows.isEmpty {
      buf.put("This footprint has no members in memberships.csv.", x: 2, y: layout.firstRowY, style: theme.dim)
    }
  }
}
