import DashModel

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
    terminal.watch(Self.watched(state))
    while !state.quit {
      terminal.draw(AppView.render(state))
      guard let event = terminal.nextEvent() else { break }
      dispatch(Program.action(for: event))
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
    }
  }
}
