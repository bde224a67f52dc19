#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Looks codes up straight from bytes, so a million finance rows cost no
/// `String` allocations.
///
/// Open addressing with linear probing over a power-of-two table; the codes
/// themselves live in one byte arena. Built by the loader, then only read:
/// ``lookup`` hands readers a plain struct of pointers, so threads reading it
/// at once share no reference counts. Handing one out freezes the index — an
/// insert after it is refused — because an insert may move the memory a
/// lookup points into: a lookup can never outlive an insert.
package final class CodeIndex: @unchecked Sendable {
  /// The mutable state, behind a pointer held in a `let`: the class's own
  /// `var` properties would pay a dynamic exclusivity check on every access,
  /// several per insert.
  private struct State {
    var arena: UnsafeMutablePointer<UInt8>
    var arenaCapacity: Int
    var arenaUsed = 0
    var offsets: UnsafeMutablePointer<Int32>  // start of each code; one extra at the end
    var offsetsCapacity: Int
    /// Per slot: id + 1 in the low bits (0 = empty) and, above it, as many
    /// bits of the hash as the table's size leaves (``CodeLookup/entry``):
    /// one memory access per probe, four bytes a slot.
    var table: UnsafeMutablePointer<UInt32>
    var size: Int
    var count = 0
    /// Set once a lookup has been handed out.
    var frozen = false
    /// Room ``insertAll(count:hashes:bytes:)`` reuses from call to call
    /// (a file's codes come in several batches): no fresh pages for each.
    var scratch = Scratch()
  }

  /// What one ``insertAll(count:hashes:bytes:)`` works in.
  private struct Scratch {
    var counts: [Int32] = []
    var order: [Int32] = []
    var repeatOf: [Int32] = []
    var dense: [Int32] = []

    /// `array` as `count` copies of `value`, in the room it already has.
    static func reset(_ array: inout [Int32], _ count: Int, to value: Int32) {
      array.removeAll(keepingCapacity: true)
      array.append(contentsOf: repeatElement(value, count: count))
    }
  }

  private let state: UnsafeMutablePointer<State>

  /// How many codes the index holds.
  package var count: Int { state.pointee.count }

  /// The smallest table for `capacity` codes: at most five eighths full
  /// (linear probing stays short, and the table stays in fewer cache lines).
  private static func tableSize(for capacity: Int) -> Int {
    var size = 16
    while size * 5 < capacity * 8 { size <<= 1 }
    return size
  }

  /// Creates an index sized for about `capacity` codes (it grows as needed).
  package init(capacity: Int) {
    let size = Self.tableSize(for: capacity)
    let table = UnsafeMutablePointer<UInt32>.allocate(capacity: size)
    table.initialize(repeating: 0, count: size)
    let arenaCapacity = max(64, capacity * 10)
    let offsetsCapacity = max(16, capacity + 1)
    let offsets = UnsafeMutablePointer<Int32>.allocate(capacity: offsetsCapacity)
    offsets[0] = 0
    state = .allocate(capacity: 1)
    state.initialize(
      to: State(
        arena: .allocate(capacity: arenaCapacity), arenaCapacity: arenaCapacity, offsets: offsets,
        offsetsCapacity: offsetsCapacity, table: table, size: size))
  }

  deinit {
    let s = state.pointee
    s.arena.deallocate()
    s.offsets.deallocate()
    s.table.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// A view for reading inside this class, which never freezes it.
  private var view: CodeLookup {
    let s = state.pointee
    return CodeLookup(arena: s.arena, offsets: s.offsets, table: s.table, mask: s.size - 1, count: s.count)
  }

  /// A read-only view for the hot path: pointers only, no reference counting.
  /// Valid while this index is alive; from now on the index takes no inserts.
  package var lookup: CodeLookup {
    state.pointee.frozen = true
    return view
  }

  /// Adds a code and returns its id, or the id of the same code added before.
  package func insert(_ code: String) -> (id: Int, inserted: Bool) {
    var code = code
    return code.withUTF8 { insert(bytes: $0) }
  }

  /// Adds a code given as bytes and returns its id, or the id of the same code added before.
  package func insert(bytes b: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
    precondition(!state.pointee.frozen, "CodeIndex: no inserts once a lookup has been handed out")
    let h = CodeLookup.hash(b)
    if let existing = view.find(b, hash: h) { return (existing, false) }
    var s = state.pointee
    if (s.count + 1) * 8 > s.size * 5 {
      Self.rehash(&s, size: s.size * 2)
    }
    let id = Self.append(b, to: &s)
    Self.place(id: id, hash: h, in: s)
    state.pointee = s
    return (id, true)
  }

  /// Puts a code's bytes in the arena as the next id; returns the id.
  private static func append(_ b: UnsafeBufferPointer<UInt8>, to s: inout State) -> Int {
    if s.arenaUsed + b.count > s.arenaCapacity || s.count + 2 > s.offsetsCapacity {
      grow(
        &s, arena: s.arenaUsed + b.count > s.arenaCapacity ? max(s.arenaCapacity * 2, s.arenaUsed + b.count) : 0,
        offsets: s.count + 2 > s.offsetsCapacity ? s.offsetsCapacity * 2 : 0)
    }
    let id = s.count
    if let src = b.baseAddress { (s.arena + s.arenaUsed).update(from: src, count: b.count) }
    s.arenaUsed += b.count
    s.offsets[id + 1] = Int32(s.arenaUsed)
    s.count += 1
    return id
  }

  private static func place(id: Int, hash h: UInt64, in s: State) {
    let mask = s.size - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while s.table[slot] != 0 { slot = (slot + 1) & mask }
    s.table[slot] = CodeLookup.entry(id: id, hash: h, mask: mask)
  }

  /// Adds `n` codes in order, as ``insert(bytes:)`` would one by one — the
  /// same ids, the same codes found to be repeats — but visiting the table
  /// in slot order instead of at random: at tens of thousands of codes the
  /// table is larger than the cache, and one-by-one inserts wait on memory
  /// for nearly every code. `hashes` may be given (computed on other
  /// threads). Returns each repeated code's position and the id it repeats.
  package func insertAll(
    count n: Int, hashes given: [UInt64]? = nil, bytes: (Int) -> UnsafeBufferPointer<UInt8>
  ) -> [(position: Int, id: Int)] {
    precondition(!state.pointee.frozen, "CodeIndex: no inserts once a lookup has been handed out")
    guard n > 0 else { return [] }
    var s = state.pointee
    let before = s.count
    if (before + n) * 8 > s.size * 5 { Self.rehash(&s, size: Self.tableSize(for: before + n)) }
    let hashes = given ?? (0..<n).map { CodeLookup.hash(bytes($0)) }
    let mask = s.size - 1
    // Positions sorted by home slot (a stable counting sort on its high bits,
    // so equal codes, which share a slot, stay in file order).
    let shift = max(0, (s.size - 1).bitWidth - (s.size - 1).leadingZeroBitCount - 16)
    // The room of earlier calls, held only here while in use (so never copied).
    var (counts, order, repeatOf, dense) = (s.scratch.counts, s.scratch.order, s.scratch.repeatOf, s.scratch.dense)
    s.scratch = Scratch()
    state.pointee.scratch = Scratch()
    Scratch.reset(&counts, (mask >> shift) + 2, to: 0)
    Scratch.reset(&order, n, to: 0)
    Scratch.reset(&repeatOf, n, to: -1)
    Scratch.reset(&dense, n, to: -1)
    for h in hashes { counts[(Int(truncatingIfNeeded: h) & mask) >> shift + 1] += 1 }
    for i in 1..<counts.count { counts[i] += counts[i - 1] }
    for (i, h) in hashes.enumerated() {
      let bucket = (Int(truncatingIfNeeded: h) & mask) >> shift
      order[Int(counts[bucket])] = Int32(i)
      counts[bucket] += 1
    }
    // Place each code under a provisional id (its position after the old
    // codes); a code equal to one already there is a repeat.
    func codeBytes(_ provisional: Int) -> UnsafeBufferPointer<UInt8> {
      if provisional < before {
        let start = Int(s.offsets[provisional])
        return UnsafeBufferPointer(start: s.arena + start, count: Int(s.offsets[provisional + 1]) - start)
      }
      return bytes(provisional - before)
    }
    for k in order {
      let i = Int(k)
      let h = hashes[i]
      let b = bytes(i)
      let tag = CodeLookup.tag(h, mask: mask)
      let idBits = UInt32(truncatingIfNeeded: mask)
      var slot = Int(truncatingIfNeeded: h) & mask
      var found = -1
      while s.table[slot] != 0 {
        let word = s.table[slot]
        if word & ~idBits == tag {
          let other = Int(word & idBits) - 1
          let ob = codeBytes(other)
          if ob.count == b.count {
            guard let x = ob.baseAddress, let y = b.baseAddress else {
              found = other
              break
            }
            if memcmp(x, y, b.count) == 0 {
              found = other
              break
            }
          }
        }
        slot = (slot + 1) & mask
      }
      if found >= 0 {
        repeatOf[i] = Int32(found)
        continue
      }
      s.table[slot] = tag | UInt32(before + i + 1)
    }
    // Dense ids in file order, skipping repeats; the arena in the same order.
    var repeats: [(position: Int, id: Int)] = []
    for i in 0..<n {
      if repeatOf[i] >= 0 { continue }
      dense[i] = Int32(Self.append(bytes(i), to: &s))
    }
    for i in 0..<n where repeatOf[i] >= 0 {
      let other = Int(repeatOf[i])
      repeats.append((i, other < before ? other : Int(dense[other - before])))
    }
    if !repeats.isEmpty {
      // Provisional ids become dense ones (they are the same when nothing repeats).
      let idBits = UInt32(truncatingIfNeeded: mask)
      for slot in 0..<s.size {
        let word = s.table[slot]
        let id = Int(word & idBits) - 1
        guard word != 0, id >= before else { continue }
        s.table[slot] = (word & ~idBits) | UInt32(Int(dense[id - before]) + 1)
      }
    }
    s.scratch = Scratch(counts: counts, order: order, repeatOf: repeatOf, dense: dense)
    state.pointee = s
    return repeats
  }

  /// Makes room for `capacity` codes in all, so inserting them never rehashes
  /// (and the table is no bigger than it needs to be: smaller tables miss
  /// the cache less). The table never shrinks below what it holds.
  package func reserve(_ capacity: Int) {
    precondition(!state.pointee.frozen, "CodeIndex: no inserts once a lookup has been handed out")
    var s = state.pointee
    let size = Self.tableSize(for: max(capacity, s.count))
    if size != s.size { Self.rehash(&s, size: size) }
    // Room for the codes' bytes too (a dozen a code; room not written is
    // never touched), so they are not copied as the arena doubles.
    Self.grow(&s, arena: capacity * 12, offsets: capacity + 1)
    state.pointee = s
  }

  /// Makes the arena and the offsets at least this large, keeping what they hold.
  private static func grow(_ s: inout State, arena: Int, offsets: Int) {
    if arena > s.arenaCapacity {
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: arena)
      bigger.update(from: s.arena, count: s.arenaUsed)
      s.arena.deallocate()
      s.arena = bigger
      s.arenaCapacity = arena
    }
    if offsets > s.offsetsCapacity {
      let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: offsets)
      bigger.update(from: s.offsets, count: s.count + 1)
      s.offsets.deallocate()
      s.offsets = bigger
      s.offsetsCapacity = offsets
    }
  }

  private static func rehash(_ s: inout State, size: Int) {
    s.table.deallocate()
    s.size = size
    s.table = .allocate(capacity: s.size)
    s.table.initialize(repeating: 0, count: s.size)
    for id in 0..<s.count {
      let start = Int(s.offsets[id])
      let end = Int(s.offsets[id + 1])
      Self.place(id: id, hash: CodeLookup.hash(UnsafeBufferPointer(start: s.arena + start, count: end - start)), in: s)
    }
  }

  /// The id of a code given as bytes, or `nil` when unknown.
  package func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? { view.find(b) }

  /// The code with id `id` (read once inserts are over: an insert may move
  /// the bytes).
  package func code(_ id: Int) -> String {
    let s = state.pointee
    precondition(id >= 0 && id < s.count, "CodeIndex: no code with id \(id)")
    let start = Int(s.offsets[id])
    return String(
      decoding: UnsafeBufferPointer(start: s.arena + start, count: Int(s.offsets[id + 1]) - start), as: UTF8.self)
  }

  /// The id of a code given as text, or `nil` when unknown.
  package func find(_ code: String) -> Int? {
    var code = code
    return code.withUTF8 { view.find($0) }
  }
}

