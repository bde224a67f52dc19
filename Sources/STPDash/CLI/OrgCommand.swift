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

  @OptionGroup var output: FormatOption

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let o = try ws.organisation(org)
      let setting = delivery.setting
      switch output.format {
      case .json: Console.out(OrganisationReport.json(o, workspace: ws, delivery: setting))
      case .csv:
        let code = ws.dataset.organisations[o].code
        Console.out(
          TrajectoryReport.csv(
            ws.analysis.organisationTrajectory(o).delivering(setting), code: code,
            name: ws.dataset.organisations[o].name))
      case .table:
        Console.out(
          lines: OrganisationReport.lines(
            o, workspace: ws, delivery: setting, width: Console.width, glyphs: Glyphs(unicode: Console.unicode)))
      }
    }
  }
}
