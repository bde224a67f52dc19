import ArgumentParser
import DashModel

/// `stpdash` with no command: the interactive dashboard.
struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Open the interactive dashboard (what `stpdash` does with no command).")

  @OptionGroup var data: DataOptions

  @Flag(name: .long, help: "Draw with ASCII only (charts, bars and borders).")
  var ascii = false

  func run() throws {
    try runBatch { () throws(BatchError) in
      let directory = try data.directory()
      let journalPath = data.flagsPath(directory: directory)
      let session: Session
      switch SessionLoader.load(directory: directory, journalPath: journalPath) {
      case .failure(let f): throw BatchError(Workspace.describe(f))
      case .success(let s): session = s
      }
      let terminal: NcursesTerminal
      do throws(TerminalError) {
        terminal = try NcursesTerminal(forceASCII: ascii)
      } catch {
        throw BatchError(error.description, exitCode: 2)
      }
      defer { terminal.shutdown() }
      var state = AppState(
        session: session, size: terminal.size, caps: terminal.capabilities, author: LoginName.current())
      if !session.warnings.isEmpty {
        state.notice = Notice(
          text:
            "\(session.warnings.count) warning\(session.warnings.count == 1 ? "" : "s"): \(session.warnings[0]) (stpdash validate lists all)",
          kind: .error)
      }
      Program(state: state, terminal: terminal, effects: EffectRunner()).run()
    }
  }
}
