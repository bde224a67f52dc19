#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses decimal numbers straight from bytes, exactly.
///
/// The fast path handles what data files hold (`-1234.56`): the digits form an
/// integer below 2^53 and the scale is at most 10^22, so one division by an
/// exactly representable power of ten gives the correctly rounded result.
/// Anything else (exponents, very long digit strings) goes to `strtod`.
package enum DecimalParser {
  /// 10^p for p in 0...22, every one exactly representable.
  @inline(__always)
  static func powerOfTen(_ p: Int) -> Double {
    switch p {
    case 0: 1
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
  }

  /// Parses `count` bytes at `p` (already trimmed) as a finite decimal number.
  ///
  /// Returns `nil` for anything that is not a plain number: empty input,
  /// thousands separators, units, `nan`, `inf`.
  package static func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
    guard count > 0 else { return nil }
    if let (value, end) = plain(p, from: 0, count: count), end == count { return value }
    return slowParse(p, count: count)
  }

  /// The plainest form of a number, read from `start` as far as it goes
  /// (never past `count`): a sign, digits, and a point and digits. Returns
  /// the value and where it stopped, or `nil` when there is no digit or more
  /// than 15 of them (then the value might not be exact: `slowParse`). The
  /// caller checks what follows.
  @inline(__always)
  static func plain(_ p: UnsafePointer<UInt8>, from start: Int, count: Int) -> (value: Double, end: Int)? {
    var i = start
    guard i < count else { return nil }
    let negative = p[i] == 0x2D
    if negative || p[i] == 0x2B { i += 1 }
    var mantissa: UInt64 = 0
    let digitsStart = i
    // Whole part, then an optional fraction: one compare per digit.
    while i < count {
      let d = p[i] &- 0x30
      if d > 9 { break }
      mantissa = mantissa &* 10 &+ UInt64(d)
      i += 1
    }
    var digits = i - digitsStart
    var fractionDigits = 0
    if i < count && p[i] == 0x2E {
      i += 1
      let fractionStart = i
      while i < count {
        let d = p[i] &- 0x30
        if d > 9 { break }
        mantissa = mantissa &* 10 &+ UInt64(d)
        i += 1
      }
      fractionDigits = i - fractionStart
      digits += fractionDigits
    }
    // Exact when the digits fit below 2^53 (and so the scale is at most 10^15).
    guard digits > 0 && digits <= 15 else { return nil }
    let value = Double(mantissa) / powerOfTen(fractionDigits)
    return (negative ? -value : value, i)
  }

  /// The plainest form of a number as exact thousandths: a sign, digits,
  /// and a point and at most three digits, within `Int32`'s range (less the
  /// two marker values). No division: the digits are the thousandths, once
  /// scaled. Returns `nil` (read it with ``plain(_:from:count:)``) otherwise.
  @inline(__always)
  static func milli(_ p: UnsafePointer<UInt8>, from start: Int, count: Int) -> (milli: Int32, end: Int)? {
    var i = start
    guard i < count else { return nil }
    let negative = p[i] == 0x2D
    if negative || p[i] == 0x2B { i += 1 }
    var m: Int64 = 0
    let digitsStart = i
    // At most 11 whole digits and 4 decimals are read (one more than is
    // taken), each loop bounded once: one compare per digit.
    let wholeEnd = min(count, digitsStart &+ 11)
    while i < wholeEnd {
      let d = p[i] &- 0x30
      if d > 9 { break }
      m = m &* 10 &+ Int64(d)
      i &+= 1
    }
    var digits = i &- digitsStart
    if digits > 10 { return nil }
    var fraction = 0
    if i < count && p[i] == 0x2E {
      i &+= 1
      let fractionStart = i
      let fractionEnd = min(count, fractionStart &+ 4)
      while i < fractionEnd {
        let d = p[i] &- 0x30
        if d > 9 { break }
        m = m &* 10 &+ Int64(d)
        i &+= 1
      }
      fraction = i &- fractionStart
      if fraction > 3 { return nil }
      digits &+= fraction
    }
    guard digits > 0 else { return nil }
    switch fraction {
    case 0: m &*= 1000
    case 1: m &*= 100
    case 2: m &*= 10
    default: break
    }
    guard m <= Milli.limit - 2 else { return nil }
    return (Int32(negative ? -m : m), i)
  }

  static func slowParse(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
    // Only digits, sign, point and one exponent are allowed through to strtod.
    var sawDigit = false
    var sawExponent = false
    for i in 0..<count {
      let b = p[i]
      switch b {
      case 0x30...0x39: sawDigit = true
      case 0x2E: break
      case 0x2B, 0x2D:
        if i != 0 && !(p[i - 1] == 0x65 || p[i - 1] == 0x45) { return nil }
      case 0x65, 0x45:
        if sawExponent || !sawDigit { return nil }
        sawExponent = true
      default: return nil
      }
    }
    guard sawDigit else { return nil }
    var buffer = [CChar](repeating: 0, count: count + 1)
    for i in 0..<count { buffer[i] = CChar(bitPattern: p[i]) }
    var endIndex = -1
    let value = buffer.withUnsafeMutableBufferPointer { buf -> Double in
      guard let start = buf.baseAddress else { return .nan }
      var end: UnsafeMutablePointer<CChar>? = nil
      let v = strtod(start, &end)
      if let end { endIndex = end - start }
      return v
    }
    guard endIndex == count, value.isFinite else { return nil }
    return value
  }

  /// Parses a `String` as a decimal number (same rules as the byte form).
  package static func parse(_ text: String) -> Double? {
    var s = text
    return s.withUTF8 { buf in
      guard let base = buf.baseAddress else { return nil }
      return parse(base, count: buf.count)
    }
  }
}
