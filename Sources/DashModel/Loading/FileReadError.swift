#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path that was being read.
  public var path: String
  /// The system error number (0 when the file changed while being read).
  public var code: Int32
  /// True when the file shrank while it was being read.
  public var changed: Bool
  /// True when a file given as the flag journal is not one (a data file, say).
  public var notJournal: Bool
  /// The whole reason, when what was read is not a file (a database says
  /// what went wrong in its own words, and what to do).
  public var detail: String? = nil

  /// Creates an error for a path and a system error number.
  public init(path: String, code: Int32, changed: Bool = false, notJournal: Bool = false) {
    self.path = path
    self.code = code
    self.changed = changed
    self.notJournal = notJournal
  }

  /// Creates an error a journal that is not a file reports in its own words.
  public init(location: String, detail: String) {
    self.init(path: location, code: 0)
    self.detail = detail
  }

  /// True when the file does not exist.
  public var isMissing: Bool { code == ENOENT && !changed }

  /// What went wrong, in words that say what to do.
  public var reason: String {
    if let detail { return detail }
    if notJournal {
      return
        "not a flag journal: its first line is neither the journal's header (\(FlagJournal.header)) nor a flag event; give the journal with --flags"
    }
    if changed {
      return "the file changed while it was being read (it is shorter than when it was opened); load it again"
    }
    switch code {
    case EINVAL: return "not a regular file (a FIFO, device or socket); STPDash reads only ordinary files"
    case EISDIR: return "a directory, not a file"
    case EFBIG:
      return "larger than \(ByteWindow.maxCapacity >> 20) MB, more than a list of flags can be; nothing was read"
    case ELOOP:
      return
        "a symbolic link, which is not followed for the flag journal (anyone could point it anywhere); give the real file with --flags"
    default: return String(cString: strerror(code))
    }
  }

  /// `path: reason`.
  public var description: String { "\(path): \(reason)" }
}
