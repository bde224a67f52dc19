/// A set of keys (a 64-bit number and a 32-bit one) with the line each was
/// first seen on: open addressing and a multiplicative mix, for finding
/// repeated rows among tens of thousands without hashing through `Hasher`.
struct IntSet {
  private var keys: [Int64]
  private var extras: [Int32]
  private var lines: [Int32]
  private var used: [Bool]
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = [Int64](repeating: 0, count: size)
    extras = [Int32](repeating: 0, count: size)
    lines = [Int32](repeating: 0, count: size)
    used = [Bool](repeating: false, count: size)
    mask = size - 1
  }

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
    if (count + 1) * 2 > keys.count { grow() }
    var s = slot(key, extra)
    while used[s] {
      if keys[s] == key && extras[s] == extra { return Int(lines[s]) }
      s = (s + 1) & mask
    }
    used[s] = true
    keys[s] = key
    extras[s] = extra
    lines[s] = Int32(truncatingIfNeeded: line)
    count += 1
    return nil
  }

  /// Whether the key is in the set.
  func contains(_ key: Int64, _ extra: Int32 = 0) -> Bool {
    var s = slot(key, extra)
    while used[s] {
      if keys[s] == key && extras[s] == extra { return true }
      s = (s + 1) & mask
    }
    return false
  }

  private mutating func grow() {
    let old = (keys, extras, lines, used)
    self = IntSet(capacity: keys.count)
    for i in 0..<old.0.count where old.3[i] { _ = insert(old.0[i], old.1[i], line: Int(old.2[i])) }
  }
}
