/// A set of keys (a 64-bit number and a 32-bit one) with the line each was
/// first seen on: open addressing and a multiplicative mix, for finding
/// repeated rows among tens of thousands without hashing through `Hasher`.
///
/// Each slot holds key, extra and line together, so a probe touches one
/// cache line; the table is a plain buffer owned by the set (which cannot be
/// copied), so inserting pays no copy-on-write or exclusivity checks.
struct IntSet: ~Copyable {
  private struct Slot {
    var key: Int64
    var extra: Int32
    /// The line plus one; 0 marks an empty slot.
    var lineAndOne: Int32
  }

  private var slots: UnsafeMutablePointer<Slot>
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(key: 0, extra: 0, lineAndOne: 0), count: size)
    mask = size - 1
  }

  deinit { slots.deallocate() }

  @inline(__always)
  private func slot(_ key: Int64, _ extra: Int32) -> Int {
    var h =
      (UInt64(bitPattern: key) ^ (UInt64(UInt32(bitPattern: extra)) &* 0xC2B2_AE3D_27D4_EB4F))
      &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    return Int(truncatingIfNeeded: h) & mask
  }

  /// Adds a key seen on `line`; returns the line it was first seen on when it
  /// was there already.
  mutating func insert(_ key: Int64, _ extra: Int32 = 0, line: Int) -> Int? {
    if (count + 1) * 2 > mask + 1 { grow() }
    var s = slot(key, extra)
    while slots[s].lineAndOne != 0 {
      if slots[s].key == key && slots[s].extra == extra { return Int(slots[s].lineAndOne) - 1 }
      s = (s + 1) & mask
    }
    slots[s] = Slot(key: key, extra: extra, lineAndOne: Int32(truncatingIfNeeded: line) &+ 1)
    count += 1
    return nil
  }

  private mutating func grow() {
    let old = slots
    let oldSize = mask + 1
    let size = oldSize * 2
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(key: 0, extra: 0, lineAndOne: 0), count: size)
    mask = size - 1
    for i in 0..<oldSize where old[i].lineAndOne != 0 {
      var s = slot(old[i].key, old[i].extra)
      while slots[s].lineAndOne != 0 { s = (s + 1) & mask }
      slots[s] = old[i]
    }
    old.deallocate()
  }
}

/// A set of (organisation, footprint, extra) keys with the line each was first
/// seen on. Most organisations belong to one footprint and rows come in the
/// organisations' order, so each organisation's first key sits in a plain
/// array indexed by organisation (read in order, never a cache miss); only
/// further keys of the same organisation go to an ``IntSet``.
struct PairSet: ~Copyable {
  private struct First {
    var footprint: Int32
    var extra: Int32
    /// The line plus one; 0 when the organisation has no key yet.
    var lineAndOne: Int32
  }

  private let first: UnsafeMutablePointer<First>
  private let organisations: Int
  private var more: IntSet

  /// `records`: how many keys are expected in all (those beyond one per
  /// organisation size the table once, instead of growing it eight times).
  init(organisations: Int, records: Int = 0) {
    self.organisations = max(organisations, 0)
    more = IntSet(capacity: min(max(256, records - organisations), 1 << 22))
    first = .allocate(capacity: max(self.organisations, 1))
    first.initialize(repeating: First(footprint: 0, extra: 0, lineAndOne: 0), count: max(self.organisations, 1))
  }

  deinit { first.deallocate() }

  /// Adds a key seen on `line`; returns the line it was first seen on when it
  /// was there already.
  mutating func insert(org: Int, footprint: Int, extra: Int32 = 0, line: Int) -> Int? {
    guard org >= 0, org < organisations else {
      return more.insert(Dataset.key(org: org, footprint: footprint), extra, line: line)
    }
    let f = first[org]
    if f.lineAndOne == 0 {
      first[org] = First(
        footprint: Int32(truncatingIfNeeded: footprint), extra: extra, lineAndOne: Int32(truncatingIfNeeded: line) &+ 1)
      return nil
    }
    if Int(f.footprint) == footprint && f.extra == extra { return Int(f.lineAndOne) - 1 }
    return more.insert(Dataset.key(org: org, footprint: footprint), extra, line: line)
  }
}
