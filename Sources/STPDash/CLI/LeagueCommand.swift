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
    if let region, Region(name: region) == nil {
      throw ValidationError("unknown region \"\(region)\"; choose one of: \(Region.validNames)")
    }
    if asc && desc { throw ValidationError("--asc and --desc contradict each other") }
    if let filter, case .failure(let e) = FilterQuery.parse(filter, fields: FilterScope.league.fields) {
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
      let regionValue = region.flatMap { Region(name: $0) }
      let setting = delivery.setting
      let assumed = try whatIf.organisations(ws)
      let all = LeagueTable.rows(ws.analysis, delivery: delivery.scheme, flags: ws.flagSet, assumed: assumed)
      let ranked = LeagueTable.rank(all, by: column, ascending: ascending)
      var rows = LeagueTable.filter(ranked, region: regionValue)
      let query = filter.flatMap { try? FilterQuery.parse($0, fields: FilterScope.league.fields).get() }
      if let query { rows = rows.filter { query.matches(.footprint($0)) } }
      let context = ExportContext(
        delivery: delivery.scheme, assumed: whatIf.codes(ws, assumed), filter: query?.text ?? "")
      // The total row is not part of the CSV: made only for the formats that show it.
      func england() -> LeagueRow {
        LeagueTable.total(rows, analysis: ws.analysis, name: regionValue.map { "\($0.name) total" } ?? "England")
      }
      timer.mark("league rows")
      defer { timer.mark("print") }
      switch output.format {
      case .csv: Console.out(LeagueReport.csv(rows, context: context))
      case .json:
        Console.out(
          LeagueReport.json(
            rows, england: england(), sort: column, ascending: ascending, region: regionValue, delivery: setting,
            context: context))
      case .table:
        let g = Glyphs(unicode: Console.unicode)
        var lines = TextTable(LeagueReport.table(rows, total: england(), sorted: column, glyphs: g)).render(
          width: Console.width, glyphs: g)
        lines.append("")
        let dir = ascending ? "smallest first" : "largest first"
        let scope = regionValue.map { "\($0.name) footprints, " } ?? ""
        lines += DetailLine(
          text:
            "\(scope)sorted by \(column.meaning) (\(dir)). Money in £m, 2020/21, plans at \(delivery.scheme.label) delivery.",
          indent: 0
        ).wrapped(to: Console.width).map(\.text)
        if !assumed.isEmpty {
          lines.append("Assumed refusing (what-if): \(whatIf.codes(ws, assumed).joined(separator: ", ")).")
        }
        if let query { lines.append("Filter: \(query.text) (\(rows.count) kept).") }
        if rows.contains(where: \.illustrative) { lines.append(Figures.illustrativeNote) }
        if rows.contains(where: { !$0.caveatColumns.isEmpty }) {
          lines += DetailLine(text: Figures.caveatNote, indent: 0).wrapped(to: Console.width).map(\.text)
        }
        Console.out(lines: lines)
      }
    }
  }
}
