import ArgumentParser
import DashModel

/// `stpdash changes`: the proposed service changes, their referrals and outcomes.
struct ChangesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract: "List proposed service changes (A&E, maternity, stroke, beds…), their referrals and outcomes.",
    discussion:
      "Each row says the kind of source it rests on: official, news, campaign (a campaign's word is \(FigureStanding.caveat.label)) or other. Columns (for --sort): "
      + ChangeColumn.allCases.map(\.key).joined(separator: ", ")
      + ". --format csv or json gives every field: the change, its status and date, the referral, the IRP's advice, the outcome, the source and its quote."
  )

  @OptionGroup var data: DataOptions

  @Option(name: .long, help: ArgumentHelp("Only this footprint (a code or part of its name).", valueName: "F"))
  var footprint: String?

  @Option(name: .long, help: ArgumentHelp("Only services matching this (e.g. maternity, A&E).", valueName: "S"))
  var service: String?

  @Option(name: .long, help: ArgumentHelp("Only statuses matching this (e.g. decided, consulted).", valueName: "S"))
  var status: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Keep only changes matching terms such as service:maternity referred source:official status:decided.",
      valueName: "TERMS"))
  var filter: String?

  @Option(name: .long, help: ArgumentHelp("Sort by this column.", valueName: "COLUMN"))
  var sort: String = ChangeColumn.footprint.key

  @Flag(name: .long, help: "Sort descending.")
  var desc = false

  @OptionGroup var output: FormatOption

  /// The filter terms the options make, with `--filter`'s.
  var terms: String {
    var t: [String] = []
    if let service { t.append("service:" + service.split(separator: " ").joined()) }
    if let status { t.append("status:" + status.split(separator: " ").joined()) }
    if let filter { t.append(filter) }
    return t.joined(separator: " ")
  }

  func validate() throws {
    if ChangeColumn(key: sort) == nil {
      throw ValidationError(
        "unknown column \"\(VisibleText.sanitize(sort))\"; choose one of: \(ChangeColumn.keyList)")
    }
    if case .failure(let e) = FilterQuery.parse(terms, scope: .changes) {
      throw ValidationError("--filter: \(e.message)")
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      var query = try? FilterQuery.parse(terms, scope: .changes).get()
      var lines = ChangesReport.lines(
        ws.dataset, filter: query, sort: ChangeColumn(key: sort) ?? .footprint, ascending: !desc)
      if let footprint {
        let f = try ws.footprint(footprint)
        lines = lines.filter { $0.change.footprint == f }
        let code = ws.dataset.footprints[f].code
        query = try? FilterQuery.parse(("footprint:" + code + " " + terms), scope: .changes).get()
      }
      Console.print(
        ChangesReport(
          lines: lines, total: ws.dataset.disputes.changes.count, dataset: ws.dataset,
          sort: ChangeColumn(key: sort) ?? .footprint, ascending: !desc,
          context: ExportContext(filter: query, asOf: ws.dataset.asOfDay)),
        as: output.format)
    }
  }
}
