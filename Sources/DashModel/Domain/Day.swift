/// A calendar day, written `YYYY-MM-DD` (the data's dates, and `--as-of`).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, month and day as one number, `yyyymmdd`: days sort as numbers.
  package let number: Int32

  package init(number: Int32) { self.number = number }

  /// The day of a year, month (1–12) and day of the month, if it is a real one.
  public init?(year: Int, month: Int, day: Int) {
    guard (0...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= Self.daysIn(month: month, year: year)
    else { return nil }
    number = Int32(year * 10_000 + month * 100 + day)
  }

  /// A real calendar day written `YYYY-MM-DD`; `nil` for anything else.
  public init?(iso text: String) {
    var s = text
    guard let n = s.withUTF8({ Self.number(isoBytes: $0) }) else { return nil }
    number = n
  }

  /// The year.
  public var year: Int { Int(number) / 10_000 }
  /// The month, 1–12.
  public var month: Int { Int(number) / 100 % 100 }
  /// The day of the month.
  public var dayOfMonth: Int { Int(number) % 100 }

  /// `2016-08-26`.
  public var iso: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let t = String(n)
      return String(repeating: "0", count: Swift.max(0, width - t.count)) + t
    }
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(dayOfMonth, 2)
  }

  /// The same as ``iso``.
  public var description: String { iso }

  /// Whether `a` is the earlier day.
  public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

  /// The first day of the month after this day's.
  public var nextMonth: Day {
    month == 12
      ? Day(number: Int32((year + 1) * 10_000 + 101)) : Day(number: Int32(year * 10_000 + (month + 1) * 100 + 1))
  }

  /// The first day of this day's month, or of the month before when it is already the first.
  public var previousMonth: Day {
    if dayOfMonth > 1 { return Day(number: Int32(year * 10_000 + month * 100 + 1)) }
    return month == 1
      ? Day(number: Int32((year - 1) * 10_000 + 1201)) : Day(number: Int32(year * 10_000 + (month - 1) * 100 + 1))
  }

  static func daysIn(month m: Int, year y: Int) -> Int {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    // A switch, not an array literal: no allocation per row.
    switch m {
    case 2: return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// A real calendar day written `YYYY-MM-DD`, read from bytes, as `yyyymmdd`.
  package static func number(isoBytes b: UnsafeBufferPointer<UInt8>) -> Int32? {
    guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
    func digit(_ i: Int) -> Int? {
      let c = b[i]
      return c >= 0x30 && c <= 0x39 ? Int(c) - 0x30 : nil
    }
    guard let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3), let m1 = digit(5),
      let m2 = digit(6), let d1 = digit(8), let d2 = digit(9)
    else { return nil }
    let y = y1 * 1000 + y2 * 100 + y3 * 10 + y4
    let m = m1 * 10 + m2
    let d = d1 * 10 + d2
    guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
    return Int32(y * 10_000 + m * 100 + d)
  }
}
