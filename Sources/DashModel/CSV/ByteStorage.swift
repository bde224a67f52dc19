#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of a file, read into memory or, for large files, mapped.
///
/// A mapped file costs no copy, and pages already parsed can be handed back
/// (``discard(from:to:)``), so reading a 60 MB file does not hold 60 MB.
public final class ByteStorage: @unchecked Sendable {
  /// Files at least this large are mapped rather than read.
  public static let mapThreshold = 4 << 20

  let base: UnsafeMutableRawPointer?
  /// The number of bytes.
  public let count: Int
  let mapped: Bool

  /// Copies bytes already in memory.
  public init(bytes: [UInt8]) {
    count = bytes.count
    mapped = false
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

  private init(base: UnsafeMutableRawPointer?, count: Int, mapped: Bool) {
    self.base = base
    self.count = count
    self.mapped = mapped
  }

  deinit {
    guard let base else { return }
    if mapped {
      munmap(base, count)
    } else {
      base.deallocate()
    }
  }

  /// Reads (or maps) a whole regular file.
  public static func load(path: String) throws(FileReadError) -> ByteStorage {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileReadError(path: path, code: errno) }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) != 0 { throw FileReadError(path: path, code: errno) }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(path: path, code: EISDIR) }
    if (st.st_mode & S_IFMT) != S_IFREG { throw FileReadError(path: path, code: EINVAL) }
    let size = Int(st.st_size)
    if size == 0 { return ByteStorage(base: nil, count: 0, mapped: false) }
    if size >= mapThreshold && getenv("XP_NOMAP") == nil {
      let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
      if let p, p != MAP_FAILED {
        _ = madvise(p, size, MADV_SEQUENTIAL)
        return ByteStorage(base: p, count: size, mapped: true)
      }
    }
    let p = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    var total = 0
    while total < size {
      let n = read(fd, p + total, size - total)
      if n < 0 {
        if errno == EINTR { continue }
        let code = errno
        p.deallocate()
        throw FileReadError(path: path, code: code)
      }
      if n == 0 { break }
      total += n
    }
    return ByteStorage(base: p, count: total, mapped: false)
  }

  /// Calls `body` with the bytes.
  public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
    return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
  }

  /// Hands back the whole pages between two offsets of a mapped file, once
  /// parsed. They are read again from the page cache if touched later, so
  /// this only ever saves memory.
  public func discard(from start: Int, to end: Int) {
    guard mapped, let base, getenv("XP_NODISCARD") == nil else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let s = (start + page - 1) / page * page
    let e = end / page * page
    guard e > s else { return }
    _ = madvise(base + s, e - s, MADV_DONTNEED)
  }
}
