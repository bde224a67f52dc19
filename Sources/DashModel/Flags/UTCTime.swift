#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// UTC times written the ISO 8601 way, `2016-08-26T09:30:00Z`.
public enum UTCTime {
  /// The time now.
  public static func now() -> String {
    var t = time(nil)
    var parts = tm()
    gmtime_r(&t, &parts)
    return format(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
      hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
  }

  /// Formats the parts of a UTC time.
  public static func format(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
  }

  /// Whether the text is a UTC time in that form (fractions of a second allowed).
  public static func isValid(_ s: String) -> Bool {
    let b = Array(s.utf8)
    guard b.count >= 20, b.last == UInt8(ascii: "Z") else { return false }
    let digitsAt = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
    for i in digitsAt where !(b[i] >= 0x30 && b[i] <= 0x39) { return false }
    guard b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return false }
    if b.count > 20 {
      guard b[19] == 0x2E, b.count > 21 else { return false }
      for i in 20..<(b.count - 1) where !(b[i] >= 0x30 && b[i] <= 0x39) { return false }
    }
    return Day(iso: String(decoding: b[0..<10], as: UTF8.self)) != nil
  }

  /// `2016-08-26 09:30` for display.
  public static func short(_ s: String) -> String {
    guard s.count >= 16 else { return s }
    let date = s.prefix(10)
    let time = s.dropFirst(11).prefix(5)
    return "\(date) \(time)"
  }
}
