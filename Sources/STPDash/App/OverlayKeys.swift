/// Keys while something is open over the screen: a prompt, the column
/// chooser, the quit question, the help, the messages or the sources.
enum OverlayKeys {
  static func key(_ state: inout AppState, _ overlay: Overlay, _ key: Key) -> [Effect] {
    switch overlay {
    case .prompt: return TextEntry.key(&state, key)
    case .columns:
      Columns.key(&state, key)
      return []
    case .confirmQuit: return confirmQuit(&state, key)
    case .help(let help): return helpKey(&state, help, key)
    case .messages(let scroll):
      let count = MessagesOverlay.lines(state, width: state.size.width).count
      scrolled(&state, scroll, key, limit: ScrollBox.maxScroll(count, height: state.size.height)) {
        .messages(scroll: $0)
      }
    case .provenance(let scroll):
      let count = ProvenanceOverlay.lines(state, width: state.size.width).count
      scrolled(&state, scroll, key, limit: ScrollBox.maxScroll(count, height: state.size.height)) {
        .provenance(scroll: $0)
      }
    }
    return []
  }

  static func confirmQuit(_ state: inout AppState, _ key: Key) -> [Effect] {
    switch key {
    case .char("q"), .ctrl("c"):
      state.quit = true
    case .char("w"):
      state.overlay = nil
      return Flagging.retry(&state)
    case .escape:
      state.overlay = nil
      state.notice = Notice(text: "still here; \(state.session.pending.count) unsaved (w retries)", kind: .error)
    default:
      break
    }
    return []
  }

  /// How far a scrolling key moves a box, if it is one.
  static func step(_ key: Key) -> Int? {
    switch key {
    case .down, .char("j"): 1
    case .up, .char("k"): -1
    case .pageDown, .char(" "), .ctrl("f"): 10
    case .pageUp, .ctrl("b"): -10
    case .end, .char("G"): 100_000
    case .home, .char("g"): -100_000
    default: nil
    }
  }

  /// A box that scrolls with the list keys; any other key closes it, and `q` quits too.
  static func scrolled(
    _ state: inout AppState, _ scroll: Int, _ key: Key, limit: Int, _ make: (Int) -> Overlay
  ) {
    if let step = step(key) {
      state.overlay = make(max(0, min(scroll + step, limit)))
      return
    }
    state.overlay = nil
    if key == .char("q") || key == .ctrl("c") { Navigation.open(&state, .quit) }
  }

  static func helpKey(_ state: inout AppState, _ help: HelpState, _ key: Key) -> [Effect] {
    var help = help
    if help.typing {
      // Typing a filter inside the help: Enter keeps it, Esc drops it.
      var filter = help.filter ?? ""
      switch key {
      case .char(let c): filter.append(c)
      case .backspace, .delete: if !filter.isEmpty { filter.removeLast() }
      case .escape:
        help.typing = false
        help.filter = nil
        state.overlay = .help(help)
        return []
      case .enter:
        help.typing = false
        state.overlay = .help(help)
        return []
      default: return []
      }
      help.filter = filter
      help.scroll = 0
      state.overlay = .help(help)
      return []
    }
    if key == .char("/") {
      help.filter = ""
      help.typing = true
      state.overlay = .help(help)
      return []
    }
    if let step = step(key) {
      let page = HelpOverlay.page(state, help, width: state.size.width, height: state.size.height)
      help.scroll = max(0, min(help.scroll + step, page.maxScroll))
      state.overlay = .help(help)
      return []
    }
    // Any other key closes help; q and Ctrl-C still quit (asking first if flags are unsaved).
    state.overlay = nil
    if key == .char("q") || key == .ctrl("c") { Navigation.open(&state, .quit) }
    return []
  }
}
