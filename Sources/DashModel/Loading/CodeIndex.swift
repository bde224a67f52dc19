#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Looks codes up straight from bytes, so a million finance rows cost no
/// `String` allocations.
///
/// Open addressing with linear probing over a power-of-two table; the codes
/// themselves live in one byte arena. Built once by the loader, then only
/// read: ``lookup`` hands readers a plain struct of pointers, so threads
/// reading it at once share no reference counts.
public final class CodeIndex: @unchecked Sendable {
  private var arena: UnsafeMutablePointer<UInt8>
  private var arenaCapacity: Int
  private var arenaUsed = 0
  private var offsets: UnsafeMutablePointer<Int32>  // start of each code; one extra at the end
  private var offsetsCapacity: Int
  private var table: UnsafeMutablePointer<Int32>  // id + 1; 0 = empty
  private var hashes: UnsafeMutablePointer<UInt32>
  private var size: Int
  /// How many codes the index holds.
  public private(set) var count = 0

  /// Creates an index sized for about `capacity` codes (it grows as needed).
  public init(capacity: Int) {
    size = 16
    while size < capacity * 2 { size <<= 1 }
    table = .allocate(capacity: size)
    table.initialize(repeating: 0, count: size)
    hashes = .allocate(capacity: size)
    hashes.initialize(repeating: 0, count: size)
    arenaCapacity = max(64, capacity * 10)
    arena = .allocate(capacity: arenaCapacity)
    offsetsCapacity = max(16, capacity + 1)
    offsets = .allocate(capacity: offsetsCapacity)
    offsets[0] = 0
  }

  deinit {
    arena.deallocate()
    offsets.deallocate()
    table.deallocate()
    hashes.deallocate()
  }

  /// A read-only view for the hot path: pointers only, no reference counting.
  /// Valid while this index is alive and not being added to.
  public var lookup: CodeLookup {
    CodeLookup(arena: arena, offsets: offsets, table: table, hashes: hashes, mask: size - 1)
  }

  /// Adds a code and returns its id, or the id of the same code added before.
  public func insert(_ code: String) -> (id: Int, inserted: Bool) {
    var code = code
    return code.withUTF8 { insert(bytes: $0) }
  }

  /// Adds a code given as bytes and returns its id, or the id of the same code added before.
  public func insert(bytes b: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
    if let existing = lookup.find(b) { return (existing, false) }
    if (count + 1) * 2 > size { grow() }
    if arenaUsed + b.count > arenaCapacity {
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(arenaCapacity * 2, arenaUsed + b.count))
      bigger.update(from: arena, count: arenaUsed)
      arena.deallocate()
      arena = bigger
      arenaCapacity = max(arenaCapacity * 2, arenaUsed + b.count)
    }
    if count + 2 > offsetsCapacity {
      let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: offsetsCapacity * 2)
      bigger.update(from: offsets, count: count + 1)
      offsets.deallocate()
      offsets = bigger
      offsetsCapacity *= 2
    }
    let id = count
    if let src = b.baseAddress { (arena + arenaUsed).update(from: src, count: b.count) }
    arenaUsed += b.count
    offsets[id + 1] = Int32(arenaUsed)
    count += 1
    place(id: id, hash: CodeLookup.hash(b))
    return (id, true)
  }

  private func place(id: Int, hash h: UInt64) {
    let mask = size - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while table[slot] != 0 { slot = (slot + 1) & mask }
    table[slot] = Int32(id + 1)
    hashes[slot] = UInt32(truncatingIfNeeded: h >> 32)
  }

  private func grow() {
    table.deallocate()
    hashes.deallocate()
    size *= 2
    table = .allocate(capacity: size)
    table.initialize(repeating: 0, count: size)
    hashes = .allocate(capacity: size)
    hashes.initialize(repeating: 0, count: size)
    for id in 0..<count {
      let s = Int(offsets[id])
      let e = Int(offsets[id + 1])
      place(id: id, hash: CodeLookup.hash(UnsafeBufferPointer(start: arena + s, count: e - s)))
    }
  }

  /// The id of a code given as bytes, or `nil` when unknown.
  public func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? { lookup.find(b) }

  /// The id of a code given as text, or `nil` when unknown.
  public func find(_ code: String) -> Int? {
    var code = code
    return code.withUTF8 { lookup.find($0) }
  }
}

/// Pointers into a ``CodeIndex`` for looking codes up on the hot path.
public struct CodeLookup: @unchecked Sendable {
  let arena: UnsafePointer<UInt8>
  let offsets: UnsafePointer<Int32>
  let table: UnsafePointer<Int32>
  let hashes: UnsafePointer<UInt32>
  let mask: Int

  init(
    arena: UnsafeMutablePointer<UInt8>, offsets: UnsafeMutablePointer<Int32>, table: UnsafeMutablePointer<Int32>,
    hashes: UnsafeMutablePointer<UInt32>, mask: Int
  ) {
    self.arena = UnsafePointer(arena)
    self.offsets = UnsafePointer(offsets)
    self.table = UnsafePointer(table)
    self.hashes = UnsafePointer(hashes)
    self.mask = mask
  }

  /// A hash of the bytes, eight at a time (codes are short: one or two words).
  @inline(__always)
  static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = UInt64(b.count) &* 0x9E37_79B9_7F4A_7C15
    guard let base = b.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= b.count {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      i += 8
    }
    if i < b.count {
      var w: UInt64 = 0
      var shift: UInt64 = 0
      while i < b.count {
        w |= UInt64(base[i]) << shift
        shift += 8
        i += 1
      }
      h = (h ^ w) &* 0xC4CE_B9FE_1A85_EC53
    }
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 32
    return h
  }

  /// The id of a code given as bytes, or `nil` when unknown.
  @inline(__always)
  public func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    let h = Self.hash(b)
    let tag = UInt32(truncatingIfNeeded: h >> 32)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let entry = Int(table[slot])
      if entry == 0 { return nil }
      if hashes[slot] == tag {
        let id = entry - 1
        let s = Int(offsets[id])
        if Int(offsets[id + 1]) - s == b.count {
          guard let bb = b.baseAddress else { return id }
          if memcmp(arena + s, bb, b.count) == 0 { return id }
        }
      }
      slot = (slot + 1) & mask
    }
  }
}
