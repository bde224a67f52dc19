import DashModel

#if canImport(Glibc)
  import Glibc
#endif

/// Flag changes that could not be saved, kept ready to be written out when
/// the dashboard ends: on a normal exit, and from a signal handler (where
/// only `open`, `write` and `close` may be called, so the bytes are made
/// beforehand). They go to standard error, with how to import them, and to
/// a recovery file next to the journal when its folder is writable.
enum UnsavedFlags {
  /// The columns, as `stpdash flag --from` reads them.
  static let columns = ["event", "org", "footprint", "reason", "author", "time"]

  /// The events as CSV, header first.
  static func csv(_ events: [FlagEvent]) -> String {
    columns.joined(separator: ",") + "\n" + events.map { FlagJournal.line(for: $0, columns: columns) }.joined()
  }

  /// The recovery file for a journal: beside it; for a database journal,
  /// `stpdash-unsaved-flags.csv` in the current folder.
  static func recoveryPath(journal: String) -> String {
    FlagStores.isDatabase(journal) ? "stpdash-unsaved-flags.csv" : journal + ".unsaved.csv"
  }

  /// What is printed to standard error.
  static func message(_ events: [FlagEvent], journal given: String) -> String {
    let journal = PostgresJournal.withoutPassword(given)
    let n = events.count
    return
      "stpdash: \(n) flag change\(n == 1 ? " was" : "s were") not saved to \(journal). Here \(n == 1 ? "it is" : "they are"); "
      + "save the lines below to a file and run: stpdash flag --from FILE (a copy is in \(recoveryPath(journal: journal)) when its folder is writable)\n"
      + csv(events)
  }

  // The bytes a signal handler writes, made whenever the unsaved changes change.
  nonisolated(unsafe) private static var stderrBytes: UnsafeMutablePointer<UInt8>?
  nonisolated(unsafe) private static var stderrCount = 0
  nonisolated(unsafe) private static var fileBytes: UnsafeMutablePointer<UInt8>?
  nonisolated(unsafe) private static var fileCount = 0
  nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
  nonisolated(unsafe) private static var lastEvents: [FlagEvent] = []

  private static func copy(_ s: String) -> (UnsafeMutablePointer<UInt8>, Int) {
    let bytes = Array(s.utf8)
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
    p.initialize(from: bytes, count: bytes.count)
    return (p, bytes.count)
  }

  /// Keeps the bytes ready for these events (called by the loop after each action).
  static func prepare(_ events: [FlagEvent], journal: String) {
    guard events != lastEvents else { return }
    lastEvents = events
    // Swapped in before the old ones are freed: a handler sees one or the other.
    let oldStderr = stderrBytes
    let oldFile = fileBytes
    let oldPath = path
    if events.isEmpty {
      stderrCount = 0
      fileCount = 0
      stderrBytes = nil
      fileBytes = nil
      path = nil
    } else {
      let (s, sc) = copy(message(events, journal: journal))  // never with a password
      let (f, fc) = copy(events.map { FlagJournal.line(for: $0, columns: columns) }.joined())
      let pathBytes = Array(recoveryPath(journal: journal).utf8CString)
      let p = UnsafeMutablePointer<CChar>.allocate(capacity: pathBytes.count)
      p.initialize(from: pathBytes, count: pathBytes.count)
      stderrCount = 0
      fileCount = 0
      stderrBytes = s
      fileBytes = f
      path = p
      stderrCount = sc
      fileCount = fc
    }
    oldStderr?.deallocate()
    oldFile?.deallocate()
    oldPath?.deallocate()
  }

  /// Writes the prepared bytes: async-signal-safe.
  static func emergencyWrite() {
    if let b = stderrBytes, stderrCount > 0 { _ = write(STDERR_FILENO, b, stderrCount) }
    guard let p = path, let f = fileBytes, fileCount > 0 else { return }
    let fd = open(p, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    if lseek(fd, 0, SEEK_END) == 0 {
      let header: StaticString = "event,org,footprint,reason,author,time\n"
      _ = write(fd, header.utf8Start, header.utf8CodeUnitCount)
    }
    _ = write(fd, f, fileCount)
    _ = fsync(fd)
    _ = close(fd)
  }
}
