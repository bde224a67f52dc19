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

  @OptionGroup var output: FormatOption

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let setting = delivery.setting
      var name = "England"
      var code = "E92000001"
      var base = ws.analysis.england
      if let footprint {
        let f = try ws.footprint(footprint)
        name = ws.dataset.footprints[f].name
        code = ws.dataset.footprints[f].code
        base = ws.analysis.footprintTrajectories[f]
      }
      let t = base.delivering(setting)
      switch output.format {
      case .csv: Console.out(TrajectoryReport.csv(t, code: code, name: name))
      case .json:
        Console.out(
          JSONValue.object([
            ("code", .string(code)), ("name", .string(name)), ("delivery_pct", .integer(setting.percent)),
            ("balance_year", .string(t.planBalanceYear?.label)), ("trajectory", TrajectoryReport.json(t)),
          ]).rendered() + "\n")
      case .table:
        let g = Glyphs(unicode: Console.unicode)
        var lines = [
          "\(VisibleText.sanitize(name)) (\(code)): deficit trajectory, £m; plan at \(setting.percent)% delivery of planned savings",
          "",
        ]
        lines += TextTable(TrajectoryPresenter.table(t, glyphs: g)).render(width: Console.width, glyphs: g)
        lines.append("")
        lines.append(TrajectoryPresenter.balance(t))
        if footprint == nil {
          lines.append("England is the sum of the \(ws.dataset.footprints.count) footprints.")
        }
        if t.hasIllustrative { lines.append(Figures.illustrativeNote) }
        Console.out(lines: lines)
      }
    }
  }
}
