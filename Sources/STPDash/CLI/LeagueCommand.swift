import ArgumentParser
import DashModel

/// `stpdash league`: the footprints ranked.
struct LeagueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "league",
    abstract: "Rank the 44 footprints by gap, gap per head, plan strength or alignment.",
    discussion: "Columns (for --sort): "
      + LeagueColumn.allCases.map { "\($0.key) (\($0.meaning))" }.joined(separator: "; "))

  @OptionGroup var data: DataOptions

  @Option(name: .long, help: ArgumentHelp("Sort by this column.", valueName: "COLUMN"))
  var sort: String = "do_nothing"

  @Flag(name: .long, help: "Sort ascending (smallest first).")
  var asc = false

  @Flag(name: .long, help: "Sort descending (largest first).")
  var desc = false

  @Option(name: .long, help: ArgumentHelp("Only this region: North, Midlands and East, London, South.", valueName: "R"))
  var region: String?

  @OptionGroup var delivery: DeliveryOption

  @OptionGroup var whatIf: WhatIfOption

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Keep only footprints matching terms such as region:London rating:needs pivotal !flagged.", valueName: "TERMS"))
  var filter: String?

  @OptionGroup var output: FormatOption

  func validate() throws {
    if LeagueColumn(key: sort) == nil {
      throw ValidationError("unknown column \"\(sort)\"; choose one of: \(LeagueColumn.keyList)")
    }
    if let region, OptionWords.region(region) == nil {
      throw ValidationError("unknown region \"\(VisibleText.sanitize(region))\"; choose one of: \(Region.validNames)")
    }
    if asc && desc { throw ValidationError("--asc and --desc contradict each other") }
    if let filter, case .failure(let e) = FilterQuery.parse(filter, scope: .league) {
      throw ValidationError("--filter: \(e.message)")
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      var timer = PhaseTimer()
      let ws = try Workspace.load(data)
      timer.mark("load and analyse")
      let column = LeagueColumn(key: sort) ?? .doNothing
      let ascending = asc ? true : (desc ? false : column.naturallyAscending)
      let regionValue = region.flatMap { OptionWords.region($0) }
      let refusals = try whatIf.refusals(ws)
      // Made and ranked once, by the column asked for.
      let all = LeagueTable.rows(
        ws.analysis, delivery: delivery.scheme, refusals: refusals, rankedBy: column, ascending: ascending)
      let query = filter.flatMap { try? FilterQuery.parse($0, scope: .league).get() }
      let footprints = all.count
      let rows = LeagueReport.visible(all, region: regionValue, filter: query)
      let a = ws.analysis
      let report = LeagueReport(
        rows: rows, total: { LeagueTable.total(rows, analysis: a, name: LeagueReport.totalName(regionValue)) },
        sort: column, ascending: ascending, region: regionValue, delivery: delivery.scheme, refusals: refusals,
        context: ExportContext(delivery: delivery.scheme, refusals: refusals, dataset: ws.dataset, filter: query),
        footprints: footprints, bands: GapBands(a), analysis: a)
      timer.mark("league rows")
      defer { timer.mark("print") }
      Console.print(report, as: output.format)
    }
  }
}
