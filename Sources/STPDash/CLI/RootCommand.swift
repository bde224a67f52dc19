import ArgumentParser

/// `stpdash`: the dashboard, or a batch command.
@main
struct RootCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stpdash",
    abstract: "A terminal dashboard for England's 44 NHS Sustainability and Transformation Plan footprints.",
    discussion:
      "Run without a command for the interactive dashboard. Without --data it opens the bundled sample-data/.\n\n"
      + "What breaks a plan, in every command that computes figures (at the delivery setting, 2020/21):\n\n"
      + MeasureWords.measures.map { "\($0.name): \($0.sentence)." }.joined(separator: "\n\n"),
    version: "0.1.0",
    subcommands: [
      DashboardCommand.self, LeagueCommand.self, FootprintCommand.self, TrajectoryCommand.self, OrgCommand.self,
      OrgsCommand.self, MapCommand.self, RegionsCommand.self, ChangesCommand.self,
      FlagsCommand.self, FlagCommand.self, UnflagCommand.self, ValidateCommand.self, SynthCommand.self,
      BenchUICommand.self,
    ],
    defaultSubcommand: DashboardCommand.self)
}
