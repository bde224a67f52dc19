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
      var f: FootprintID? = nil
      if let footprint {
        let i = try ws.footprint(footprint)
        name = ws.dataset.footprints[i].name
        code = ws.dataset.footprints[i].code
        f = i
      }
      let t = ws.analysis.trajectory(footprint: f, delivery: delivery.scheme)
      let context = ExportContext(delivery: delivery.scheme, assumed: [], filter: "")
      let label =
        f.map { i in
          let pct = delivery.scheme.delivery(footprint: i, in: ws.analysis).percent
          return delivery.scheme.uniform == nil ? "its observed \(pct)%" : "\(pct)%"
        } ?? delivery.scheme.label
      switch output.format {
      case .csv: Console.out(TrajectoryReport.csv(t, code: code, name: name, context: context))
      case .json:
        Console.out(
          JSONValue.object([
            ("code", .string(code)), ("name", .string(name)),
            (
              "delivery_pct",
              .integer(f.map { delivery.scheme.delivery(footprint: $0, in: ws.analysis).percent } ?? setting.percent)
            ),
            ("delivery_setting", .string(context.delivery)),
            ("balance_year", .string(t.planBalanceYear?.label)), ("trajectory", TrajectoryReport.json(t)),
          ]).rendered() + "\n")
      case .table:
        let g = Glyphs(unicode: Console.unicode)
        var lines = [
          "\(VisibleText.sanitize(name)) (\(code)): deficit trajectory, £m; plan at \(label) delivery of planned savings",
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
