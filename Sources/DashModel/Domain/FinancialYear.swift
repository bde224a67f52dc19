/// A financial year of the STP period, 2015/16 to 2020/21.
public struct FinancialYear: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The first calendar year of the period.
  public static let firstStartYear = 2015
  /// How many years the period has.
  public static let count = 6
  /// Every year of the period, in order.
  public static let all: [FinancialYear] = (0..<count).map { FinancialYear(index: $0) }
  /// 2020/21, the year by which plans were to reach balance.
  public static let target = FinancialYear(index: count - 1)

  /// Position in the period, 0 for 2015/16.
  public let index: Int

  /// The year at a position in the period (0 for 2015/16).
  public init(index: Int) { self.index = index }

  /// The calendar year the financial year starts in (2015 for 2015/16).
  public var startYear: Int { Self.firstStartYear + index }

  /// `2015/16`.
  public var label: String {
    index >= 0 && index < Self.count ? Self.labels[index] : Self.label(startYear: startYear)
  }

  /// The period's labels, made once (a national CSV asks for one per row).
  private static let labels = (0..<count).map { label(startYear: firstStartYear + $0) }

  private static func label(startYear: Int) -> String {
    let next = (startYear + 1) % 100
    return "\(startYear)/\(next < 10 ? "0" : "")\(next)"
  }

  /// The same as ``label``.
  public var description: String { label }

  /// Parses `2015/16` from bytes (the readers' form); `nil` when not that form.
  /// `outOfRange` is set when the form is right but the year is outside the period.
  package static func parse(_ b: UnsafeBufferPointer<UInt8>, outOfRange: inout Bool) -> FinancialYear? {
    outOfRange = false
    guard b.count == 7, b[4] == 0x2F, let base = b.baseAddress else { return nil }
    // The six years of the period, as their seven bytes: one compare each.
    var word: UInt64 = 0
    for i in 0..<7 { word |= UInt64(base[i]) << (8 * UInt64(i)) }
    for (index, known) in periodWords.enumerated() where word == known { return FinancialYear(index: index) }
    var year = 0
    for i in 0..<4 {
      let d = Int(b[i]) - 0x30
      guard d >= 0 && d <= 9 else { return nil }
      year = year * 10 + d
    }
    let d1 = Int(b[5]) - 0x30
    let d2 = Int(b[6]) - 0x30
    guard d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 else { return nil }
    guard (year + 1) % 100 == d1 * 10 + d2 else { return nil }
    let index = year - firstStartYear
    guard index >= 0 && index < count else {
      outOfRange = true
      return nil
    }
    return FinancialYear(index: index)
  }

  /// `2015/16` … `2020/21` as little-endian words of seven bytes.
  static let periodWords: [UInt64] = all.map { y in
    var word: UInt64 = 0
    for (i, byte) in y.label.utf8.enumerated() { word |= UInt64(byte) << (8 * UInt64(i)) }
    return word
  }

  /// Parses `2015/16` from text.
  public init?(label: String) {
    var s = label
    var out = false
    guard let y = s.withUTF8({ FinancialYear.parse($0, outOfRange: &out) }) else { return nil }
    self = y
  }

  /// Whether `a` is the earlier year.
  public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.index < b.index }
}
