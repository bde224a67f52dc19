import ArgumentParser
import DashModel

/// `stpdash validate`: every problem in a data directory.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a data directory and list every problem (exit 1 when there are errors).")

  @OptionGroup var data: DataOptions

  func run() throws {
    try runBatch { () throws(BatchError) in
      let directory = try data.directory()
      let journal = FlagStores.open(data.flagsPath(directory: directory))
      var flagProblems: [Problem] = []
      var flagEvents = 0
      var flagOmitted = 0
      switch journal.read() {
      case .success(let h):
        flagProblems = h.problems
        flagEvents = h.events.count
        flagOmitted = h.omittedProblems
      case .failure(let e):
        flagProblems = [Problem(file: journal.name, message: "cannot be read: \(e.reason)", severity: .warning)]
      }
      switch DatasetLoader.load(directory: directory) {
      case .failure(let failure):
        for p in failure.problems.items + flagProblems { Console.out(p.description + "\n") }
        if flagOmitted > 0 {
          Console.out("\(journal.name): … and \(NumberFormat.grouped(flagOmitted)) more unreadable lines\n")
        }
        if failure.problems.omittedCount > 0 {
          Console.out("… and \(failure.problems.omittedCount) more problems not listed\n")
        }
        let e = failure.problems.errorCount
        let w = failure.problems.warningCount + flagProblems.count + flagOmitted
        throw BatchError(
          "\(directory): \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"); nothing was loaded")
      case .success(let d):
        for p in d.warnings + flagProblems { Console.out(p.description + "\n") }
        if flagOmitted > 0 {
          Console.out("\(journal.name): … and \(NumberFormat.grouped(flagOmitted)) more unreadable lines\n")
        }
        let flags = flagEvents
        let w = d.warnings.count + flagProblems.count + flagOmitted
        Console.out(
          "\(directory): OK: \(d.footprints.count) footprints, \(NumberFormat.grouped(d.organisations.count)) organisations, "
            + "\(NumberFormat.grouped(d.memberships.count)) memberships, \(NumberFormat.grouped(financeRows(d))) figures, "
            + "\(NumberFormat.grouped(d.alignment.count)) stance records, \(NumberFormat.grouped(flags)) flag events"
            + (w > 0 ? "; \(w) warning\(w == 1 ? "" : "s")" : "") + "\n")
        Console.out(Self.basisLines(d).joined(separator: "\n") + "\n")
        let kinds = Self.sourceKindLines(d)
        if !kinds.isEmpty { Console.out(kinds.joined(separator: "\n") + "\n") }
      }
    }
  }

  /// How many figures of each file stand as each basis.
  static func basisLines(_ d: Dataset) -> [String] {
    let counts = d.basisCounts
    let width = counts.map(\.file.count).max() ?? 0
    return [
      "figures by basis: \(FigureStanding.reported.label), \(FigureStanding.caveat.label) (\(Figures.caveatMark)), \(FigureStanding.illustrative.label) (\(Figures.illustrativeMark))"
    ]
      + counts.map { c in
        "  " + c.file + String(repeating: " ", count: width - c.file.count)
          + "  \(NumberFormat.grouped(c.reported)) reported, \(NumberFormat.grouped(c.caveat)) with a caveat, "
          + "\(NumberFormat.grouped(c.illustrative)) illustrative"
      }
  }

  /// How many records of the dispute files (and sourced stances) rest on each kind of source.
  static func sourceKindLines(_ d: Dataset) -> [String] {
    let counts = d.sourceKindCounts
    guard !counts.isEmpty else { return [] }
    let width = counts.map(\.file.count).max() ?? 0
    return ["records by kind of source: official, news, campaign, other"]
      + counts.map { c in
        "  " + c.file + String(repeating: " ", count: width - c.file.count) + "  "
          + SourceKind.allCases.map { "\(c.counts[$0] ?? 0) \($0.code)" }.joined(separator: ", ")
      }
  }

  func financeRows(_ d: Dataset) -> Int {
    var n = 0
    for e in d.finance.entities {
      for y in FinancialYear.all {
        for s in Scenario.allCases where d.finance.hasRow(entity: e, year: y, scenario: s) { n += 1 }
      }
    }
    return n
  }
}
