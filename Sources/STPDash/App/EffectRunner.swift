import DashModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// Does the disk work the reducer asks for and reports back as an action.
struct EffectRunner {
  /// Where exports are written.
  var exportDirectory: String = FileManager.default.currentDirectoryPath
  /// The time stamp of new flags (the clock, unless a test fixes it).
  var now: () -> String = UTCTime.now

  func run(_ effect: Effect, terminal: Terminal) -> Action? {
    switch effect {
    case .reload(let directory, let journalPath):
      return .dataReloaded(reload(directory: directory, journalPath: journalPath))
    case .saveFlags(let drafts, let journalPath):
      return save(drafts, journalPath: journalPath)
    case .writeExport(let path, let text, let rows, let overwrite):
      return .exported(writeExport(path: path, text: text, rows: rows, overwrite: overwrite))
    case .copy(let text):
      terminal.copy(text)
      return nil
    case .readFlags(let path):
      return .flagsRead(FlagJournal(path: path).read())
    case .redraw:
      terminal.redraw()
      return nil
    case .suspend:
      terminal.suspend()
      return .resized(terminal.size)
    }
  }

  func reload(directory: String, journalPath: String) -> Result<Session, ReloadFailure> {
    switch SessionLoader.load(directory: directory, journalPath: journalPath) {
    case .success(let s): return .success(s)
    case .failure(let f): return .failure(ReloadFailure(message: f.summary))
    }
  }

  func save(_ drafts: [FlagDraft], journalPath: String) -> Action {
    let time = now()
    let events = drafts.map {
      FlagEvent(
        kind: $0.kind, org: $0.org, footprint: $0.footprint, reason: $0.reason, author: $0.author, time: $0.time ?? time
      )
    }
    do throws(FlagSaveError) {
      try FlagJournal(path: journalPath).append(events)
      return .flagSaved(events, nil)
    } catch {
      return .flagSaved(events, error)
    }
  }

  /// Writes an export where the user asked; never over an existing file unless asked.
  func writeExport(path given: String, text: String, rows: Int, overwrite: Bool) -> Result<ExportDone, ExportFailure> {
    let path = given.hasPrefix("/") ? given : exportDirectory + "/" + given
    let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (overwrite ? O_TRUNC : O_EXCL)
    let fd = open(path, flags, 0o644)
    if fd < 0 {
      let code = errno
      if code == EEXIST { return .failure(ExportFailure(message: "\(given) exists", existing: given)) }
      let reason = String(cString: strerror(code))
      let hint = code == EACCES || code == EROFS ? " (the folder is read-only here: give a path you can write)" : ""
      return .failure(ExportFailure(message: "cannot write \(given): \(reason)\(hint)"))
    }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { raw -> Int in
      guard let base = raw.baseAddress else { return 0 }
      return Glibc.write(fd, base, raw.count)
    }
    guard written == bytes.count else {
      return .failure(ExportFailure(message: "cannot write \(given): \(String(cString: strerror(errno)))"))
    }
    return .success(ExportDone(path: given, rows: rows))
  }

}
