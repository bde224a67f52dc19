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
      return .flagsRead(FlagStores.open(path).read())
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
      // As kept: a database journal records its own author and time.
      return .flagSaved(try FlagStores.open(journalPath).record(events), nil)
    } catch {
      return .flagSaved(events, error)
    }
  }

  /// Writes an export where the user asked: whole or not at all, never over
  /// an existing file unless asked, never into a FIFO or device.
  func writeExport(path given: String, text: String, rows: Int, overwrite: Bool) -> Result<ExportDone, ExportFailure> {
    let path = given.hasPrefix("/") ? given : exportDirectory + "/" + given
    // Messages name the file, not its folders: the reason must fit the status line.
    let name = given.split(separator: "/").last.map(String.init) ?? given
    if let f = SafeFile.write(text, to: path, name: name, overwrite: overwrite) {
      return .failure(
        ExportFailure(message: f.exists ? "\(given) exists" : f.message, existing: f.exists ? given : nil))
    }
    return .success(ExportDone(path: given, rows: rows))
  }
}
