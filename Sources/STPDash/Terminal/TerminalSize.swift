/// The size of the terminal behind a file descriptor.
enum TerminalSize {
  /// Columns of the terminal on `fd`, or `nil` when it is not a terminal.
  static func columns(fd: Int32) -> Int? {
    let n = NcursesTerminal.columns(fd: fd)
    return n > 0 ? n : nil
  }
}
