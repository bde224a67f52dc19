#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one CSV file, with the name used in messages.
package struct CSVDocument: Sendable {
  /// The file's name as messages show it (for example `finance.csv`).
  package let fileName: String
  /// The file's bytes, in memory or streamed.
  package let storage: ByteStorage

  /// Wraps bytes already in memory.
  package init(fileName: String, bytes: [UInt8]) {
    self.fileName = fileName
    self.storage = ByteStorage(bytes: bytes)
  }

  /// Reads a file: whole, or (when it is at least `streamAbove` bytes) in
  /// windows of `window` bytes later.
  package static func read(
    path: String, fileName: String, streamAbove: Int = .max, window: Int = 256 << 10
  ) throws(FileReadError) -> CSVDocument {
    CSVDocument(
      fileName: fileName, storage: try ByteStorage.load(path: path, streamAbove: streamAbove, window: window))
  }

  init(fileName: String, storage: ByteStorage) {
    self.fileName = fileName
    self.storage = storage
  }

  /// The number of bytes.
  package var count: Int { storage.count }

  /// Calls `body` with the bytes (only for a document in memory).
  package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try storage.withBytes(body)
  }
}

/// Whole-file reads with POSIX calls: no `Data` round trip, no extra copy.
package enum FileBytes {
  /// Writes every byte of `text` to `fd`, retrying short writes and
  /// interruptions; the error number when a write fails (`EIO` when one
  /// writes nothing), `nil` when all is written.
  package static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
    var text = text
    return text.withUTF8 { buf -> Int32? in
      guard let base = buf.baseAddress else { return nil }
      var done = 0
      while done < buf.count {
        #if canImport(Glibc)
          let n = Glibc.write(fd, base + done, buf.count - done)
        #else
          let n = Darwin.write(fd, base + done, buf.count - done)
        #endif
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if n == 0 { return EIO }
        done += n
      }
      return nil
    }
  }

  /// Opens a regular file for reading without ever blocking: a FIFO, device
  /// or socket in its place is refused (`EINVAL`), a directory too (`EISDIR`).
  package static func openRegular(_ path: String) throws(FileReadError) -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if fd < 0 { throw FileReadError(path: path, code: errno) }
    var st = stat()
    if fstat(fd, &st) != 0 {
      let code = errno
      close(fd)
      throw FileReadError(path: path, code: code)
    }
    let type = st.st_mode & S_IFMT
    guard type == S_IFREG else {
      close(fd)
      throw FileReadError(path: path, code: type == S_IFDIR ? EISDIR : EINVAL)
    }
    // Regular files never block; clear the flag so reads behave as usual.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
  }

  /// Reads up to `count` bytes from the start of `fd`; returns how many, or
  /// -1 with `errno` set.
  static func readFully(_ fd: Int32, into p: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
    var total = 0
    while total < count {
      let n = systemRead(fd, p + total, count - total)
      if n < 0 {
        if errno == EINTR { continue }
        return -1
      }
      if n == 0 { break }
      total += n
    }
    return total
  }

  /// Reads every byte of the regular file at `path`. A file that shrinks
  /// while it is read is reported as changed; one that grows is read to its
  /// new end.
  package static func read(path: String) throws(FileReadError) -> [UInt8] {
    let fd = try openRegular(path)
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) != 0 { throw FileReadError(path: path, code: errno) }
    let expected = Int(st.st_size)
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: max(expected, 1)) { buf, initialized in
      guard let base = buf.baseAddress else { return }
      let n = readFully(fd, into: base, count: expected)
      if n < 0 { failure = errno }
      initialized = max(0, n)
    }
    if failure != 0 { throw FileReadError(path: path, code: failure) }
    if bytes.count < expected { throw FileReadError(path: path, code: 0, changed: true) }
    try readRest(fd, path: path, into: &bytes)
    return bytes
  }

  /// Reads a file or a stream (a pipe, `/dev/stdin`) to its end: for input
  /// the user hands over on purpose, such as `flag --from <(…)`.
  /// At most `limit` bytes are read: a stream that goes on (`/dev/zero`) is
  /// an error, not a process that grows without end.
  package static func readStream(path: String, limit: Int = streamLimit) throws(FileReadError) -> [UInt8] {
    let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileReadError(path: path, code: errno) }
    defer { if fd != STDIN_FILENO { close(fd) } }
    var st = stat()
    if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(path: path, code: EISDIR) }
    var bytes: [UInt8] = []
    try readRest(fd, path: path, into: &bytes, limit: limit)
    return bytes
  }

  /// The most a stream read whole may hold (64 MB).
  package static let streamLimit = ByteWindow.maxCapacity

  /// Appends what is left to read on `fd` (more than `limit` bytes in all is an error).
  static func readRest(_ fd: Int32, path: String, into bytes: inout [UInt8], limit: Int = .max) throws(FileReadError) {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return systemRead(fd, base, raw.count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileReadError(path: path, code: errno)
      }
      if n == 0 { break }
      guard bytes.count + n <= limit else { throw FileReadError(path: path, code: EFBIG) }
      bytes.append(contentsOf: chunk[0..<n])
    }
  }
}

@inline(__always)
func systemRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer, _ n: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.read(fd, buf, n)
  #else
    return Darwin.read(fd, buf, n)
  #endif
}
