import ArgumentParser
import DashModel

/// `stpdash map`: the footprints in their places on the hex map.
struct MapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: "Print the 44 footprints in their places on a hex map, by a league column, with a legend.",
    discussion: "Metrics (for --metric): " + MapPresenter.metrics.map(\.key).joined(separator: ", "))

  @OptionGroup var data: DataOptions

  @Option(
    name: .long, help: ArgumentHelp("Colour (fill) by this league column.", valueName: "COL"))
  var metric: String = "do_nothing"

  @OptionGroup var delivery: DeliveryOption

  @OptionGroup var whatIf: WhatIfOption

  @OptionGroup var output: FormatOption

  func validate() throws {
    guard let c = LeagueColumn(key: metric), MapPresenter.metrics.contains(c) else {
      throw ValidationError(
        "a map cannot be coloured by \"\(metric)\"; choose one of: \(MapPresenter.metrics.map(\.key).joined(separator: ", "))"
      )
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let column = LeagueColumn(key: metric) ?? .doNothing
      let assumed = try whatIf.organisations(ws)
      let rows = LeagueTable.rows(ws.analysis, delivery: delivery.scheme, flags: ws.flagSet, assumed: assumed)
      let context = ExportContext(delivery: delivery.scheme, assumed: whatIf.codes(ws, assumed), filter: "")
      switch output.format {
      case .csv:
        Console.out(
          MapReport.csv(
            rows, visible: Set(rows.compactMap(\.footprint)), dataset: ws.dataset, metric: column, context: context))
      case .json: Console.out(MapReport.json(rows, dataset: ws.dataset, metric: column, context: context))
      case .table:
        Console.out(
          lines: MapReport.lines(rows, dataset: ws.dataset, metric: column, glyphs: Glyphs(unicode: Console.unicode)))
      }
    }
  }
}

/// `stpdash regions`: the regions and England side by side.
struct RegionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "regions",
    abstract:
      "Compare the four NHS England regions and England: gaps, plans, delivery, savings at risk, stances, loans.")

  @OptionGroup var data: DataOptions

  @OptionGroup var delivery: DeliveryOption

  @OptionGroup var whatIf: WhatIfOption

  @OptionGroup var output: FormatOption

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let assumed = try whatIf.organisations(ws)
      let rows = LeagueTable.rows(ws.analysis, delivery: delivery.scheme, flags: ws.flagSet, assumed: assumed)
      let summaries = RegionsPresenter.summaries(rows, analysis: ws.analysis, delivery: delivery.scheme)
      let context = ExportContext(delivery: delivery.scheme, assumed: whatIf.codes(ws, assumed), filter: "")
      let g = Glyphs(unicode: output.format == .table ? Console.unicode : true)
      switch output.format {
      case .csv: Console.out(TableExport.csv(RegionsPresenter.table(summaries, glyphs: g), context: context))
      case .json:
        let t = RegionsPresenter.table(summaries, glyphs: g)
        Console.out(
          JSONValue.object(
            [("delivery_pct", .integer(delivery.setting.percent))] + context.json + [
              ("regions", .array(t.rows.map { TableExport.json($0, in: t) }))
            ]
          ).rendered() + "\n")
      case .table:
        var lines = TextTable(RegionsPresenter.sideBySide(summaries, glyphs: g)).render(width: Console.width, glyphs: g)
        lines.append("")
        lines.append(
          "Money in £m, 2020/21, plans at \(delivery.scheme.label) delivery. \"reported\": the share of the £ (or of the population) that is reported, not illustrative."
        )
        if summaries.contains(where: { $0.total.illustrative }) { lines.append(Figures.illustrativeNote) }
        lines.append(Figures.caveatNote)
        Console.out(lines: lines.map { g.text($0) })
      }
    }
  }
}
