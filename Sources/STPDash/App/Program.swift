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
      let work = Reducer.reduce(&state, next)
      // Slow work (a reload, a save) shows what it is doing first.
      if state.busy != nil && !work.isEmpty { terminal.draw(AppView.render(state)) }
      for effect in work {
        if let result = effects.run(effect, terminal: terminal) { queue.append(result) }
      }
    }
  }

  static func action(for event: TerminalEvent) -> Action {
    switch event {
    case .key(let k): .keyPressed(k)
    case .mouse(let m): .mouse(m)
    case .resize(let s): .resized(s)
    }
  }
}
