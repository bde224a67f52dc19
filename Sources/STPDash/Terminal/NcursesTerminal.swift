import CNcurses

/// The ncurses terminal. The only file that imports CNcurses.
struct NcursesTerminal {
  /// Columns of the terminal on `fd`, or 0 when it is not a terminal.
  static func columns(fd: Int32) -> Int { Int(stp_terminal_columns(fd)) }
}
