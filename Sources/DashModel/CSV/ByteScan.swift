/// Finding the bytes that matter in CSV text eight bytes at a time: the
/// scanner, and the fast finance readers, skip ordinary text with these.
enum ByteScan {
  /// `start..<end` without the spaces and tabs around it.
  @inline(__always)
  static func trimmed(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (Int, Int) {
    var s = start
    var e = end
    while s < e && (base[s] == 0x20 || base[s] == 0x09) { s += 1 }
    while e > s && (base[e - 1] == 0x20 || base[e - 1] == 0x09) { e -= 1 }
    return (s, e)
  }

  /// The length of a UTF-8 byte order mark at the start of `count` bytes: 3, or 0.
  @inline(__always)
  static func byteOrderMark(_ base: UnsafePointer<UInt8>, count: Int) -> Int {
    count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
  }

  /// The first byte at or after `p` whose value is below `limit` (at most
  /// 128), or `count`: eight bytes at a time. Subtracting `limit` from each
  /// byte sets the high bit of the first one below it; borrows only run
  /// towards later bytes, so the lowest flag is exact.
  @inline(__always)
  static func toByteBelow(_ limit: UInt8, _ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var p = start
    while p + 8 <= count {
      let w = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
      let flags = (w &- ones &* UInt64(limit)) & ~w & highs
      if flags != 0 { return p + flags.trailingZeroBitCount >> 3 }
      p += 8
    }
    while p < count && base[p] >= limit { p += 1 }
    return p
  }

  /// The first `"`, line feed or carriage return at or after `p`, or `count`.
  @inline(__always)
  static func toQuoteOrLineEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quotes: UInt64 = 0x2222_2222_2222_2222
    var p = start
    while p + 8 <= count {
      let w = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
      let q = w ^ quotes
      // A zero byte in `q` is a quote; a byte below 14 may be a line end.
      let flags = ((q &- ones) & ~q & highs) | ((w &- ones &* 14) & ~w & highs)
      if flags != 0 {
        p += flags.trailingZeroBitCount >> 3
        let b = base[p]
        if b == 0x22 || b == 0x0A || b == 0x0D { return p }
        p += 1
        continue
      }
      p += 8
    }
    while p < count && base[p] != 0x22 && base[p] != 0x0A && base[p] != 0x0D { p += 1 }
    return p
  }

  /// The first `,`, `"`, line feed or carriage return at or after `p`, or
  /// `count`: where an unquoted field ends, or where a plain reader stops.
  @inline(__always)
  static func toFieldEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
    let quotes: UInt64 = 0x2222_2222_2222_2222
    var p = start
    while p + 8 <= count {
      let w = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
      let c = w ^ commas
      let q = w ^ quotes
      // A zero byte in `c` or `q` is a comma or a quote; a byte below 14 may be a line end.
      let flags = ((c &- ones) & ~c & highs) | ((q &- ones) & ~q & highs) | ((w &- ones &* 14) & ~w & highs)
      if flags != 0 {
        p += flags.trailingZeroBitCount >> 3
        let b = base[p]
        if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { return p }
        p += 1
        continue
      }
      p += 8
    }
    while p < count {
      let b = base[p]
      if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { return p }
      p += 1
    }
    return p
  }

  /// Whether `n` bytes at `a` and `b` are equal: eight at a time, inline
  /// (short texts — codes, sources — compare faster than through `memcmp`).
  @inline(__always)
  static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    @inline(__always) func word(_ p: UnsafePointer<UInt8>, _ at: Int) -> UInt64 {
      UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self)
    }
    if n < 8 {
      var i = 0
      while i < n {
        if a[i] != b[i] { return false }
        i += 1
      }
      return true
    }
    var i = 0
    while i + 8 <= n {
      if word(a, i) != word(b, i) { return false }
      i += 8
    }
    // The last bytes as one word that overlaps the one before.
    return i == n || word(a, n - 8) == word(b, n - 8)
  }
}
