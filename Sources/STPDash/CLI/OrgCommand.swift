import ArgumentParser
import DashModel

/// `stpdash org`: one organisation.
struct OrgCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "org", abstract: "Show one organisation: footprints, finances by year, stance and flag history.")

  @Argument(help: ArgumentHelp("An organisation code (E09000009, RN3) or a piece of its name.", valueName: "CODE"))
  var org: String

  @OptionGroup var data: DataOptions

  @OptionGroup var delivery: DeliveryOption

  @OptionGroup var whatIf: WhatIfOption

  @OptionGroup var output: FormatOption

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let o = try ws.organisation(org)
      let refusals = try whatIf.refusals(ws)
      Console.print(
        OrganisationReport(
          org: o, analysis: ws.analysis, flags: ws.flags, flagSet: ws.flagSet, delivery: delivery.setting,
          context: ExportContext(delivery: delivery.scheme, refusals: refusals, dataset: ws.dataset, filter: nil)),
        as: output.format)
    }
  }
}
