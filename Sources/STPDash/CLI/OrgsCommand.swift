import ArgumentParser
import DashModel

/// `stpdash orgs`: every organisation, once each.
struct OrgsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orgs",
    abstract: "List every organisation: savings it holds, its largest share of a plan, stance, flags, pivotal.",
    discussion: "Columns (for --sort): "
      + OrganisationColumn.allCases.map { "\($0.key) (\($0.meaning))" }.joined(separator: "; ")
      + ". A body is pivotal when its planned savings in a footprint whose plan balances exceed that plan's margin:"
      + " its refusal alone would stop the plan balancing.")

  @OptionGroup var data: DataOptions

  @Option(name: .long, help: ArgumentHelp("Only this kind: \(OrganisationKind.validCodes).", valueName: "K"))
  var kind: String?

  @Option(name: .long, help: ArgumentHelp("Only this stance: \(Stance.validCodes).", valueName: "S"))
  var stance: String?

  @Option(name: .long, help: ArgumentHelp("Only bodies in this region's footprints.", valueName: "R"))
  var region: String?

  @Flag(name: .long, help: "Only pivotal bodies.")
  var pivotal = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Keep only bodies matching terms such as kind:council stance:refused region:London pivotal !flagged.",
      valueName: "TERMS"))
  var filter: String?

  @Option(name: .long, help: ArgumentHelp("Sort by this column.", valueName: "COLUMN"))
  var sort: String = "savings_2020_21_gbp_m"

  @Flag(name: .long, help: "Sort ascending (smallest first).")
  var asc = false

  @Flag(name: .long, help: "Sort descending (largest first).")
  var desc = false

  @OptionGroup var delivery: DeliveryOption

  @OptionGroup var whatIf: WhatIfOption

  @OptionGroup var output: FormatOption

  func validate() throws {
    if OrganisationColumn(key: sort) == nil {
      throw ValidationError("unknown column \"\(sort)\"; choose one of: \(OrganisationColumn.keyList)")
    }
    if let kind, OptionWords.kind(kind) == nil {
      throw ValidationError(
        "unknown kind \"\(VisibleText.sanitize(kind))\"; choose one of: \(OrganisationKind.validCodes)")
    }
    if let stance, OptionWords.stance(stance) == nil {
      throw ValidationError("unknown stance \"\(VisibleText.sanitize(stance))\"; choose one of: \(Stance.validCodes)")
    }
    if let region, OptionWords.region(region) == nil {
      throw ValidationError("unknown region \"\(VisibleText.sanitize(region))\"; choose one of: \(Region.validNames)")
    }
    if asc && desc { throw ValidationError("--asc and --desc contradict each other") }
    if case .failure(let e) = FilterQuery.parse(terms, scope: .organisations) {
      throw ValidationError("--filter: \(e.message)")
    }
  }

  /// The options and --filter as one filter (what an export records).
  var terms: String {
    var out: [String] = []
    if let kind, let k = OptionWords.kind(kind) { out.append("kind:\(k.rawValue)") }
    if let stance, let st = OptionWords.stance(stance) { out.append("stance:\(st.code)") }
    if let region, let r = OptionWords.region(region) { out.append("region:\(r.name.replacingSpaces())") }
    if pivotal { out.append("pivotal") }
    if let filter { out.append(filter) }
    return out.joined(separator: " ")
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let refusals = try whatIf.refusals(ws)
      let column = OrganisationColumn(key: sort) ?? .savings
      let ascending = asc ? true : (desc ? false : column.naturallyAscending)
      let all = OrganisationTable.lines(ws.analysis, delivery: delivery.scheme, refusals: refusals)
      let query = try? FilterQuery.parse(terms, scope: .organisations).get()
      var lines = all
      if let query, !query.isEmpty {
        lines = lines.filter { query.matches(.organisation($0, dataset: ws.dataset)) }
        // A region, kind or stance given by option is matched whole (not as a prefix).
        if let region, let r = OptionWords.region(region) { lines = lines.filter { $0.regions.contains(r) } }
        if let kind, let k = OptionWords.kind(kind) { lines = lines.filter { $0.kind == k } }
        if let stance, let s = OptionWords.stance(stance) { lines = lines.filter { $0.stance == s } }
      }
      lines.sort(by: column.order(ascending: ascending, dataset: ws.dataset))
      Console.print(
        OrganisationsReport(
          lines: lines, total: all.count, analysis: ws.analysis, delivery: delivery.scheme, sort: column,
          ascending: ascending,
          context: ExportContext(delivery: delivery.scheme, refusals: refusals, dataset: ws.dataset, filter: query)),
        as: output.format)
    }
  }
}

extension String {
  /// Spaces as dashes, so a name is one filter term.
  fileprivate func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}
