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

  @Option(
    name: .long,
    help: ArgumentHelp("Keep only this region's footprints: North, Midlands and East, London, South.", valueName: "R"))
  var region: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Keep only footprints matching terms such as region:London rating:needs pivotal !flagged.", valueName: "TERMS"))
  var filter: String?

  @OptionGroup var output: FormatOption

  func validate() throws {
    guard let c = LeagueColumn(key: metric), MapPresenter.metrics.contains(c) else {
      throw ValidationError(
        "a map cannot be coloured by \"\(metric)\"; choose one of: \(MapPresenter.metrics.map(\.key).joined(separator: ", "))"
      )
    }
    if let region, OptionWords.region(region) == nil {
      throw ValidationError("unknown region \"\(VisibleText.sanitize(region))\"; choose one of: \(Region.validNames)")
    }
    if let filter, case .failure(let e) = FilterQuery.parse(filter, scope: .league) {
      throw ValidationError("--filter: \(e.message)")
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let column = LeagueColumn(key: metric) ?? .doNothing
      let refusals = try whatIf.refusals(ws)
      let rows = LeagueTable.rows(ws.analysis, delivery: delivery.scheme, refusals: refusals)
      let query = filter.flatMap { try? FilterQuery.parse($0, scope: .league).get() }
      let kept = LeagueReport.visible(rows, region: region.flatMap { OptionWords.region($0) }, filter: query)
      Console.print(
        MapReport(
          rows: rows, visible: Set(kept.compactMap(\.footprint)), dataset: ws.dataset, metric: column,
          context: ExportContext(delivery: delivery.scheme, refusals: refusals, dataset: ws.dataset, filter: query)),
        as: output.format)
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
      let refusals = try whatIf.refusals(ws)
      let rows = LeagueTable.rows(ws.analysis, delivery: delivery.scheme, refusals: refusals)
      Console.print(
        RegionsReport(
          summaries: RegionsPresenter.summaries(
            rows, analysis: ws.analysis, delivery: delivery.scheme, refusals: refusals),
          delivery: delivery.scheme,
          context: ExportContext(delivery: delivery.scheme, refusals: refusals, dataset: ws.dataset, filter: nil)),
        as: output.format)
    }
  }
}
