import DashModel

/// Something that happened: input from the terminal, or the result of disk work.
enum Action {
  case keyPressed(Key)
  case mouse(MouseEvent)
  case resized(Size)
  /// Text the terminal delivered as a paste (bracketed paste).
  case pasted(String)
  /// Characters typed into the open prompt, taken together (typed ahead,
  /// or a paste the terminal did not bracket).
  case typed(String)
  /// The journal and data files cannot be watched, or a database
  /// journal's server cannot be reached (the reason).
  case liveUpdatesOff(String)
  /// A database journal's server can be reached again.
  case liveUpdatesBack
  /// Key bytes that are not text in the terminal's encoding (ignored).
  case undecodableKey
  case dataReloaded(Result<Session, ReloadFailure>)
  case flagSaved([FlagEvent], FlagSaveError?)
  case exported(Result<ExportDone, ExportFailure>)
  /// Watched files changed on disk.
  case filesChanged(Set<String>)
  /// The flag journal, read again after it changed.
  case flagsRead(Result<FlagHistory, FileReadError>)
}

/// Work the reducer asks for; its result comes back as an ``Action``.
enum Effect: Equatable {
  /// Read the data directory and the flag journal again.
  case reload(directory: String, journalPath: String)
  /// Append flag events (stamped with the time when run) to the journal.
  case saveFlags([FlagDraft], journalPath: String)
  /// Read the flag journal again (it changed on disk).
  case readFlags(journalPath: String)
  /// Write an export (its CSV or JSON, as the name chose) to the path the
  /// user gave; an existing file only when `overwrite`.
  case writeExport(path: String, text: String, rows: Int, overwrite: Bool)
  /// Put text on the clipboard of the terminal (OSC 52).
  case copy(String)
  /// Clear and redraw the terminal.
  case redraw
  /// Hand the terminal back to the shell until resumed.
  case suspend
}

/// A flag change before it gets its time.
struct FlagDraft: Equatable {
  var kind: FlagEvent.Kind
  var org: String
  var footprint: String
  var reason: String
  var author: String
  /// Set when the event already has a time (a retry of unsaved events).
  var time: String?
}

/// Why a reload failed (the old data stays on screen).
struct ReloadFailure: Error {
  var message: String
}

/// A finished export.
struct ExportDone: Equatable {
  var path: String
  var rows: Int
}

/// A failed export.
struct ExportFailure: Error, Equatable {
  var message: String
  /// Set when the file is there already (the user may choose to overwrite it).
  var existing: String? = nil
}
