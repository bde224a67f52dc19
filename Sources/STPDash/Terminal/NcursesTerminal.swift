import CNcurses
import DashModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// The real terminal, through ncurses. The only file that imports CNcurses:
/// setup, teardown, signals, colour, input decoding and drawing live here.
final class NcursesTerminal: Terminal {
  private(set) var size: Size
  let capabilities: Capabilities
  private var screenHandle: OpaquePointer?
  private var previous: Buffer?
  private var pairs: [Int: Int16] = [:]
  /// Whether the terminal has an alternate screen to leave the shell's untouched.
  private var alternateScreen = true

  /// Columns of the terminal on `fd`, or 0 when it is not a terminal.
  static func columns(fd: Int32) -> Int { Int(stp_terminal_columns(fd)) }

  /// Starts curses on standard input and output.
  ///
  /// Uses `newterm`, not `initscr`, so an unknown `TERM` is an error the
  /// caller can report, not an exit inside the library.
  init(forceASCII: Bool) throws(TerminalError) {
    setlocale(LC_ALL, "")
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
    guard !term.isEmpty else { throw .unknownTerminal(term) }
    // The capability ladder, from terminfo (not the name) and before the
    // terminal is touched: no cursor addressing, a refusal; no alternate
    // screen, the screen is cleared on leaving; colours as many as it has.
    var colorCount: Int32 = 0
    let abilities = stp_terminal_abilities(term, STDOUT_FILENO, &colorCount)
    guard abilities >= 0 else { throw .unknownTerminal(term) }
    guard abilities & 1 != 0 else { throw .cannotAddress(term) }
    alternateScreen = abilities & 2 != 0
    guard let screen = newterm(nil, stp_stdout(), stp_stdin()) else {
      throw .unknownTerminal(term)
    }
    screenHandle = screen
    set_term(screen)
    NcursesTerminal.installSignalHandlers()
    raw()
    noecho()
    nonl()
    keypad(stp_stdscr(), true)
    stp_bracketed_paste_on()
    curs_set(0)
    set_escdelay(25)
    wtimeout(stp_stdscr(), -1)
    let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    var color = false
    if has_colors() && !noColor {
      start_color()
      use_default_colors()
      color = stp_colors() >= 8 && stp_color_pairs() >= 16
    }
    let env = ProcessInfo.processInfo.environment
    let direct = ["truecolor", "24bit"].contains(env["COLORTERM"]?.lowercased() ?? "")
    capabilities = Capabilities(
      color: color, unicode: !forceASCII && stp_locale_is_utf8() != 0,
      colors: !color ? 0 : (direct ? 1 << 24 : Int(colorCount)))
    mousemask(stp_button1_pressed() | stp_button4_pressed() | stp_button5_pressed(), nil)
    mouseinterval(0)
    size = Size(width: Int(stp_cols()), height: Int(stp_lines()))
  }

  // MARK: Drawing

  func draw(_ buffer: Buffer) {
    let full = previous == nil || previous?.width != buffer.width || previous?.height != buffer.height
    if full { werase(stp_stdscr()) }
    for y in 0..<buffer.height {
      var x = 0
      while x < buffer.width {
        let cell = buffer[x, y]
        defer { x += 1 }
        if !full, let p = previous, p[x, y] == cell { continue }
        if cell.symbol.isEmpty { continue }  // the right half of a wide character
        put(cell, x: x, y: y)
      }
    }
    previous = buffer
    wrefresh(stp_stdscr())
    writeGraphemes(buffer)
  }

  /// Whether curses can hold a grapheme in one cell: one code point that
  /// takes columns, then at most four that take none (accents, VS16).
  static func fitsOneCell(_ symbol: String) -> Bool {
    if symbol.utf8.count <= 1 { return true }
    let scalars = symbol.unicodeScalars
    guard scalars.count > 1 else { return true }
    return scalars.count <= 5 && scalars.dropFirst().allSatisfy { stp_wcwidth($0.value) == 0 }
  }

  /// Graphemes curses cannot hold (flags, ZWJ sequences, skin tones) are
  /// written whole past it, over the blanks it drew in their place, on every
  /// frame (curses may repaint those blanks), with the cell's style; then
  /// the cursor is put back where curses believes it is.
  private func writeGraphemes(_ buffer: Buffer) {
    var out = ""
    for y in 0..<buffer.height {
      for x in 0..<buffer.width {
        let cell = buffer[x, y]
        guard !Self.fitsOneCell(cell.symbol) else { continue }
        out += "\u{1B}[\(y + 1);\(x + 1)H" + sgr(cell.style) + cell.symbol + "\u{1B}[0m"
      }
    }
    guard !out.isEmpty else { return }
    var cy: Int32 = 0
    var cx: Int32 = 0
    stp_physical_cursor(&cy, &cx)
    out += "\u{1B}[\(cy + 1);\(cx + 1)H"
    fflush(stp_stdout())
    _ = SafeFile.writeAll(STDOUT_FILENO, out)
  }

