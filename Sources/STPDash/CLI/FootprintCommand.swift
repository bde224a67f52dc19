import ArgumentParser
import DashModel

/// `stpdash footprint`: one footprint's facts and members.
struct FootprintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "footprint", abstract: "Show one footprint: facts, figures and member organisations.")

  @Argument(
    help: ArgumentHelp("A footprint code (E54000027) or a piece of its name (\"north west\").", valueName: "CODE|NAME"))
  var footprint: String

  @OptionGroup var data: DataOptions

  @OptionGroup var delivery: DeliveryOption

  @OptionGroup var whatIf: WhatIfOption

  @OptionGroup var output: FormatOption

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let f = try ws.footprint(footprint)
      let setting = delivery.scheme.delivery(footprint: f, in: ws.analysis)
      let flags = ws.flagSet
      let assumed = try whatIf.organisations(ws)
      let league = LeagueTable.rows(ws.analysis, delivery: delivery.scheme, flags: flags, assumed: assumed)
      guard let row = league.first(where: { $0.footprint == f }) else { return }
      let members = MemberRow.rows(
        footprint: f, analysis: ws.analysis, flags: flags, delivery: setting, assumed: assumed)
      let context = ExportContext(delivery: delivery.scheme, assumed: whatIf.codes(ws, assumed), filter: "")
      switch output.format {
      case .csv: Console.out(FootprintReport.csv(f, rows: members, dataset: ws.dataset, context: context))
      case .json:
        Console.out(
          FootprintReport.json(
            f, analysis: ws.analysis, league: row, rows: members, delivery: setting, context: context))
      case .table:
        let g = Glyphs(unicode: Console.unicode)
        let fp = ws.dataset.footprints[f]
        var lines = [VisibleText.sanitize(fp.name), ""]
        let facts = FootprintPresenter.facts(f, analysis: ws.analysis, league: row, delivery: setting, glyphs: g)
        lines += FootprintReport.factLines(facts, width: Console.width, glyphs: g)
        lines += ["", "Members (\(members.count))"]
        lines += TextTable(FootprintPresenter.members(members, footprint: fp.code, glyphs: g)).render(
          width: Console.width, glyphs: g)
        lines += [""]
        lines += ProvenancePresenter.footprint(f, analysis: ws.analysis, row: row, glyphs: g).dropFirst()
          .flatMap { $0.wrapped(to: Console.width) }.map { g.text($0.text) }
        if members.contains(where: \.pivotal) {
          lines += [
            "",
            "\(g.pivotal) pivotal: its planned savings exceed the plan's margin; its refusal alone would stop the plan balancing.",
          ]
        }
        if row.illustrative || members.contains(where: \.illustrative) { lines += ["", Figures.illustrativeNote] }
        if !row.caveatColumns.isEmpty { lines.append(Figures.caveatNote) }
        Console.out(lines: lines)
      }
    }
  }
}

extension String {
  /// The string padded with spaces on the right to `width` characters.
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
