import ArgumentParser
import DashModel

/// `stpdash org`: one organisation.
struct OrgCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "org", abstract: "Show one organisation: footprints, finances by year, stance and flag history.")

  @Argument(help: ArgumentHelp("An organisation code (E09000009, RN3) or a piece of its name.", valueName: "CODE"))
  var org: String

  @OptionGroup var data: DataOptions

  @Option(
    name: .long, help: ArgumentHelp("Percent of planned savings delivered, 0-150 (default 100).", valueName: "PCT"))
  var delivery: Int = 100

  @OptionGroup var output: FormatOption

  func validate() throws {
    if !(Delivery.minimum...Delivery.maximum).contains(delivery) {
      throw ValidationError("--delivery must be between 0 and 150")
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let o = try ws.organisation(org)
      let setting = Delivery(percent: delivery)
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