  /// The ANSI attributes of a style (what curses would have set for the cell).
  private func sgr(_ style: Style) -> String {
    var codes = ["0"]
    if style.bold { codes.append("1") }
    if style.dim { codes.append("2") }
    if style.underline { codes.append("4") }
    if style.reverse { codes.append("7") }
    if capabilities.color {
      if let fg = style.fg { codes.append(String(30 + fg.rawValue)) }
      if let bg = style.bg { codes.append(String(40 + bg.rawValue)) }
    }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  private func put(_ cell: Cell, x: Int, y: Int) {
    guard Self.fitsOneCell(cell.symbol) else {
      // Blanks in the grapheme's columns; the grapheme itself follows the refresh.
      put(Cell(symbol: " ", style: cell.style), x: x, y: y)
      if x + 1 < size.width, cell.symbol.first.map(DisplayWidth.width(of:)) == 2 {
        put(Cell(symbol: " ", style: cell.style), x: x + 1, y: y)
      }
      return
    }
    var chars = cell.symbol.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    let st = cell.style
    var attrs = stp_a_normal()
    if st.bold { attrs |= stp_a_bold() }
    if st.dim { attrs |= stp_a_dim() }
    if st.reverse { attrs |= stp_a_reverse() }
    if st.underline { attrs |= stp_a_underline() }
    let pair = capabilities.color ? colorPair(fg: st.fg, bg: st.bg) : 0
    chars.withUnsafeMutableBufferPointer { buf in
      guard let base = buf.baseAddress else { return }
      _ = stp_put_cell(Int32(y), Int32(x), base, Int32(buf.count), attrs, pair)
    }
  }

  /// Colour pairs are made on first use; -1 is the terminal's default colour.
  private func colorPair(fg: Color?, bg: Color?) -> Int16 {
    if fg == nil && bg == nil { return 0 }
    let key = (fg.map { $0.rawValue + 1 } ?? 0) * 16 + (bg.map { $0.rawValue + 1 } ?? 0)
    if let p = pairs[key] { return p }
    let number = Int16(pairs.count + 1)
    guard Int32(number) < stp_color_pairs() else { return 0 }
    init_pair(number, Int16(fg?.rawValue ?? -1), Int16(bg?.rawValue ?? -1))
    pairs[key] = number
    return number
  }

  func copy(_ text: String) {
    // ESC ] 52 ; c ; base64 BEL, written past curses (it has no cell to draw).
    let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    fflush(stp_stdout())
    let bytes = Array(sequence.utf8)
    bytes.withUnsafeBytes { raw in _ = Glibc.write(STDOUT_FILENO, raw.baseAddress, raw.count) }
  }

  func redraw() {
    previous = nil
    clearok(stp_curscr(), true)
  }

  // MARK: Input

  // MARK: Watching files

  private var inotifyFD: Int32 = -1
  /// Watch descriptor → the directory it watches.
  private var watchDirs: [Int32: String] = [:]
  private var watchedPaths: Set<String> = []
  private var listenSocket: Int32 = -1
  /// When to wake (monotonic seconds), if asked.
  private var wakeAt: Double? = nil

  func listen(socket: Int32?, wakeAfter seconds: Double?) {
    listenSocket = socket ?? -1
    wakeAt = seconds.map { Program.monotonic() + $0 }
  }

  func watch(_ paths: Set<String>) -> String? {
    if inotifyFD >= 0 {
      close(inotifyFD)
      inotifyFD = -1
    }
    watchDirs = [:]
    watchedPaths = paths
    guard !paths.isEmpty else { return nil }
    let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard fd >= 0 else { return Self.watchFailure(errno) }
    inotifyFD = fd
    // Directories, not files: a file replaced by a rename, or not there yet, is still seen.
    let dirs = Set(paths.map { p in p.contains("/") ? String(p[..<(p.lastIndex(of: "/") ?? p.endIndex)]) : "." })
    let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
    var failure: String? = nil
    for d in dirs {
      let wd = inotify_add_watch(fd, d.isEmpty ? "/" : d, mask)
      if wd >= 0 {
        watchDirs[wd] = d
      } else if errno != ENOENT {
        failure = failure ?? Self.watchFailure(errno)
      }
    }
    return failure
  }

  /// Why files cannot be watched, in words that say what to change.
  static func watchFailure(_ code: Int32) -> String {
    switch code {
    case EMFILE:
      "the system's limit of file watchers is reached (fs.inotify.max_user_instances)"
    case ENOSPC:
      "the system's limit of watched folders is reached (fs.inotify.max_user_watches)"
    default: String(cString: strerror(code))
    }
  }

  /// Reads every pending notification; the watched paths among them.
  private func drainNotifications() -> Set<String> {
    var changed = Set<String>()
    var buffer = [UInt8](repeating: 0, count: 16384)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(inotifyFD, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      var offset = 0
      while offset + MemoryLayout<inotify_event>.size <= n {
        let (wd, len) = buffer.withUnsafeBytes { raw -> (Int32, Int) in
          let e = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
          return (e.wd, Int(e.len))
        }
        let nameStart = offset + MemoryLayout<inotify_event>.size
        let nameBytes = buffer[nameStart..<min(n, nameStart + len)].prefix { $0 != 0 }
        if let dir = watchDirs[wd] {
          let path = dir + "/" + String(decoding: nameBytes, as: UTF8.self)
          if watchedPaths.contains(path) { changed.insert(path) }
        }
        offset = nameStart + len
      }
    }
    return changed
  }

  func nextEvent() -> TerminalEvent? { event(wait: true) }

  func pendingEvent() -> TerminalEvent? { event(wait: false) }

  /// The next event; when `wait` is false, only one already waiting.
  private func event(wait: Bool) -> TerminalEvent? {
    while true {
      // Whether the keyboard has bytes waiting, looked at before every
      // read: a read that then finds nothing means the bytes were not a
      // character (ignored, said so), or, when the terminal hung up, that
      // input has ended. Bytes that came while the last event was handled
      // are read without a wait on poll, so the look cannot be left to it.
      var now = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
      let inputReady = poll(&now, 1, 0) > 0
      let hungUp = inputReady && now[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
      var ch: wint_t = 0
      // Keys already waiting (and a resize ncurses queued) first, without
      // blocking; then one blocking wait on the keyboard and the watched
      // files together, so an idle dashboard uses no CPU.
      wtimeout(stp_stdscr(), 0)
      let r = wget_wch(stp_stdscr(), &ch)
      if r == stp_err() {
        if inputReady {
          if hungUp { return nil }
          return .undecodable
        }
        guard wait else { return nil }
        var fds = [
          pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
          pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0),
          pollfd(fd: listenSocket, events: Int16(POLLIN), revents: 0),
        ]
        // A negative descriptor is skipped by poll; no wake asked, no timeout.
        let timeout = wakeAt.map { Int32(max(0, min(60_000, ($0 - Program.monotonic()) * 1000))) } ?? -1
        let p = poll(&fds, 3, timeout)
        if p < 0 { continue }  // a signal (a resize): read what ncurses queued
        if p == 0, wakeAt != nil, let at = wakeAt, Program.monotonic() >= at {
          wakeAt = nil
          return .wake
        }
        if fds[2].revents != 0 { return .socketReadable }
        if inotifyFD >= 0, fds[1].revents & Int16(POLLIN) != 0 {
          let changed = drainNotifications()
          if !changed.isEmpty { return .filesChanged(changed) }
        }
        continue
      }
      if r == stp_key_code_yes() {
        if Int32(ch) == stp_paste_start_code() { return .paste(pasted()) }
        if let e = functionKey(Int32(ch)) { return e }
        continue
      }
      if let e = character(UInt32(ch)) { return e }
    }
  }

  /// The most of one paste kept: far more than any prompt holds.
  static let pasteLimit = 1 << 20

  /// The text of a bracketed paste, up to its end mark (or until the
  /// terminal sends nothing for two seconds): characters, line breaks as
  /// `\n`, nothing read as a key. Read straight from the terminal in
  /// blocks (curses reads a byte per call: 100 KB would cost 200,000
  /// system calls); curses has taken the start mark and nothing past it, and
  /// what follows the end mark in the last block is handed back to it.
  private func pasted() -> String {
    let mark: [UInt8] = Array("\u{1B}[201~".utf8)
    var kept: [UInt8] = []
    var tail: [UInt8] = []  // the last bytes seen, to find a mark split between blocks
    var block = [UInt8](repeating: 0, count: 1 << 16)
    var rest: ArraySlice<UInt8> = []
    reading: while true {
      var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
      let ready = poll(&fds, 1, 2000)
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { break }
      let n = block.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      let seen = tail + block[..<n]
      if let at = Self.find(mark, in: seen) {
        let ownStart = at - tail.count  // where the mark starts in this block (may be before it)
        if ownStart > 0 { Self.keep(block[..<ownStart], into: &kept) }
        if at < tail.count { kept.removeLast(min(kept.count, tail.count - at)) }
        rest = block[(ownStart + mark.count)..<n]
        break reading
      }
      Self.keep(block[..<n], into: &kept)
      tail = Array(seen.suffix(mark.count - 1))
    }
    // Keys typed after the paste go back to curses, last first.
    for scalar in String(decoding: rest, as: UTF8.self).unicodeScalars.reversed() {
      _ = unget_wch(wchar_t(bitPattern: scalar.value))
    }
    var text = String(decoding: kept, as: UTF8.self)
    if text.utf8.contains(0x0D) {
      text = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }
    return text
  }

  /// Keeps bytes of a paste up to ``pasteLimit``.
  private static func keep(_ bytes: ArraySlice<UInt8>, into kept: inout [UInt8]) {
    let room = pasteLimit - kept.count
    if room > 0 { kept.append(contentsOf: bytes.prefix(room)) }
  }

  /// Where `needle` first starts in `hay`.
  static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
    guard hay.count >= needle.count, let first = needle.first else { return nil }
    var i = 0
    while i + needle.count <= hay.count {
      if hay[i] == first && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }

  private func functionKey(_ code: Int32) -> TerminalEvent? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_BTAB: return .key(.backTab)
    case KEY_RESIZE:
      size = Size(width: Int(stp_cols()), height: Int(stp_lines()))
      previous = nil
      return .resize(size)
    case KEY_MOUSE:
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      let b = event.bstate
      let now = ProcessInfo.processInfo.systemUptime
      if b & stp_button4_pressed() != 0 {
        return .mouse(MouseEvent(kind: .wheelUp, x: Int(event.x), y: Int(event.y), time: now))
      }
      if stp_button5_pressed() != 0, b & stp_button5_pressed() != 0 {
        return .mouse(MouseEvent(kind: .wheelDown, x: Int(event.x), y: Int(event.y), time: now))
      }
      if b & stp_button1_pressed() != 0 {
        return .mouse(MouseEvent(kind: .press, x: Int(event.x), y: Int(event.y), time: now))
      }
      return nil
    default:
      if code > KEY_F0 && code <= KEY_F0 + 12 { return .key(.function(Int(code - KEY_F0))) }
      return nil
    }
  }

  private func character(_ c: UInt32) -> TerminalEvent? {
    switch c {
    case 0x0D, 0x0A: return .key(.enter)
    case 0x1B: return .key(.escape)
    case 0x7F, 0x08: return .key(.backspace)
    case 0x09: return .key(.tab)
    case 0x01...0x1A:
      return .key(.ctrl(Character(Unicode.Scalar(UInt8(c + 0x60)))))
    default:
      guard let scalar = Unicode.Scalar(c), c >= 0x20 else { return nil }
      return .key(.char(Character(scalar)))
    }
  }

  // MARK: Giving the terminal back

  func suspend() {
    stp_restore_terminal()
    raise(SIGSTOP)
    // Resumed by `fg`: back into curses mode, everything redrawn.
    previous = nil
    wrefresh(stp_stdscr())
    stp_bracketed_paste_on()
  }

  func shutdown() {
    // Without an alternate screen the dashboard would stay on the shell's
    // screen: clear it and leave the cursor at the start of the last line.
    if !alternateScreen, screenHandle != nil {
      werase(stp_stdscr())
      wmove(stp_stdscr(), stp_lines() - 1, 0)
      wrefresh(stp_stdscr())
    }
    stp_restore_terminal()
    if let screenHandle {
      delscreen(screenHandle)
      self.screenHandle = nil
    }
  }

  /// Restores the terminal on SIGTERM, SIGINT, SIGHUP and SIGQUIT (then
  /// exits) and on crashes (then lets the crash proceed), so a shell is never
  /// left in raw mode.
  static func installSignalHandlers() {
    for sig in [SIGTERM, SIGINT, SIGHUP, SIGQUIT] {
      signal(sig) { s in
        stp_restore_terminal()
        // Unsaved flag changes are not lost: printed and kept beside the journal.
        UnsavedFlags.emergencyWrite()
        _exit(128 + s)
      }
    }
    for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT] {
      signal(sig) { s in
        stp_restore_terminal()
        // Only async-signal-safe calls here: no allocation, no formatting.
        let message: StaticString = "stpdash: fatal error; the terminal has been restored\n"
        _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
        signal(s, SIG_DFL)
        raise(s)
      }
    }
  }
}
