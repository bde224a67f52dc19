import DashModel

/// `y`: the selected row to the terminal's clipboard, as a spreadsheet
/// pastes it: a header row, then the row's values (raw numbers, not the
/// screen's formatted text), tab-separated, guarded against formulas as
/// the CSV export is.
enum Copying {
  static func copy(_ state: inout AppState) -> [Effect] {
    guard let text = row(state) else {
      state.notice = Notice(text: "nothing selected to copy", kind: .info)
      return []
    }
    let rows = text.split(separator: "\n").count - 1
    state.notice = Notice(
      text:
        "copied \(rows == 1 ? "the row" : "\(rows) rows") with its header, tab-separated (OSC 52; if nothing arrives, the terminal does not allow it)",
      kind: .ok)
    return [.copy(text)]
  }

  /// `Y`: the selected row's value in the sorted column, raw (a number as a number).
  static func copyCell(_ state: inout AppState) -> [Effect] {
    let key: String? =
      switch state.screen {
      case .league: state.league.sort.csvHeader
      case .footprint: state.members.sort.key
      case .organisations: state.organisations.sort.key
      case .changes: state.changes.sort.key
      default: nil
      }
    guard let text = row(state), let key else {
      state.notice = Notice(text: "no sorted column here to copy a cell of; y copies the row", kind: .info)
      return []
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    guard lines.count >= 2, let i = lines[0].firstIndex(of: key), i < lines[1].count else {
      state.notice = Notice(text: "the sorted column is not in the copied row", kind: .info)
      return []
    }
    state.notice = Notice(text: "copied \(key): \(lines[1][i]) (OSC 52)", kind: .ok)
    return [.copy(lines[1][i])]
  }

  /// The selected row of the current view's table, with the header, as tab-separated values.
  static func row(_ state: AppState) -> String? {
    let g = Glyphs(unicode: true)
    switch state.screen {
    case .league:
      guard let f = state.league.list.selected, let i = state.derived.visible.firstIndex(where: { $0.footprint == f })
      else { return nil }
      return tsv(state.leagueReport.table(state.derived.visible[i...i], glyphs: g, footer: false))
    case .footprint(let f):
      let report = state.footprintReport(f)
      guard let m = state.members.list.selected, let i = report.members.firstIndex(where: { $0.membership == m })
      else { return nil }
      return tsv(report.table(report.members[i...i], glyphs: g))
    case .organisations:
      let lines = state.derived.visibleOrganisations
      guard let o = state.organisations.list.selected, let i = lines.firstIndex(where: { $0.org == o }) else {
        return nil
      }
      return tsv(state.organisationsReport.table(lines[i...i], glyphs: g, totals: false))
    case .flags:
      let report = state.flagsReport
      guard let key = state.flagsList.selected, let i = state.derived.visibleFlagKeys.firstIndex(of: key),
        i < report.events.count
      else { return nil }
      var one = report
      one.events = [report.events[i]]
      return tsv(one.table())
    case .changes:
      let report = state.changesReport
      guard let id = state.changes.list.selected, let i = report.lines.firstIndex(where: { $0.change.id == id })
      else { return nil }
      return tsv(report.table(report.lines[i...i], glyphs: g))
    case .organisation(let o, _):
      let org = state.session.dataset.organisations[o]
      return "code\tname\tkind\n" + [org.code, org.name, org.kind.rawValue].map(field).joined(separator: "\t") + "\n"
    default: return nil
    }
  }

  /// A table's CSV columns as tab-separated lines: the keys, then each row's values.
  static func tsv(_ t: Table) -> String {
    let columns = TableExport.dataColumns(t).filter { t.columns[$0].outputs.contains(.csv) }
    var lines = [columns.map { t.columns[$0].key }.joined(separator: "\t")]
    for row in t.rows {
      lines.append(
        columns.map { c -> String in
          let value = row.cells[c].value
          // Numbers go as numbers (a minus sign is not a formula); text is guarded.
          switch value {
          case .number, .integer, .bool: return TableExport.plain(value)
          default: return field(TableExport.plain(value))
          }
        }.joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One value as a pasted cell: visible text, no tab or line break inside,
  /// and a formula-looking text guarded as in CSV.
  static func field(_ text: String) -> String {
    let flat = String(
      VisibleText.sanitize(text).unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    return CSVWriter.neutralise(flat)
  }
}
