#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a flag could not be saved. The flag itself is not lost: callers keep it
/// in memory, marked unsaved, and retry.
public struct FlagSaveError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, in the user's terms.
  public enum Cause: Sendable, Equatable {
    /// The directory or file may not be written (read-only, no permission).
    case readOnly
    /// The disk (or quota) is full.
    case diskFull
    /// The journal is a symbolic link, a FIFO or a device: not written.
    case notRegular
    /// The file is not a flag journal (a data file given by mistake): not written.
    case notJournal
    /// Anything else the system reported.
    case other
  }

  /// The journal's path.
  public var path: String
  /// The system error number.
  public var code: Int32
  /// What the system call was doing.
  public var step: String
  /// The whole message, when the journal is not a file (a database says
  /// what went wrong in its own words, and what to do).
  public var detail: String? = nil

  /// Creates an error for a path, a system error number and the step that failed.
  public init(path: String, code: Int32, step: String) {
    self.path = path
    self.code = code
    self.step = step
  }

  /// The error sorted into the cases a user can act on.
  public var cause: Cause {
    if step == Self.notJournalStep { return .notJournal }
    switch code {
    case EACCES, EROFS, EPERM: return .readOnly
    case ENOSPC, EDQUOT: return .diskFull
    case ELOOP, EINVAL, ENXIO: return .notRegular
    default: return .other
    }
  }

  /// Creates an error a journal that is not a file reports in its own words.
  public init(location: String, detail: String) {
    self.init(path: location, code: 0, step: "write")
    self.detail = detail
  }

  /// A sentence for the status line or standard error.
  public var description: String {
    detail ?? sentence
  }

  private var sentence: String {
    switch cause {
    case .readOnly: "cannot write \(path): it is read-only here (\(reason))"
    case .diskFull: "cannot write \(path): the disk is full (\(reason))"
    case .notRegular:
      "cannot write \(path): it is not an ordinary file (a symbolic link, FIFO or device); flags are written only to a real file, so no one can point a shared journal elsewhere; give the real file with --flags"
    case .notJournal:
      "cannot write \(path): it is not a flag journal (its first line is neither the journal's header, \(FlagJournal.header), nor a flag event); nothing was written; give the journal with --flags"
    case .other: "cannot write \(path) (\(step)): \(reason)"
    }
  }

  /// The step named when a file is refused because it is not a journal.
  public static let notJournalStep = "check the header of"

  /// The system's words for the error.
  public var reason: String { String(cString: strerror(code)) }

  /// A short form for a status line: the cause first, the file by name.
  public var summary: String {
    if let detail { return detail }
    let file = path.split(separator: "/").last.map(String.init) ?? path
    switch cause {
    case .readOnly: return "\(file) is read-only here (\(reason))"
    case .diskFull: return "the disk is full (\(reason))"
    case .notRegular: return "\(file) is not an ordinary file (a link, FIFO or device)"
    case .notJournal: return "\(file) is not a flag journal (nothing written)"
    case .other: return "\(step) \(file) failed: \(reason)"
    }
  }
}

/// The append-only flag journal, `flags.csv`.
///
/// Every change is one record appended under an exclusive `flock`, written
/// with a single `write` and `fsync`ed before ``append(_:)`` returns, so a
/// crash at any instant leaves every earlier event readable, and two
/// processes appending at once lose nothing. Readers take a shared lock, so
/// they never see half a record from a writer that is still writing.
///
/// The journal must be an ordinary file: it is opened without following a
/// symbolic link and without blocking, so a link in a shared data directory
/// cannot make someone's flags land in another file, and a FIFO cannot hang
/// a reader. Columns may come in any order, with others besides; appends
/// follow the file's own order.
public struct FlagJournal: Sendable {
  /// The journal's columns, in the order a new journal is written.
  public static let columns = ["event", "org", "footprint", "reason", "author", "time"]
  /// The header line of a new journal.
  public static let header = columns.joined(separator: ",")

  /// The file's path.
  public let path: String

  /// A journal at a path (the file need not exist yet).
  public init(path: String) { self.path = path }

  /// The name messages use for the file.
  public var fileName: String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  // MARK: Appending

  /// Appends an event and returns once it is on disk.
  public func append(_ event: FlagEvent) throws(FlagSaveError) {
    try append([event])
  }

