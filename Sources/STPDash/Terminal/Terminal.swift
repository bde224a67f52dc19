/// The one seam between the app and a real terminal.
///
/// `NcursesTerminal` drives a terminal; `MemoryTerminal` plays scripted
/// input and keeps the frames, for tests and measurements.
protocol Terminal: AnyObject {
  /// The current size in cells.
  var size: Size { get }
  /// What the terminal can show.
  var capabilities: Capabilities { get }
  /// Shows a frame (only cells that changed are sent).
  func draw(_ buffer: Buffer)
  /// Waits for the next input, using no CPU while waiting. `nil` means the
  /// input has ended (stdin closed).
  func nextEvent() -> TerminalEvent?
  /// An input already waiting, without waiting for one (`nil`: none).
  func pendingEvent() -> TerminalEvent?
  /// Reports changes to these files as events, while waiting for input (no
  /// polling: the same blocking wait). Replaces any earlier watch. Returns
  /// why the files cannot be watched, when they cannot (live updates off).
  @discardableResult func watch(_ paths: Set<String>) -> String?
  /// Also waits on this socket (a database journal's notifications), and
  /// wakes after `seconds` when given (to try a lost connection again);
  /// `nil` for neither.
  func listen(socket: Int32?, wakeAfter seconds: Double?)
  /// Puts text on the clipboard of the terminal (and so of the user's
  /// machine, over SSH too) with OSC 52, where the terminal allows it.
  func copy(_ text: String)
  /// Forgets what is on screen so the next frame is drawn in full.
  func redraw()
  /// Hands the terminal back to the shell until the process is resumed.
  func suspend()
  /// Restores the terminal to how it was found.
  func shutdown()
}

/// Why the dashboard cannot open the terminal.
enum TerminalError: Error, CustomStringConvertible {
  case notATerminal
  case unknownTerminal(String)
  /// The terminal type cannot move the cursor (`dumb`, a printing terminal).
  case cannotAddress(String)

  var description: String {
    switch self {
    case .notATerminal:
      "no terminal: standard input and output must be a terminal for the dashboard; for scripts use a command such as `stpdash league` (see stpdash --help)"
    case .cannotAddress(let term):
      "TERM=\(term) cannot move the cursor, so the dashboard cannot be drawn here; batch commands work (stpdash league, stpdash footprint NAME, stpdash orgs, stpdash flags), or use a terminal such as TERM=xterm-256color"
    case .unknownTerminal(let term):
      term.isEmpty
        ? "no terminal type: TERM is not set; set it (for example TERM=xterm-256color) or use a batch command such as `stpdash league`"
        : "unknown terminal type \"\(term)\": this system has no terminfo entry for it; try TERM=xterm-256color, or use a batch command such as `stpdash league`"
    }
  }
}
