import DashModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole files written so that a failure leaves nothing half-written: the
/// text goes to a temporary file beside the target, every write checked and
/// the file synced, then renamed into place. Exports and the saved settings
/// are written this way.
enum SafeFile {
  /// Why a file was not written, in words for a status line or standard error.
  struct Failure: Error, Equatable {
    /// The message: the name as the user gave it and the system's reason.
    var message: String
    /// Set when the file exists and overwriting was not asked for.
    var exists = false
  }

  /// Writes `text` to `path`. `name` is how messages call the file. An
  /// existing file is replaced only when `overwrite` is set, and never when it
  /// is not an ordinary file (a FIFO would block, a device would swallow the
  /// text, a link could point anywhere).
  static func write(_ text: String, to path: String, name: String, overwrite: Bool) -> Failure? {
    var st = stat()
    if lstat(path, &st) == 0 {
      guard (st.st_mode & S_IFMT) == S_IFREG else {
        return Failure(
          message:
            "\(name) is not an ordinary file (a FIFO, device, folder or link): nothing written; give another name")
      }
      guard overwrite else { return Failure(message: "\(name) exists", exists: true) }
    }
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[..<$0]) } ?? "."
    let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array(((dir.isEmpty ? "" : dir) + "/." + String(base.prefix(64)) + ".stpdash-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
    guard fd >= 0 else { return failure(name, errno) }
    let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if let code = writeAll(fd, text) {
      close(fd)
      unlink(temp)
      return failure(name, code)
    }
    let mask = umask(0)
    umask(mask)
    _ = fchmod(fd, 0o666 & ~mask)
    if fsync(fd) != 0 {
      let code = errno
      close(fd)
      unlink(temp)
      return failure(name, code)
    }
    if close(fd) != 0 {
      let code = errno
      unlink(temp)
      return failure(name, code)
    }
    return place(temp, at: path, name: name, overwrite: overwrite)
  }

  /// Moves the finished temporary file into place: a rename when replacing,
  /// else a link that fails if a file appeared meanwhile.
  private static func place(_ temp: String, at path: String, name: String, overwrite: Bool) -> Failure? {
    defer { unlink(temp) }
    if overwrite {
      return rename(temp, path) == 0 ? nil : failure(name, errno)
    }
    if link(temp, path) == 0 { return nil }
    let code = errno
    if code == EEXIST { return Failure(message: "\(name) exists", exists: true) }
    // A file system without hard links: check again, then rename.
    var st = stat()
    if lstat(path, &st) == 0 { return Failure(message: "\(name) exists", exists: true) }
    return rename(temp, path) == 0 ? nil : failure(name, errno)
  }

  /// Writes every byte, retrying short writes; the error number on failure.
  static func writeAll(_ fd: Int32, _ text: String) -> Int32? { FileBytes.writeAll(fd, text) }

  /// `cannot write NAME: the system's reason`, with what to do where there is something.
  static func failure(_ name: String, _ code: Int32) -> Failure {
    let reason = String(cString: strerror(code))
    let hint =
      switch code {
      case EACCES, EROFS, EPERM: " (the folder is read-only here: give a path you can write)"
      case ENOSPC, EDQUOT, EFBIG: " (nothing was written: free some space or choose another place)"
      case ENOENT: " (no such folder)"
      default: ""
      }
    return Failure(message: "cannot write \(name): \(reason)\(hint)")
  }

  /// Creates a folder and those above it, as `mkdir -p` does.
  static func makeDirectories(_ path: String) -> Failure? {
    var sofar = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      sofar += "/" + part
      if mkdir(sofar, 0o755) != 0 && errno != EEXIST { return failure(sofar, errno) }
    }
    return nil
  }
}
