/// Looks codes up straight from bytes, so a million finance rows cost no
/// `String` allocations.
///
/// Open addressing with linear probing over a power-of-two table; the codes
/// themselves live in one byte arena. Built once, then read-only (safe to
/// share between threads).
public struct CodeIndex: Sendable {
  private var arena: [UInt8] = []
  private var offsets: [Int32] = []  // start of each code in the arena; one extra at the end
  private var table: [Int32]  // entity id + 1; 0 = empty
  private var hashes: [UInt32]
  private var mask: Int

  /// How many codes the index holds.
  public var count: Int { offsets.count > 0 ? offsets.count - 1 : 0 }

  /// Creates an index sized for about `capacity` codes.
  public init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    table = [Int32](repeating: 0, count: size)
    hashes = [UInt32](repeating: 0, count: size)
    mask = size - 1
    offsets = [0]
  }

  @inline(__always)
  static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
    // FNV-1a, then a final mix so the low bits spread well.
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in b {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    h ^= h >> 29
    h = h &* 0xbf58_476d_1ce4_e5b9
    h ^= h >> 32
    return h
  }

  /// Adds a code and returns its id, or the id of the same code added before.
  public mutating func insert(_ code: String) -> (id: Int, inserted: Bool) {
    var code = code
    return code.withUTF8 { insert(bytes: $0) }
  }

  private mutating func insert(bytes b: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
    if let existing = find(b) { return (existing, false) }
    if (count + 1) * 2 > table.count { grow() }
    let id = count
    arena.append(contentsOf: b)
    offsets.append(Int32(arena.count))
    place(id: id, hash: Self.hash(b))
    return (id, true)
  }

  private mutating func place(id: Int, hash h: UInt64) {
    var slot = Int(truncatingIfNeeded: h) & mask
    while table[slot] != 0 { slot = (slot + 1) & mask }
    table[slot] = Int32(id + 1)
    hashes[slot] = UInt32(truncatingIfNeeded: h >> 32)
  }

  private mutating func grow() {
    let newSize = table.count * 2
    table = [Int32](repeating: 0, count: newSize)
    hashes = [UInt32](repeating: 0, count: newSize)
    mask = newSize - 1
    arena.withUnsafeBufferPointer { a in
      for id in 0..<count {
        let s = Int(offsets[id])
        let e = Int(offsets[id + 1])
        let slice = UnsafeBufferPointer(rebasing: a[s..<e])
        place(id: id, hash: Self.hash(slice))
      }
    }
  }

  /// The id of a code given as bytes, or `nil` when unknown.
  @inline(__always)
  public func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    let h = Self.hash(b)
    let tag = UInt32(truncatingIfNeeded: h >> 32)
    var slot = Int(truncatingIfNeeded: h) & mask
    return table.withUnsafeBufferPointer { t in
      hashes.withUnsafeBufferPointer { hs in
        arena.withUnsafeBufferPointer { a in
          offsets.withUnsafeBufferPointer { o in
            while true {
              let entry = Int(t[slot])
              if entry == 0 { return nil }
              if hs[slot] == tag {
                let id = entry - 1
                let s = Int(o[id])
                let e = Int(o[id + 1])
                if e - s == b.count {
                  var same = true
                  var i = 0
                  while i < b.count {
                    if a[s + i] != b[i] {
                      same = false
                      break
                    }
                    i += 1
                  }
                  if same { return id }
                }
              }
              slot = (slot + 1) & mask
            }
          }
        }
      }
    }
  }

  /// The id of a code given as text, or `nil` when unknown.
  public func find(_ code: String) -> Int? {
    var code = code
    return code.withUTF8 { find($0) }
  }
}
