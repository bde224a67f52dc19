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

  @Flag(name: .long, help: "Start afresh: ignore the screen, sorts, filters and delivery saved when last quitting.")
  var fresh = false

  func run() throws {
    try runBatch { () throws(BatchError) in
      let directory = try data.directory()
      // Where the user left off (read first: it remembers the journal).
      let settingsPath = SavedSettings.folder().map { SavedSettings.file(directory: directory, folder: $0) }
      let saved = fresh ? .none : settingsPath.map { SavedSettings.read(path: $0) } ?? .none
      var journalPath = data.flagsPath(directory: directory)
      var remembered = false
      if !data.flagsNamed, case .settings(let s) = saved, let f = s.flags, FlagStores.isDatabase(f) {
        journalPath = f
        remembered = true
      }
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
        session: session, size: terminal.size, caps: terminal.capabilities,
        // A database journal records the role that writes as the author.
        author: (FlagStores.open(journalPath) as? PostgresJournal).flatMap { try? $0.role() } ?? LoginName.current())
      if !session.warnings.isEmpty {
        state.notice = Notice(
          text:
            "\(session.warnings.count) warning\(session.warnings.count == 1 ? "" : "s"): \(session.warnings[0]) (stpdash validate lists all)",
          kind: .error)
      }
      switch saved {
      case .none: break
      case .settings(let s): s.apply(to: &state)
      case .unreadable(let why):
        state.notice = Notice(
          text: "saved settings ignored (\(settingsPath ?? ""): \(why)); starting afresh", kind: .error)
      }
      if remembered {
        state.notice = Notice(
          text:
            "flags: \(PostgresJournal.withoutPassword(journalPath)), as last time (--flags names another, --fresh the default)",
          kind: .info)
      }
      // `--as-of`: the dashboard opens on that day (`=` returns to the latest).
      if let day = data.asOfDay {
        state.asOf = day
        state.session.setAsOf(day)
        state.derive()
        let meaning =
          AsOfWords.range(day, session.loaded.datedRange, today: AsOfWords.today()) ?? "as of \(day.iso): as known then"
        state.notice = Notice(text: meaning + "; < > step a month, = the latest", kind: .info)
      }
      let program = Program(state: state, terminal: terminal, effects: EffectRunner())
      program.run()
      let problem = settingsPath.flatMap { SavedSettings(program.state).write(path: $0) }
      terminal.shutdown()
      if let problem { Console.error("stpdash: settings not saved: \(problem)") }
      // Quit with changes still unsaved: printed once the terminal is back, and kept.
      let pending = program.state.session.pending
      if !pending.isEmpty {
        UnsavedFlags.prepare(pending, journal: journalPath)
        UnsavedFlags.emergencyWrite()
        throw BatchError(
          "exited with \(pending.count) flag change\(pending.count == 1 ? "" : "s") not saved: printed above")
      }
    }
  }
}
