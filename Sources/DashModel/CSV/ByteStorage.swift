#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of a data file: read into memory, or — for a large file that is
/// read in windows — left on disk and copied out with `pread`.
///
/// Nothing is memory-mapped: another program truncating a mapped file while
/// it is read would kill the process with SIGBUS. A streamed file costs a
/// few windows of memory however large it is; if it shrinks while being read
/// a window comes back short, and the reader reports the file as changed
/// (see ``copy(into:length:at:)``).
package final class ByteStorage: @unchecked Sendable {
  /// Files at least this large may be streamed rather than read whole.
  package static let streamThreshold = 4 << 20

  /// The bytes, for a file read into memory (`nil` when streamed or empty).
  let base: UnsafeMutableRawPointer?
  /// The number of bytes (for a streamed file, its size when opened).
  package let count: Int
  /// For a streamed file, the open descriptor; -1 otherwise.
  let fd: Int32
  /// The size of window to read a streamed file through (tests make it tiny
  /// to put records across window edges).
  package let window: Int

  /// Whether the bytes stay on disk and are read in windows.
  package var isStreamed: Bool { fd >= 0 }

  /// Copies bytes already in memory.
  package init(bytes: [UInt8]) {
    count = bytes.count
    fd = -1
    window = 256 << 10
    if bytes.isEmpty {
      base = nil
    } else {
      let p = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 16)
      bytes.withUnsafeBytes { src in
        if let s = src.baseAddress { p.copyMemory(from: s, byteCount: bytes.count) }
      }
      base = p
    }
  }

  /// Reads an open file in windows; the storage closes `fd` when released.
  package convenience init(streaming fd: Int32, count: Int) {
    self.init(base: nil, count: count, fd: fd)
  }

  private init(base: UnsafeMutableRawPointer?, count: Int, fd: Int32 = -1, window: Int = 256 << 10) {
    self.base = base
    self.count = count
    self.fd = fd
    self.window = window
  }

  deinit {
    if fd >= 0 { close(fd) }
    base?.deallocate()
  }

  /// Copies up to `length` bytes from `offset` into `buffer` and returns how
  /// many were copied: `min(length, count - offset)`, or fewer when a
  /// streamed file has shrunk since it was opened.
  package func copy(into buffer: UnsafeMutablePointer<UInt8>, length: Int, at offset: Int) -> Int {
    let n = max(0, min(length, count - offset))
    guard n > 0 else { return 0 }
    if fd >= 0 {
      var done = 0
      while done < n {
        let r = pread(fd, buffer + done, n - done, off_t(offset + done))
        if r < 0 && errno == EINTR { continue }
        if r <= 0 { break }
        done += r
      }
      return done
    }
    guard let base else { return 0 }
    buffer.update(from: base.assumingMemoryBound(to: UInt8.self) + offset, count: n)
    return n
  }

  /// Opens a regular file, reading it whole or, when it is at least
  /// `streamAbove` bytes, keeping it open to be read in windows of `window` bytes.
  ///
  /// The file is opened without blocking, so a FIFO in its place is refused
  /// at once instead of waiting forever for a writer.
  package static func load(
    path: String, streamAbove: Int = streamThreshold, window: Int = 256 << 10
  ) throws(FileReadError) -> ByteStorage {
    let fd = try FileBytes.openRegular(path)
    var keepOpen = false
    defer { if !keepOpen { close(fd) } }
    var st = stat()
    if fstat(fd, &st) != 0 { throw FileReadError(path: path, code: errno) }
    let size = Int(st.st_size)
    if size == 0 { return ByteStorage(base: nil, count: 0) }
    if size >= streamAbove {
      keepOpen = true
      return ByteStorage(base: nil, count: size, fd: fd, window: window)
    }
    let p = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    let total = FileBytes.readFully(fd, into: p.assumingMemoryBound(to: UInt8.self), count: size)
    if total < 0 {
      let code = errno
      p.deallocate()
      throw FileReadError(path: path, code: code)
    }
    if total < size {
      p.deallocate()
      throw FileReadError(path: path, code: 0, changed: true)
    }
    return ByteStorage(base: p, count: size)
  }

  /// Whether the bytes are in memory, so ``withBytes(_:)`` can see them all.
  package var isInMemory: Bool { fd < 0 }

  /// Calls `body` with the bytes of a file read into memory (an empty
  /// buffer for a streamed file: its readers use ``copy(into:length:at:)``).
  package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    guard let base, fd < 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
    return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
  }
}