/// Pointers into a ``CodeIndex`` for looking codes up on the hot path.
package struct CodeLookup: @unchecked Sendable {
  let arena: UnsafePointer<UInt8>
  let offsets: UnsafePointer<Int32>
  let table: UnsafePointer<UInt32>
  let mask: Int
  /// How many codes there are (ids run from 0 to `count - 1`).
  let count: Int

  init(
    arena: UnsafeMutablePointer<UInt8>, offsets: UnsafeMutablePointer<Int32>, table: UnsafeMutablePointer<UInt32>,
    mask: Int, count: Int
  ) {
    self.arena = UnsafePointer(arena)
    self.offsets = UnsafePointer(offsets)
    self.table = UnsafePointer(table)
    self.mask = mask
    self.count = count
  }

  /// The id of a code, trying `hint` and the id after it first: rows that
  /// refer to codes tend to follow the order the codes were defined in, and
  /// the codes' bytes lie in that order, so a good guess costs no hash and
  /// no cache miss. `hint` is moved to the id found.
  @inline(__always)
  func find(_ b: UnsafeBufferPointer<UInt8>, hint: inout Int) -> Int? {
    if code(hint, is: b) { return hint }
    if code(hint + 1, is: b) {
      hint += 1
      return hint
    }
    guard let id = find(b) else { return nil }
    hint = id
    return id
  }

  /// Whether the code with this id is `b`.
  @inline(__always)
  func code(_ id: Int, is b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard id >= 0, id < count else { return false }
    let s = Int(offsets[id])
    guard Int(offsets[id + 1]) - s == b.count else { return false }
    guard let bb = b.baseAddress else { return true }
    return ByteScan.equal(arena + s, bb, b.count)
  }

  /// A table entry's hash bits: the top of the hash's high half, in the
  /// bits above the largest id + 1 a table of `mask + 1` slots holds (it is
  /// at most five eighths full, so ids fit under the mask).
  @inline(__always)
  static func tag(_ h: UInt64, mask: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: h >> 32) & ~UInt32(truncatingIfNeeded: mask)
  }

  /// A table entry: a code's id and its hash's tag.
  @inline(__always)
  static func entry(id: Int, hash h: UInt64, mask: Int) -> UInt32 { tag(h, mask: mask) | UInt32(id + 1) }

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
  package func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? { find(b, hash: Self.hash(b)) }

  /// The same, with the hash already computed.
  @inline(__always)
  func find(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int? {
    let tag = Self.tag(h, mask: mask)
    let idBits = UInt32(truncatingIfNeeded: mask)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let word = table[slot]
      if word == 0 { return nil }
      if word & ~idBits == tag {
        let id = Int(word & idBits) - 1
        let s = Int(offsets[id])
        if Int(offsets[id + 1]) - s == b.count {
          guard let bb = b.baseAddress else { return id }
          if ByteScan.equal(arena + s, bb, b.count) { return id }
        }
      }
      slot = (slot + 1) & mask
    }
  }
}
