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
  /// For a mapped file, the open descriptor, so hot loops can read with
  /// `pread` into a small buffer instead of faulting in mapped pages.
  let fd: Int32

  /// Copies bytes already in memory.
  public init(bytes: [UInt8]) {
    count = bytes.count
    mapped = false
    fd = -1
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

  private init(base: UnsafeMutableRawPointer?, count: Int, mapped: Bool, fd: Int32 = -1) {
    self.base = base
    self.count = count
    self.mapped = mapped
    self.fd = fd
  }

  deinit {
    if fd >= 0 { close(fd) }
    guard let base else { return }
    if mapped {
      munmap(base, count)
    } else {
      base.deallocate()
    }
  }

  /// Copies up to `length` bytes from `offset` into `buffer`; returns how many.
  public func copy(into buffer: UnsafeMutablePointer<UInt8>, length: Int, at offset: Int) -> Int {
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
      if done == n { return n }
    }
    guard let base else { return 0 }
    buffer.update(from: base.assumingMemoryBound(to: UInt8.self) + offset, count: n)
    return n
  }

  /// Reads (or maps) a whole regular file.
  public static func load(path: String) throws(FileReadError) -> ByteStorage {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileReadError(path: path, code: errno) }
    var keepOpen = false
    defer { if !keepOpen { close(fd) } }
    var st = stat()
    if fstat(fd, &st) != 0 { throw FileReadError(path: path, code: errno) }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(path: path, code: EISDIR) }
    if (st.st_mode & S_IFMT) != S_IFREG { throw FileReadError(path: path, code: EINVAL) }
    let size = Int(st.st_size)
    if size == 0 { return ByteStorage(base: nil, count: 0, mapped: false) }
    if size >= mapThreshold {
      let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
      if let p, p != MAP_FAILED {
        keepOpen = true
        return ByteStorage(base: p, count: size, mapped: true, fd: fd)
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
    guard mapped, let base else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let s = (start + page - 1) / page * page
    let e = end / page * page
    guard e > s else { return }
    _ = madvise(base + s, e - s, MADV_DONTNEED)
  }
}
