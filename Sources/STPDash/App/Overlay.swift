/// The one thing open over a screen, if any: it takes the keys until it closes.
enum Overlay: Equatable {
  /// `?`: the keys of the screen.
  case help(HelpState)
  /// `p`: where the figures in view come from; scrolled this far.
  case provenance(scroll: Int)
  /// `M`: the last messages; scrolled this far.
  case messages(scroll: Int)
  /// Quitting with unsaved flags: `w` retries, `q` quits, `Esc` stays.
  case confirmQuit
  /// `c`: which columns a table shows.
  case columns(ColumnChooser)
  /// A line being typed: a search, a filter, a go-to, a reason, a file name, a delivery.
  case prompt(TextInput)
}

/// The help overlay: how far it is scrolled, and the keys it is filtered by.
struct HelpState: Equatable {
  var scroll = 0
  /// Text typed after `/` in the help: only keys whose name or description
  /// contains it are listed (`nil`: not filtering).
  var filter: String? = nil
  /// The filter is being typed.
  var typing = false
}

extension AppState {
  /// The line being typed, if a prompt is open.
  var input: TextInput? {
    get {
      if case .prompt(let t) = overlay { return t }
      return nil
    }
    set {
      if let newValue {
        overlay = .prompt(newValue)
      } else if case .prompt = overlay {
        overlay = nil
      }
    }
  }

  /// The column chooser, if it is open.
  var chooser: ColumnChooser? {
    get {
      if case .columns(let c) = overlay { return c }
      return nil
    }
    set {
      if let newValue {
        overlay = .columns(newValue)
      } else if case .columns = overlay {
        overlay = nil
      }
    }
  }

  /// The help, if it is open.
  var help: HelpState? {
    if case .help(let h) = overlay { return h }
    return nil
  }
}
