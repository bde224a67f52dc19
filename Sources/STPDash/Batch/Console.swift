import DashModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error for batch commands.
///
/// Output is plain text: nothing here writes a terminal escape, and text
/// from data files is made visible before it is printed.
enum Console {
  /// Whether standard output is a terminal.
  static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// The width tables are laid out for: the terminal's, `$COLUMNS`, or 100.
  static var width: Int {
    if isTerminal, let cols = TerminalSize.columns(fd: STDOUT_FILENO), cols > 0 { return cols }
    if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n >= 20 { return n }
    return 100
  }

  /// Whether output may use UTF-8 (a UTF-8 locale, as batch commands assume by default).
  static var unicode: Bool {
    let env = ProcessInfo.processInfo.environment
    let value =
      env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
      ?? env["LANG"] ?? ""
    if value.isEmpty || value == "C" || value == "POSIX" { return false }
    return value.uppercased().contains("UTF-8") || value.uppercased().contains("UTF8")
  }

  /// Writes text to standard output (all of it, retrying short writes).
  /// Whatever the text holds, nothing in it can act on a terminal: line ends
  /// are kept and every other control character is made visible, here, on
  /// the one path every batch command prints through.
  static func out(_ text: String) { write(VisibleText.sanitizeLines(text), to: STDOUT_FILENO) }

  static func write(_ text: String, to fd: Int32) {
    guard fd != STDOUT_FILENO || outputError == 0 else { return }
    if let code = SafeFile.writeAll(fd, text), fd == STDOUT_FILENO { outputError = code }
  }

  /// The error number of the first write to standard output that failed (0:
  /// none). After one, nothing more is written there.
  nonisolated(unsafe) static var outputError: Int32 = 0

  /// A closed standard input, output or error is held open on `/dev/null`,
  /// so no file opened later (a data file, the journal) takes its number and
  /// receives the output; a closed standard output is reported at the end.
  static func reserveStandardDescriptors() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 {
      if fd == STDOUT_FILENO { outputError = EBADF }
      let opened = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
      if opened >= 0 && opened != fd {
        _ = dup2(opened, fd)
        close(opened)
      }
    }
  }

  /// Ends a batch command: when standard output could not take everything
  /// (a full disk, `/dev/full`, a closed descriptor), says so and exits 74,
  /// so a script never takes a cut table for a whole one.
  static func finish() {
    let code = outputError != 0 ? outputError : (fsync(STDOUT_FILENO) != 0 && errno == EIO ? EIO : 0)
    guard code != 0 else { return }
    let reason = code == EBADF ? "standard output is closed" : String(cString: strerror(code))
    error("stpdash: cannot write the output: \(reason); what was written is incomplete")
    exit(74)
  }

  /// Prints a view in a format: a table for this terminal's width (ASCII
  /// unless the locale is UTF-8), or CSV or JSON.
  static func print(_ report: Report, as format: OutputFormat) {
    // CSV goes out in pieces of whole records as they are made (each made
    // safe as every output is): a long league is never held whole.
    if format == .csv { return report.csv { out($0) } }
    out(report.rendered(format, width: width, glyphs: Glyphs(unicode: format == .table ? unicode : true)))
  }

  /// Writes lines to standard output.
  static func out(lines: [String]) {
    out(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))
  }

  /// Writes a message to standard error (made safe as ``out(_:)`` does).
  static func error(_ text: String) {
    let safe = VisibleText.sanitizeLines(text)
    write(safe.hasSuffix("\n") ? safe : safe + "\n", to: STDERR_FILENO)
  }
}
