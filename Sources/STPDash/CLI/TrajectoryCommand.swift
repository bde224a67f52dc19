import ArgumentParser
import DashModel

/// `stpdash trajectory`: the deficit path to 2020/21.
struct TrajectoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trajectory",
    abstract: "Show the deficit trajectory 2015/16-2020/21 of a footprint, or of England when none is given.")

  @Argument(help: ArgumentHelp("A footprint code or a piece of its name; England if omitted.", valueName: "CODE|NAME"))
  var footprint: String?

  @OptionGroup var data: DataOptions

  @OptionGroup var delivery: DeliveryOption

  @OptionGroup var whatIf: WhatIfOption

  @OptionGroup var output: FormatOption

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let f = try footprint.map { q throws(BatchError) in try ws.footprint(q) }
      let refusals = try whatIf.refusals(ws)
      Console.print(
        TrajectoryReport(
          footprint: f, analysis: ws.analysis, delivery: delivery.scheme, refusals: refusals,
          context: ExportContext(delivery: delivery.scheme, refusals: refusals, dataset: ws.dataset, filter: nil)),
        as: output.format)
    }
  }
}