  /// Appends events as one write (all or none) and returns once they are on disk.
  public func append(_ events: [FlagEvent]) throws(FlagSaveError) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
    if fd < 0 { throw FlagSaveError(path: path, code: errno, step: "open") }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) != 0 { throw FlagSaveError(path: path, code: errno, step: "stat") }
    guard (st.st_mode & S_IFMT) == S_IFREG else { throw FlagSaveError(path: path, code: EINVAL, step: "open") }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR { throw FlagSaveError(path: path, code: errno, step: "lock") }
    }
    if fstat(fd, &st) != 0 { throw FlagSaveError(path: path, code: errno, step: "stat") }
    let size = Int(st.st_size)
    var text = ""
    var order = Self.columns
    if size == 0 {
      text = Self.header + "\n"
    } else {
      let rfd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
      guard rfd >= 0 else { throw FlagSaveError(path: path, code: errno, step: "open") }
      defer { close(rfd) }
      // Write in the file's own column order; a file that is not a journal
      // (a data file named by mistake) is refused before a byte is written.
      switch Self.firstLine(fd: rfd) {
      case .header(let own): order = own
      case .standardOrder: break
      case .notJournal: throw FlagSaveError(path: path, code: EINVAL, step: FlagSaveError.notJournalStep)
      }
      // A torn last record (a writer killed mid-write long ago) must not
      // swallow this one: end it first. The fragment stays and is reported.
      var last: UInt8 = 0
      if pread(rfd, &last, 1, off_t(size - 1)) == 1, last != 0x0A { text = "\n" }
    }
    for e in events { text += Self.line(for: e, columns: order) }
    if let written = FileBytes.writeAll(fd, text) {
      // Take back a partial record so the file holds only whole events.
      _ = ftruncate(fd, off_t(size))
      throw FlagSaveError(path: path, code: written, step: "write")
    }
    if fsync(fd) != 0 {
      let code = errno
      _ = ftruncate(fd, off_t(size))
      throw FlagSaveError(path: path, code: code, step: "fsync")
    }
    if size == 0 { syncDirectory() }
  }

  /// What a journal's first line is: its header (the lower-cased column
  /// names, when it has every column a journal needs, in any order, with
  /// others besides), a journal's line without its header (an event, or a
  /// torn one: the standard order is assumed), or another file's line (a
  /// data file's header, say): not a journal.
  enum FirstLine: Equatable {
    case header([String])
    case standardOrder
    case notJournal
  }

  /// Reads the first line whole, however long (up to the longest record a
  /// reader accepts), and says what it is.
  static func firstLine(fd: Int32) -> FirstLine {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    var end: Int? = nil
    // Where the first line with something on it starts: after a byte-order
    // mark and any empty lines, which the reader skips too.
    var start = 0
    while end == nil && bytes.count < ByteWindow.maxCapacity {
      let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(bytes.count)) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      bytes.append(contentsOf: chunk[..<n])
      start = bytes.withUnsafeBufferPointer { b in b.baseAddress.map { ByteScan.byteOrderMark($0, count: b.count) } ?? 0
      }
      while start < bytes.count {
        if bytes[start] == 0x0A {
          start += 1
        } else if bytes[start] == 0x0D && start + 1 < bytes.count && bytes[start + 1] == 0x0A {
          start += 2
        } else {
          break
        }
      }
      end = bytes[start...].firstIndex(of: 0x0A)
    }
    guard let end else {
      // One unended line: a journal whose header's write was cut short is
      // still a journal; anything else is not.
      let text = String(decoding: bytes[start...].prefix { $0 != 0x0D }, as: UTF8.self)
      // Nothing but line ends reads as an empty journal.
      if bytes[start...].allSatisfy({ $0 == 0x0D || $0 == 0x0A }) { return .standardOrder }
      return !text.isEmpty && header.hasPrefix(text.lowercased()) ? .standardOrder : .notJournal
    }
    return bytes.withUnsafeBufferPointer { buf -> FirstLine in
      guard let base = buf.baseAddress, end > start else { return .notJournal }
      var content = end
      if base[content - 1] == 0x0D { content -= 1 }
      var scanner = CSVScanner(base: base + start, count: content - start, skipBOM: false)
      let fields = FieldBuffer()
      guard (try? scanner.nextRecord(into: fields)) != nil else { return .notJournal }
      let row = CSVRow(base: base + start, fields: fields, line: 1)
      let names = (0..<fields.stored).map { row.string($0).lowercased() }
      if columns.allSatisfy(names.contains) { return .header(names) }
      return ["event", "flag", "unflag"].contains(names.first ?? "") ? .standardOrder : .notJournal
    }
  }

  /// Makes a newly created file's directory entry durable too.
  private func syncDirectory() {
    let dir = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
    let dfd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_CLOEXEC)
    if dfd >= 0 {
      _ = fsync(dfd)
      close(dfd)
    }
  }

  /// One event as a CSV record ending in LF, in the standard column order.
  public static func line(for e: FlagEvent) -> String { line(for: e, columns: columns) }

  /// One event as a CSV record in the given column order (a column a
  /// journal does not know is left empty).
  public static func line(for e: FlagEvent, columns: [String]) -> String {
    columns.map { name -> String in
      switch name {
      case "event": CSVWriter.quote(e.kind.rawValue)
      case "org": CSVWriter.quote(e.org)
      case "footprint": CSVWriter.quote(e.footprint)
      case "reason": CSVWriter.quote(FormulaGuard.encode(e.reason))
      case "author": CSVWriter.quote(FormulaGuard.encode(e.author))
      case "time": CSVWriter.quote(e.time)
      default: ""
      }
    }.joined(separator: ",") + "\n"
  }

  // MARK: Reading

  /// Reads every event. A missing file is an empty history; unreadable
  /// records are reported and skipped, and those around them still count.
  /// The file is read through a window, so its size costs no memory beyond
  /// the events it holds.
  public func read() -> Result<FlagHistory, FileReadError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    if fd < 0 {
      if errno == ENOENT { return .success(FlagHistory()) }
      return .failure(FileReadError(path: path, code: errno))
    }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      return .failure(FileReadError(path: path, code: EINVAL))
    }
    while flock(fd, LOCK_SH) != 0 {
      if errno != EINTR { break }
    }
    // The storage closes the descriptor (and so drops the lock) when done.
    guard fstat(fd, &st) == 0 else {
      close(fd)
      return .failure(FileReadError(path: path, code: errno))
    }
    if st.st_size > 0, Self.firstLine(fd: fd) == .notJournal {
      close(fd)
      return .failure(FileReadError(path: path, code: EINVAL, notJournal: true))
    }
    let storage = ByteStorage(streaming: fd, count: Int(st.st_size))
    return .success(Self.parse(storage, fileName: fileName))
  }

  /// Parses journal bytes (for tests and imports of text in memory).
  public static func parse(_ bytes: [UInt8], fileName: String) -> FlagHistory {
    parse(ByteStorage(bytes: bytes), fileName: fileName)
  }

  /// Parses a journal record by record, so one bad line cannot spoil the
  /// rest: a record that is not a good event is reported at its first line
  /// and reading starts again at the next line.
  static func parse(_ storage: ByteStorage, fileName: String) -> FlagHistory {
    var history = FlagHistory()
    // A problem past the hundredth is only counted: its message is never made.
    func problem(_ p: @autoclosure () -> Problem) {
      if history.problems.count < FlagHistory.problemsKept {
        history.problems.append(p())
      } else {
        history.omittedProblems += 1
      }
    }
    let window = ByteWindow(storage, capacity: 256 << 10)
    window.fill(at: 0)
    var p = ByteScan.byteOrderMark(UnsafePointer(window.buffer), count: window.length)
    var line = 1
    var columns: [String: Int]? = nil
    let fields = FieldBuffer()
    while window.start + p < storage.count {
      if window.truncated {
        problem(Problem(file: fileName, message: "the file changed while it was being read", severity: .warning))
        break
      }
      let base = window.buffer
      let length = window.length
      // The end of this physical line, where reading resumes after a bad record.
      var lineEnd = p
      while lineEnd < length && base[lineEnd] != 0x0A { lineEnd += 1 }
      if lineEnd >= length && !window.atEnd {
        if p == 0 && !window.grow() {
          problem(corrupt(fileName, line, "a line longer than \(ByteWindow.maxCapacity >> 20) MB"))
          break
        }
        window.fill(at: window.start + p)
        p = 0
        continue
      }
      let nextLine = min(lineEnd + 1, length)
      var contentEnd = lineEnd
      if contentEnd > p && base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
      if contentEnd == p {
        p = nextLine
        line += 1
        continue
      }
      var scanner = CSVScanner(base: base, count: length, position: p, line: line)
      var syntax: String? = nil
      var found: Int? = nil
      do throws(CSVSyntaxError) {
        found = try scanner.nextRecord(into: fields)
      } catch {
        syntax = error.message
      }
      if !window.atEnd && scanner.position >= length {
        // The record may go on past the window (a quoted line break).
        if p == 0 && !window.grow() {
          problem(corrupt(fileName, line, "a record longer than \(ByteWindow.maxCapacity >> 20) MB"))
          p = nextLine
          line += 1
          continue
        }
        window.fill(at: window.start + p)
        p = 0
        continue
      }
      // A record must end with a line break: one that does not is the last,
      // torn by an interrupted write.
      let ended = scanner.position > p && base[scanner.position - 1] == 0x0A
      func skip(_ why: @autoclosure () -> String) {
        problem(corrupt(fileName, line, why()))
        p = nextLine
        line += 1
      }
      if syntax == nil && found != nil && !ended && window.atEnd && scanner.position >= length {
        problem(tornLastLine(fileName, line))
        break
      }
      if let syntax {
        skip(syntax)
        continue
      }
      guard found != nil else { break }
      let row = CSVRow(base: base, fields: fields, line: line)
      switch take(row, fields, columns: &columns, line: line, fileName: fileName, problem: { problem($0) }) {
      case .bad(let why):
        skip(why.message)
        continue
      case .header where scanner.line > line + 1:
        // One line, as a file read checks: its first line marks a journal.
        columns = nil
        skip("the header has a line break inside a quoted column name; a journal's header is one line")
      case .event(let e):
        history.events.append(e)
        fallthrough
      case .header:
        p = scanner.position
        line = scanner.line
      }
    }
    return history
  }

  /// The warning for a last line cut short.
  static func tornLastLine(_ fileName: String, _ line: Int) -> Problem {
    Problem(
      file: fileName, line: line,
      message: "the last line is incomplete (a write was interrupted); it is skipped and left in the file",
      severity: .warning)
  }

  /// What a record gave: the header, an event, or why it is neither.
  enum Taken {
    case header
    case event(FlagEvent)
    case bad(BadRecord)
  }

  /// The first record names the columns (or, without a header, the
  /// standard order is assumed and the record read as an event); every
  /// other record is an event.
  static func take(
    _ row: CSVRow, _ fields: FieldBuffer, columns: inout [String: Int]?, line: Int, fileName: String,
    problem: (Problem) -> Void
  ) -> Taken {
    if columns == nil {
      if let named = headerColumns(row, fields) {
        columns = named
        return .header
      }
      // No usable header (a torn first write, say): assume the standard
      // order so the events after it are not lost, and read this line as one.
      columns = standardColumns
      problem(
        Problem(
          file: fileName, line: line,
          message: "no header line (expected \(header)); reading the file in that column order", severity: .warning))
    }
    switch event(row, fields, columns ?? [:], line: line) {
    case .failure(let why): return .bad(why)
    case .success(let e): return .event(e)
    }
  }

  /// Why a record is not an event (its message made only when it is kept:
  /// a journal of garbage has millions).
  enum BadRecord: Error {
    case fieldCount(expected: Int, found: Int)
    case event(String)
    case emptyPair
    case noReason
    case time(String)

    var message: String {
      switch self {
      case .fieldCount(let expected, let found): "expected \(expected) fields, found \(NumberFormat.grouped(found))"
      case .event(let text): "event \(quotedForMessage(text)) is not flag or unflag"
      case .emptyPair: "org or footprint is empty"
      case .noReason: "a flag without a reason"
      case .time(let text): "time \(quotedForMessage(text)) is not like 2016-08-26T09:30:00Z"
      }
    }
  }

  /// The columns a header names (any order, any others besides), with the
  /// field count under `#count`; `nil` when it lacks one of the journal's.
  static func headerColumns(_ row: CSVRow, _ fields: FieldBuffer) -> [String: Int]? {
    var named: [String: Int] = [:]
    for i in 0..<fields.stored where named[row.string(i).lowercased()] == nil {
      named[row.string(i).lowercased()] = i
    }
    guard Self.columns.allSatisfy({ named[$0] != nil }) else { return nil }
    named["#count"] = fields.count
    return named
  }

  /// The journal's own columns in its own order.
  static var standardColumns: [String: Int] {
    var standard: [String: Int] = [:]
    for (i, name) in Self.columns.enumerated() { standard[name] = i }
    standard["#count"] = Self.columns.count
    return standard
  }

  /// A record as an event, or why it is not one.
  static func event(
    _ row: CSVRow, _ fields: FieldBuffer, _ map: [String: Int], line: Int
  ) -> Result<
    FlagEvent, BadRecord
  > {
    let expected = map["#count"] ?? Self.columns.count
    guard fields.count == expected else { return .failure(.fieldCount(expected: expected, found: fields.count)) }
    func cell(_ name: String) -> String { row.string(map[name] ?? -1) }
    guard let kind = FlagEvent.Kind(rawValue: cell("event").lowercased()) else {
      return .failure(.event(cell("event")))
    }
    let event = FlagEvent(
      kind: kind, org: cell("org"), footprint: cell("footprint"),
      reason: FormulaGuard.decode(row.exactString(map["reason"] ?? -1)),
      author: FormulaGuard.decode(row.exactString(map["author"] ?? -1)), time: cell("time"), line: line)
    if event.org.isEmpty || event.footprint.isEmpty { return .failure(.emptyPair) }
    if kind == .flag && event.reason.isEmpty { return .failure(.noReason) }
    if !UTCTime.isValid(event.time) { return .failure(.time(event.time)) }
    return .success(event)
  }

  static func corrupt(_ file: String, _ line: Int, _ why: String) -> Problem {
    Problem(file: file, line: line, message: "corrupt line skipped: \(why)", severity: .warning)
  }
}
