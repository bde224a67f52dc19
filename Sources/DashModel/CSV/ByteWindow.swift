/// A window onto a file's bytes, refilled from any offset and grown when a
/// record does not fit: how streamed files are read without holding them.
///
/// A class, so the buffer is freed exactly once; hot loops copy ``buffer``
/// and ``length`` into locals after each ``fill(at:)``.
package final class ByteWindow {
  /// The largest a window grows to hold one record. A longer "record" is
  /// not a data row (an unclosed quote, or not a CSV file at all).
  package static let maxCapacity = 64 << 20

  let storage: ByteStorage
  private(set) var buffer: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  /// The file offset of `buffer[0]`.
  private(set) var start = 0
  /// How many bytes the buffer holds.
  private(set) var length = 0
  /// Set when a read came back short: the file shrank while being read.
  private(set) var truncated = false

  init(_ storage: ByteStorage, capacity: Int) {
    self.storage = storage
    self.capacity = max(16, capacity)
    buffer = Self.spare.take(capacity: self.capacity) ?? .allocate(capacity: self.capacity)
  }

  deinit {
    if !Self.spare.keep(buffer, capacity: capacity) { buffer.deallocate() }
  }

  /// Buffers of windows that are done, for the next windows of the same
  /// size: a file read in sixteen chunks takes its pages from the system
  /// once per thread, not once per chunk (each fresh buffer is a mapping
  /// made and unmade, and its pages faulted in again).
  static let spare = SpareBuffers()

  /// A few buffers of one size, kept between windows.
  final class SpareBuffers: Sendable {
    /// The size kept: the usual window's.
    static let size = 256 << 10
    /// How many are kept at most (as many windows as are read at once).
    static let limit = 4
    private let buffers = Locked<[UnsafeMutablePointerBox]>([])

    /// A buffer kept before, if one of `capacity` bytes is there.
    func take(capacity: Int) -> UnsafeMutablePointer<UInt8>? {
      guard capacity == Self.size else { return nil }
      return buffers.withLock { $0.popLast()?.pointer }
    }

    /// Keeps `buffer` of `capacity` bytes for a later window; `false` when it is not kept.
    func keep(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Bool {
      guard capacity == Self.size else { return false }
      return buffers.withLock { kept in
        guard kept.count < Self.limit else { return false }
        kept.append(UnsafeMutablePointerBox(pointer: buffer))
        return true
      }
    }
  }

  /// A buffer handed between threads through the lock (never used by two at once).
  struct UnsafeMutablePointerBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt8>
  }

  /// Whether the window reaches the end of the file.
  var atEnd: Bool { start + length >= storage.count }

  /// Fills the window with the bytes from `offset`.
  func fill(at offset: Int) {
    start = offset
    let wanted = max(0, min(capacity, storage.count - offset))
    length = storage.copy(into: buffer, length: wanted, at: offset)
    if length < wanted { truncated = true }
  }

  /// Doubles the window (its bytes are read again by the next fill);
  /// `false` when it is already as large as a record may need.
  func grow() -> Bool {
    guard capacity < Self.maxCapacity else { return false }
    capacity = min(Self.maxCapacity, capacity * 2)
    buffer.deallocate()
    buffer = .allocate(capacity: capacity)
    length = 0
    return true
  }
}
