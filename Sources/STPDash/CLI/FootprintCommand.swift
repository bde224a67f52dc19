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

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Sort the members by this column: \(MemberColumn.allCases.map(\.key).joined(separator: ", ")).",
      valueName: "COLUMN"))
  var sort: String = MemberColumn.kind.key

  @Flag(name: .long, help: "Sort ascending (smallest first).")
  var asc = false

  @Flag(name: .long, help: "Sort descending (largest first).")
  var desc = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Keep only members matching terms such as kind:council stance:refused !flagged.", valueName: "TERMS"))
  var filter: String?

  @OptionGroup var output: FormatOption

  func validate() throws {
    if MemberColumn(key: sort) == nil {
      throw ValidationError(
        "unknown column \"\(sort)\"; choose one of: \(MemberColumn.allCases.map(\.key).joined(separator: ", "))")
    }
    if asc && desc { throw ValidationError("--asc and --desc contradict each other") }
    if let filter, case .failure(let e) = FilterQuery.parse(filter, scope: .members) {
      throw ValidationError("--filter: \(e.message)")
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let f = try ws.footprint(footprint)
      let setting = delivery.scheme.delivery(footprint: f, in: ws.analysis)
      let refusals = try whatIf.refusals(ws)
      let league = LeagueTable.rows(ws.analysis, delivery: delivery.scheme, refusals: refusals)
      guard let row = league.first(where: { $0.footprint == f }) else { return }
      let column = MemberColumn(key: sort) ?? .kind
      let query = filter.flatMap { try? FilterQuery.parse($0, scope: .members).get() }
      let members = MemberRow.listed(
        footprint: f, analysis: ws.analysis, refusals: refusals, delivery: setting, filter: query,
        sort: column, ascending: asc ? true : (desc ? false : column.naturallyAscending))
      Console.print(
        FootprintReport(
          footprint: f, analysis: ws.analysis, row: row, members: members, delivery: setting, refusals: refusals,
          context: ExportContext(delivery: delivery.scheme, refusals: refusals, dataset: ws.dataset, filter: query),
          bands: GapBands(ws.analysis)),
        as: output.format)
    }
  }
}
