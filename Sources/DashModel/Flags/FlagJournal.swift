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
    /// Anything else the system reported.
    case other
  }

  /// The journal's path.
  public var path: String
  /// The system error number.
  public var code: Int32
  /// What the system call was doing.
  public var step: String

  /// Creates an error for a path, a system error number and the step that failed.
  public init(path: String, code: Int32, step: String) {
    self.path = path
    self.code = code
    self.step = step
  }

  /// The error sorted into the cases a user can act on.
  public var cause: Cause {
    switch code {
    case EACCES, EROFS, EPERM: .readOnly
    case ENOSPC, EDQUOT: .diskFull
    default: .other
    }
  }

  /// A sentence for the status line or standard error.
  public var description: String {
    switch cause {
    case .readOnly: "cannot write \(path): it is read-only here (\(reason))"
    case .diskFull: "cannot write \(path): the disk is full (\(reason))"
    case .other: "cannot write \(path) (\(step)): \(reason)"
    }
  }

  /// The system's words for the error.
  public var reason: String { String(cString: strerror(code)) }

  /// A short form for a status line: the cause first, the file by name.
  public var summary: String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    switch cause {
    case .readOnly: return "\(file) is read-only here (\(reason))"
    case .diskFull: return "the disk is full (\(reason))"
    case .other: return "\(step) \(file) failed: \(reason)"
    }
  }
}

/// The append-only flag journal, `flags.csv`.
///
/// Every change is one line appended under an exclusive `flock`, written
/// with a single `write` and `fsync`ed before ``append(_:)`` returns, so a
/// crash at any instant leaves every earlier event readable, and two
/// processes appending at once lose nothing. Readers take a shared lock, so
/// they never see half a line from a writer that is still writing.
public struct FlagJournal: Sendable {
  /// The header line of a new journal.
  public static let header = "event,org,footprint,reason,author,time"

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
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { throw FlagSaveError(path: path, code: errno, step: "open") }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR { throw FlagSaveError(path: path, code: errno, step: "lock") }
    }
    var st = stat()
    if fstat(fd, &st) != 0 { throw FlagSaveError(path: path, code: errno, step: "stat") }
    let size = Int(st.st_size)
    var text = ""
    if size == 0 {
      text = Self.header + "\n"
    } else {
      // A torn last line (a writer killed mid-write long ago) must not swallow
      // this record: end it first. The fragment stays and is reported on read.
      var last: UInt8 = 0
      let rfd = open(path, O_RDONLY | O_CLOEXEC)
      if rfd >= 0 {
        if pread(rfd, &last, 1, off_t(size - 1)) == 1, last != 0x0A { text = "\n" }
        close(rfd)
      }
    }
    for e in events { text += Self.line(for: e) }
    var bytes = Array(text.utf8)
    let written = bytes.withUnsafeMutableBytes { raw -> Int32 in
      guard let base = raw.baseAddress else { return 0 }
      var done = 0
      while done < raw.count {
        let n = write(fd, base + done, raw.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if n == 0 { return EIO }
        done += n
      }
      return 0
    }
    if written != 0 {
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
    bytes.removeAll()
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

  /// One event as a CSV line ending in LF.
  public static func line(for e: FlagEvent) -> String {
    [e.kind.rawValue, e.org, e.footprint, e.reason, e.author, e.time]
      .map { CSVWriter.quote($0) }.joined(separator: ",") + "\n"
  }

  // MARK: Reading

  /// Reads every event. A missing file is an empty history; unreadable
  /// lines are reported and skipped, and the lines around them still count.
  public func read() -> Result<FlagHistory, FileReadError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return .success(FlagHistory()) }
      return .failure(FileReadError(path: path, code: errno))
    }
    defer { close(fd) }
    while flock(fd, LOCK_SH) != 0 {
      if errno != EINTR { break }
    }
    let bytes: [UInt8]
    do throws(FileReadError) {
      bytes = try FileBytes.read(path: path)
    } catch {
      return .failure(error)
    }
    return .success(Self.parse(bytes, fileName: fileName))
  }

  /// Parses journal bytes line by line, so one bad line cannot spoil the rest.
  public static func parse(_ bytes: [UInt8], fileName: String) -> FlagHistory {
    var history = FlagHistory()
    var columns: [String: Int] = [:]
    var haveHeader = false
    bytes.withUnsafeBufferPointer { buf in
      guard let base = buf.baseAddress else { return }
      var start = buf.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
      var lineNo = 0
      while start < buf.count {
        lineNo += 1
        var end = start
        while end < buf.count, base[end] != 0x0A { end += 1 }
        let complete = end < buf.count
        var contentEnd = end
        if contentEnd > start, base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        defer { start = end + 1 }
        if contentEnd == start { continue }
        if !complete {
          history.problems.append(
            Problem(
              file: fileName, line: lineNo,
              message: "the last line is incomplete (a write was interrupted); it is skipped and left in the file",
              severity: .warning))
          continue
        }
        var scanner = CSVScanner(base: base + start, count: contentEnd - start, skipBOM: false)
        let fields = FieldBuffer()
        let record: Int?
        do throws(CSVSyntaxError) {
          record = try scanner.nextRecord(into: fields)
        } catch {
          history.problems.append(corrupt(fileName, lineNo, error.message))
          continue
        }
        guard record != nil, scanner.isAtEnd else {
          history.problems.append(corrupt(fileName, lineNo, "not one CSV record"))
          continue
        }
        let row = CSVRow(base: base + start, fields: fields, line: lineNo)
        if !haveHeader {
          haveHeader = true
          var found: [String: Int] = [:]
          for i in 0..<fields.count { found[row.string(i).lowercased()] = i }
          let needed = ["event", "org", "footprint", "reason", "author", "time"]
          if needed.allSatisfy({ found[$0] != nil }) {
            columns = found
            continue
          }
          // No usable header (a torn first write, say): assume the standard
          // order so the events after it are not lost, and read this line as one.
          for (i, name) in needed.enumerated() { columns[name] = i }
          history.problems.append(
            Problem(
              file: fileName, line: lineNo,
              message: "no header line (expected \(header)); reading the file in that column order",
              severity: .warning))
        }
        guard fields.count == columns.count else {
          history.problems.append(
            corrupt(fileName, lineNo, "expected \(columns.count) fields, found \(fields.count)"))
          continue
        }
        func cell(_ name: String) -> String { row.string(columns[name] ?? -1) }
        guard let kind = FlagEvent.Kind(rawValue: cell("event").lowercased()) else {
          history.problems.append(
            corrupt(fileName, lineNo, "event \(quotedForMessage(cell("event"))) is not flag or unflag"))
          continue
        }
        let event = FlagEvent(
          kind: kind, org: cell("org"), footprint: cell("footprint"), reason: cell("reason"),
          author: cell("author"), time: cell("time"), line: lineNo)
        if event.org.isEmpty || event.footprint.isEmpty {
          history.problems.append(corrupt(fileName, lineNo, "org or footprint is empty"))
          continue
        }
        if kind == .flag && event.reason.isEmpty {
          history.problems.append(corrupt(fileName, lineNo, "a flag without a reason"))
          continue
        }
        if !UTCTime.isValid(event.time) {
          history.problems.append(
            corrupt(fileName, lineNo, "time \(quotedForMessage(event.time)) is not like 2016-08-26T09:30:00Z"))
          continue
        }
        history.events.append(event)
      }
    }
    return history
  }

  static func corrupt(_ file: String, _ line: Int, _ why: String) -> Problem {
    Problem(file: file, line: line, message: "corrupt line skipped: \(why)", severity: .warning)
  }
}
