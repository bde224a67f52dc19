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
/// seen on. Most organisations belong to one or two footprints and rows come
/// in the organisations' order, so each organisation's first two keys sit in
/// plain arrays indexed by organisation (read in order, never a cache miss);
/// only further keys of the same organisation go to an ``IntSet``, whose
/// random probes each cost a cache and TLB miss (about 200 ns a key at
/// national scale, where one organisation in ten has a second key).
struct PairSet: ~Copyable {
  private struct Slot {
    var footprint: Int32
    /// The line plus one; 0 when the slot is empty.
    var lineAndOne: Int32
  }

  /// Each organisation's first key, then its second.
  private let first, second: ZeroedBuffer<Slot>
  /// Their extras, in arrays of their own, made only for keys that have
  /// one (stances' days; memberships' keys have none: 4 MB fewer at 10×).
  private let firstExtra, secondExtra: ZeroedBuffer<Int32>
  private let hasExtra: Bool
  private let organisations: Int
  private var more: IntSet

  /// `records`: how many keys are expected in all; the table starts with
  /// room for an eighth of those beyond one per organisation (most of them
  /// are second keys, kept in the arrays) and grows if more come.
  /// `extra`: whether keys carry an extra (else it is always 0).
  init(organisations: Int, records: Int = 0, extra: Bool) {
    self.organisations = max(organisations, 0)
    hasExtra = extra
    more = IntSet(capacity: min(max(256, (records - organisations) / 8), 1 << 22))
    first = ZeroedBuffer(count: self.organisations)
    second = ZeroedBuffer(count: self.organisations)
    firstExtra = ZeroedBuffer(count: extra ? self.organisations : 0)
    secondExtra = ZeroedBuffer(count: extra ? self.organisations : 0)
  }

  /// What an organisation's slot in one array says of a key.
  private enum Probe {
    /// The slot was empty: the key is kept there now.
    case stored
    /// The slot holds this key, first seen on this line.
    case seen(Int)
    /// The slot holds another key.
    case other
  }

  @inline(__always)
  private func probe(
    _ slots: borrowing ZeroedBuffer<Slot>, _ extras: borrowing ZeroedBuffer<Int32>, org: Int, key: Slot,
    footprint: Int, extra: Int32
  ) -> Probe {
    let held = slots.base[org]
    if held.lineAndOne == 0 {
      slots.base[org] = key
      if hasExtra { extras.base[org] = extra }
      return .stored
    }
    if Int(held.footprint) == footprint && (!hasExtra || extras.base[org] == extra) {
      return .seen(Int(held.lineAndOne) - 1)
    }
    return .other
  }

  /// Adds a key seen on `line`; returns the line it was first seen on when it
  /// was there already.
  mutating func insert(org: Int, footprint: Int, extra: Int32 = 0, line: Int) -> Int? {
    precondition(hasExtra || extra == 0, "PairSet: an extra for a set made without")
    guard org >= 0, org < organisations else {
      return more.insert(Dataset.key(org: org, footprint: footprint), extra, line: line)
    }
    let key = Slot(footprint: Int32(truncatingIfNeeded: footprint), lineAndOne: Int32(truncatingIfNeeded: line) &+ 1)
    switch probe(first, firstExtra, org: org, key: key, footprint: footprint, extra: extra) {
    case .stored: return nil
    case .seen(let line): return line
    case .other: break
    }
    switch probe(second, secondExtra, org: org, key: key, footprint: footprint, extra: extra) {
    case .stored: return nil
    case .seen(let line): return line
    case .other: break
    }
    return more.insert(Dataset.key(org: org, footprint: footprint), extra, line: line)
  }
}

/// `count` zeroed values, written once now: a page first read while the
/// system still maps it to its shared zero page must be copied on the first
/// write, and the other threads' address caches flushed (an interrupt to
/// every core running this process).
private struct ZeroedBuffer<Element>: ~Copyable {
  let base: UnsafeMutablePointer<Element>

  init(count: Int) {
    let n = max(count, 1)
    base = .allocate(capacity: n)
    UnsafeMutableRawPointer(base).initializeMemory(
      as: UInt8.self, repeating: 0, count: n * MemoryLayout<Element>.stride)
  }

  deinit { base.deallocate() }
}
