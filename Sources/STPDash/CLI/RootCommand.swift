import ArgumentParser
import CNcurses
import DashModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
      FlagsCommand.self, FlagCommand.self, UnflagCommand.self, JournalCommand.self, ValidateCommand.self,
      SynthCommand.self,
      BenchUICommand.self,
    ],
    defaultSubcommand: DashboardCommand.self)
}

extension RootCommand {
  /// Runs the command line; a first word that is no command (`stpdash leage`)
  /// is answered with the nearest command and the list of them, not with
  /// the dashboard's usage.
  static func main() {
    let args = Array(CommandLine.arguments.dropFirst())
    if let word = args.first, let message = CommandSuggestion.message(for: word) {
      Console.error(message)
      #if canImport(Glibc)
        Glibc.exit(64)
      #else
        Darwin.exit(64)
      #endif
    }
    // Ignored, so a file-size limit is an error a write reports (and the
    // message names), not a signal that kills the process mid-file.
    signal(SIGXFSZ, SIG_IGN)
    // Large blocks (the arrays that grow as a file is read) come from and go
    // back to the system. glibc otherwise raises this threshold at the first
    // large free and keeps every later block of up to 32 MiB in its heap,
    // still resident once freed: 20 MiB of the peak at 10× (BENCHMARKS.md).
    #if os(Linux)
      _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    #endif
    Console.reserveStandardDescriptors()
    do {
      var command = try parseAsRoot(args)
      try command.run()
    } catch {
      Console.finish()
      exitSafely(error)
    }
    Console.finish()
  }

  /// Ends on an error as the parser would, but with any text the user
  /// typed made visible: a value holding escape sequences (`--region
  /// $'\e[2J'`) is echoed as its stand-ins, never as codes that act on the
  /// terminal. Help and the version go to standard output.
  static func exitSafely(_ error: Error) -> Never {
    let code = exitCode(for: error)
    let message = fullMessage(for: error)
    if !message.isEmpty {
      if code == .success { Console.out(message + "\n") } else { Console.error(message) }
    }
    Console.finish()
    #if canImport(Glibc)
      Glibc.exit(code.rawValue)
    #else
      Darwin.exit(code.rawValue)
    #endif
  }
}

/// What to say of a first word that is not a command.
enum CommandSuggestion {
  /// The commands, as typed.
  static var names: [String] {
    RootCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }.filter { !$0.isEmpty }
  }

  /// A message when `word` is meant as a command but is none; `nil` for an
  /// option, a command, or `help`.
  static func message(for word: String) -> String? {
    guard !word.hasPrefix("-"), word != "help", !names.contains(word) else { return nil }
    let shown = VisibleText.sanitize(word)
    let best = names.map { ($0, distance($0, word.lowercased())) }.min { $0.1 < $1.1 }
    let hint = best.flatMap { $0.1 <= max(2, $0.0.count / 3) ? "; did you mean \"\($0.0)\"?" : nil } ?? ""
    return
      "stpdash: \"\(shown)\" is not a command\(hint)\ncommands: \(names.joined(separator: ", ")) (stpdash --help says what each does)"
  }

  /// The edit distance between two words (insertions, deletions, substitutions, swaps of neighbours).
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b.prefix(64))
    if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[x.count][y.count]
  }
}
