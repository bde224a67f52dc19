#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one CSV file, with the name used in messages.
public struct CSVDocument: Sendable {
  /// The file's name as messages show it (for example `finance.csv`).
  public let fileName: String
  /// The file's bytes, in memory or mapped.
  public let storage: ByteStorage

  /// Wraps bytes already in memory.
  public init(fileName: String, bytes: [UInt8]) {
    self.fileName = fileName
    self.storage = ByteStorage(bytes: bytes)
  }

  /// Reads a whole file (mapping it when large).
  public static func read(path: String, fileName: String) throws(FileReadError) -> CSVDocument {
    CSVDocument(fileName: fileName, storage: try ByteStorage.load(path: path))
  }

  init(fileName: String, storage: ByteStorage) {
    self.fileName = fileName
    self.storage = storage
  }

  /// The number of bytes.
  public var count: Int { storage.count }

  /// Calls `body` with the bytes.
  public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try storage.withBytes(body)
  }
}

/// Why a file could not be read.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path that was being read.
  public var path: String
  /// The system error number.
  public var code: Int32

  /// True when the file does not exist.
  public var isMissing: Bool { code == ENOENT }

  /// The system's words for the error.
  public var reason: String { code == EINVAL ? "not a regular file" : String(cString: strerror(code)) }

  /// `path: reason`.
  public var description: String { "\(path): \(reason)" }
}

/// Whole-file reads with POSIX calls: no `Data` round trip, no extra copy.
public enum FileBytes {
  /// Reads every byte of the file at `path`.
  public static func read(path: String) throws(FileReadError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileReadError(path: path, code: errno) }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) != 0 { throw FileReadError(path: path, code: errno) }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(path: path, code: EISDIR) }
    // Devices and pipes have no end to read to (/dev/zero never stops).
    if (st.st_mode & S_IFMT) != S_IFREG { throw FileReadError(path: path, code: EINVAL) }
    let expected = Int(st.st_size)
    var bytes = [UInt8](repeating: 0, count: 0)
    var failure: Int32 = 0
    bytes = [UInt8](unsafeUninitializedCapacity: max(expected, 1)) { buf, initialized in
      var total = 0
      while total < expected {
        guard let base = buf.baseAddress else { break }
        let n = systemRead(fd, base + total, expected - total)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if n == 0 { break }
        total += n
      }
      initialized = total
    }
    if failure != 0 { throw FileReadError(path: path, code: failure) }
    // A file that grew while being read: take the rest too.
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return systemRead(fd, base, raw.count)
      }
      if n <= 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
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
