/// When something happened, as precisely as the source says: a day
/// (`2016-08-26`), a month (`2017-03`), a year (`2018`) or a financial year
/// (`2016/17`, April to March). A view "as of" a day counts an event once
/// the whole of its period has passed: a referral dated only `2017-03` is
/// known from 31 March 2017, never earlier than its source allows.
public struct EventDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// How precisely the date is known.
  public enum Precision: UInt8, Sendable, Hashable {
    case day, month, year, financialYear
  }

  /// The first day of the period.
  public let start: Day
  /// The last day of the period: the event is known from this day.
  public let end: Day
  /// How precise the date is.
  public let precision: Precision

  /// A single day.
  public init(_ day: Day) {
    start = day
    end = day
    precision = .day
  }

  init(start: Day, end: Day, precision: Precision) {
    self.start = start
    self.end = end
    self.precision = precision
  }

  /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYYY/YY`; `nil` for anything else.
  public init?(_ text: String) {
    var s = text
    guard let d = s.withUTF8({ Self.parse($0) }) else { return nil }
    self = d
  }

  /// The date as data files write it.
  public var iso: String {
    switch precision {
    case .day: return start.iso
    case .month: return String(start.iso.prefix(7))
    case .year: return String(start.iso.prefix(4))
    case .financialYear:
      let next = (start.year + 1) % 100
      return String(start.iso.prefix(4)) + "/" + (next < 10 ? "0" : "") + String(next)
    }
  }

  /// The same as ``iso``.
  public var description: String { iso }

  /// Whether the event was known on `day` (its whole period has passed).
  public func known(asOf day: Day) -> Bool { end <= day }

  /// Orders by the day the event is known from, then by the start.
  public static func < (a: EventDate, b: EventDate) -> Bool {
    a.end != b.end ? a.end < b.end : a.start < b.start
  }

  /// A compact form that sorts as ``<`` does (the last day, then the
  /// precision), in 32 bits (`yyyymmdd` × 8 + precision + 1); never 0.
  package var code: Int32 { end.number &* 8 &+ Int32(precision.rawValue) &+ 1 }

  /// The date of a ``code``.
  package init?(code: Int32) {
    guard code > 0, let p = Precision(rawValue: UInt8((code - 1) & 7)) else { return nil }
    let end = Day(number: (code - 1) >> 3)
    let start: Day?
    switch p {
    case .day: start = end
    case .month: start = Day(year: end.year, month: end.month, day: 1)
    case .year: start = Day(year: end.year, month: 1, day: 1)
    case .financialYear: start = Day(year: end.year - 1, month: 4, day: 1)
    }
    guard let start else { return nil }
    self.init(start: start, end: end, precision: p)
  }

  /// Parses a date from bytes.
  package static func parse(_ b: UnsafeBufferPointer<UInt8>) -> EventDate? {
    func digits(_ from: Int, _ count: Int) -> Int? {
      var n = 0
      for i in from..<(from + count) {
        let c = b[i]
        guard c >= 0x30 && c <= 0x39 else { return nil }
        n = n * 10 + Int(c) - 0x30
      }
      return n
    }
    switch b.count {
    case 10:
      guard let n = Day.number(isoBytes: b) else { return nil }
      return EventDate(Day(number: n))
    case 7 where b[4] == 0x2D:
      guard let y = digits(0, 4), let m = digits(5, 2), let first = Day(year: y, month: m, day: 1),
        let last = Day(year: y, month: m, day: Day.daysIn(month: m, year: y))
      else { return nil }
      return EventDate(start: first, end: last, precision: .month)
    case 7 where b[4] == 0x2F:
      // A financial year: April of the first year to March of the next, written 2016/17.
      guard let y = digits(0, 4), let next = digits(5, 2), next == (y + 1) % 100,
        let first = Day(year: y, month: 4, day: 1), let last = Day(year: y + 1, month: 3, day: 31)
      else { return nil }
      return EventDate(start: first, end: last, precision: .financialYear)
    case 4:
      guard let y = digits(0, 4), let first = Day(year: y, month: 1, day: 1),
        let last = Day(year: y, month: 12, day: 31)
      else { return nil }
      return EventDate(start: first, end: last, precision: .year)
    default:
      break
    }
    return nil
  }
}
