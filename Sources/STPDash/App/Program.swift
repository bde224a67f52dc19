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

  /// Runs until the user quits or input ends.
  func run() {
    if let why = terminal.watch(Self.watched(state)) { dispatch(.liveUpdatesOff(why)) }
    while !state.quit {
      terminal.draw(AppView.render(state))
      guard let event = terminal.nextEvent() else { break }
      dispatch(Program.action(for: event))
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
    return Set(
      [state.session.journalPath] + (DatasetLoader.fileNames + DatasetLoader.optionalFileNames).map { dir + "/" + $0 })
  }

  static func action(for event: TerminalEvent) -> Action {
    switch event {
    case .key(let k): .keyPressed(k)
    case .mouse(let m): .mouse(m)
    case .resize(let s): .resized(s)
    case .filesChanged(let paths): .filesChanged(paths)
    case .paste(let text): .pasted(text)
    case .undecodable: .undecodableKey
    }
  }
}
