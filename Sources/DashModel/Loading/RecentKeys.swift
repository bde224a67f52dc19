/// The last few keys a reader met — raw bytes in two parts and a few flag
/// bits — with the id each was given, so a key met again soon costs a
/// compare, not a hash or a `String`.
///
/// Eight entries, any key in any entry (the one last met is tried first,
/// the others compared by length before bytes; a new key takes the entries
/// in turn): rows that cycle through a handful of sources (a source per
/// organisation, five sources in all) hit as often as rows that repeat one.
struct RecentKeys: ~Copyable {
  private struct Entry {
    var bytes: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var first = -1
    var second = -1
    var flags = 0
    var id: UInt32 = 0
  }

  private static let count = 8
  private let entries: UnsafeMutablePointer<Entry>
  /// The entry last met, tried first.
  private var last = 0
  /// The entry a new key takes.
  private var next = 0

  init() {
    entries = .allocate(capacity: Self.count)
    for i in 0..<Self.count { (entries + i).initialize(to: Entry(bytes: .allocate(capacity: 64), capacity: 64)) }
  }

  deinit {
    for i in 0..<Self.count { entries[i].bytes.deallocate() }
    entries.deinitialize(count: Self.count)
    entries.deallocate()
  }

  /// The id remembered for the key `a` then `b` with `flags`, or `nil`.
  @inline(__always)
  mutating func find(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, flags: Int = 0) -> UInt32? {
    if matches(entries + last, a, b, flags) { return entries[last].id }
    return findElsewhere(a, b, flags)
  }

  /// The other entries, in order (kept out of line: the last entry usually answers).
  @inline(never)
  private mutating func findElsewhere(
    _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ flags: Int
  )
    -> UInt32?
  {
    for i in 0..<Self.count where i != last && matches(entries + i, a, b, flags) {
      last = i
      return entries[i].id
    }
    return nil
  }

  @inline(__always)
  private func matches(
    _ e: UnsafeMutablePointer<Entry>, _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ flags: Int
  ) -> Bool {
    guard e.pointee.first == a.count, e.pointee.second == b.count, e.pointee.flags == flags else { return false }
    if let p = a.baseAddress, !ByteScan.equal(e.pointee.bytes, p, a.count) { return false }
    if let p = b.baseAddress, !ByteScan.equal(e.pointee.bytes + a.count, p, b.count) { return false }
    return true
  }

  /// Remembers the key's id, in the next entry in turn.
  mutating func remember(
    _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, flags: Int = 0, id: UInt32
  ) {
    let e = entries + next
    last = next
    next = (next + 1) % Self.count
    let n = a.count + b.count
    if n > e.pointee.capacity {
      e.pointee.bytes.deallocate()
      e.pointee.capacity = n
      e.pointee.bytes = .allocate(capacity: n)
    }
    if let p = a.baseAddress { e.pointee.bytes.update(from: p, count: a.count) }
    if let p = b.baseAddress { (e.pointee.bytes + a.count).update(from: p, count: b.count) }
    e.pointee.first = a.count
    e.pointee.second = b.count
    e.pointee.flags = flags
    e.pointee.id = id
  }
}
