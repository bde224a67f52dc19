import DashModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loop: draw, wait for input, reduce, run effects. Nothing else.
final class Program {
  private(set) var state: AppState
  let terminal: Terminal
  let effects: EffectRunner

  init(state: AppState, terminal: Terminal, effects: EffectRunner) {
    self.state = state
    self.terminal = terminal
    self.effects = effects
  }

  /// Listens for a database journal's new events (`nil`: a file journal,
  /// or the connection is lost and will be tried again).
  private var listener: JournalListener?
  /// Seconds between tries to reach a journal's server again.
  static let retrySeconds = 5.0

  /// Runs until the user quits or input ends.
  func run() {
    if let why = terminal.watch(Self.watched(state)) {
      dispatch(.liveUpdatesOff(why + "; colleagues' flags and data changes show when r reloads"))
    }
    if FlagStores.isDatabase(state.session.journalPath) { connectListener(first: true) }
    while !state.quit {
      terminal.draw(AppView.render(state))
      guard let event = terminal.nextEvent() else { break }
      switch event {
      case .socketReadable: journalAnnounced()
      case .wake: connectListener(first: false)
      default: dispatch(Program.action(for: event))
      }
      // Input already waiting (a paste the terminal did not bracket, keys
      // typed ahead) is taken before the next frame, so a long paste costs
      // one frame, not one per character; a frame still follows at least
      // every 50 ms.
      // Characters waiting while a prompt is open are typed as one run:
      // the prompt acts on them once, as if typed one by one.
      let started = Self.monotonic()
      var run = ""
      while !state.quit, Self.monotonic() - started < 0.05, let more = terminal.pendingEvent() {
        if state.input != nil, case .key(.char(let c)) = more {
          run.append(c)
          continue
        }
        if !run.isEmpty { dispatch(.typed(run)) }
        run = ""
        dispatch(Program.action(for: more))
      }
      if !run.isEmpty { dispatch(.typed(run)) }
    }
  }

  /// Reduces an action and everything its effects lead to.
  func dispatch(_ action: Action) {
    var queue = [action]
    while !queue.isEmpty {
      let next = queue.removeFirst()
      let work = Reducer.reduce(&state, next, at: WallTime.now())
      // Slow work (a reload, a save) shows what it is doing first.
      if state.busy != nil && !work.isEmpty { terminal.draw(AppView.render(state)) }
      for effect in work {
        if let result = effects.run(effect, terminal: terminal) { queue.append(result) }
      }
    }
    UnsavedFlags.prepare(state.session.pending, journal: state.session.journalPath)
  }

  /// Listens to the database journal; when the server cannot be reached,
  /// says so (once) and tries again every few seconds.
  private func connectListener(first: Bool) {
    do throws(PostgresFailure) {
      let l = try JournalListener(url: state.session.journalPath)
      listener = l
      terminal.listen(socket: l.socket, wakeAfter: nil)
      // Whatever was written while away is read now.
      if !first { dispatch(.liveUpdatesBack) }
    } catch {
      listener = nil
      terminal.listen(socket: nil, wakeAfter: Self.retrySeconds)
      if first || state.liveUpdates {
        let location = PostgresJournal.withoutPassword(state.session.journalPath)
        dispatch(.liveUpdatesOff("\(error.explained(for: location, writing: false)); retrying every 5 s"))
      }
    }
  }

  /// The journal's socket is readable: a colleague's event, or a lost server.
  private func journalAnnounced() {
    guard let l = listener else { return }
    switch l.announced() {
    case .some(true): dispatch(.filesChanged([state.session.journalPath]))
    case .some(false): break
    case nil:
      listener = nil
      terminal.listen(socket: nil, wakeAfter: Self.retrySeconds)
      dispatch(.liveUpdatesOff("lost the journal's server; retrying every 5 s"))
    }
  }

  /// Seconds on a clock that only moves forward.
  static func monotonic() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// The files a running dashboard watches: the flag journal and the data files.
  static func watched(_ state: AppState) -> Set<String> {
    let dir =
      state.session.directory.hasSuffix("/") ? String(state.session.directory.dropLast()) : state.session.directory
    let journal = FlagStores.isDatabase(state.session.journalPath) ? [] : [state.session.journalPath]
    return Set(
      journal + (DatasetLoader.fileNames + DatasetLoader.optionalFileNames).map { dir + "/" + $0 })
  }

  static func action(for event: TerminalEvent) -> Action {
    switch event {
    case .key(let k): .keyPressed(k)
    case .mouse(let m): .mouse(m)
    case .resize(let s): .resized(s)
    case .filesChanged(let paths): .filesChanged(paths)
    case .paste(let text): .pasted(text)
    case .socketReadable, .wake: .filesChanged([])
    case .undecodable: .undecodableKey
    }
  }
}
