import DashModel

#if canImport(Glibc)
  import Glibc
#endif

/// How a view "as of a date" is said, once: usage errors, notes on the
/// range, the status line and exports.
enum AsOfWords {
  /// The option's name.
  static let flag = "--as-of"

  /// The usage error for a date that is not one.
  static func malformed(_ text: String) -> String {
    "--as-of must be a calendar date written YYYY-MM-DD, like 2016-09-01 (got \"\(VisibleText.sanitize(text))\")"
  }

  /// What a day outside the data's dated records means, if it is outside;
  /// `today` (the command line's clock) also says when it is still to come.
  static func range(_ day: Day, _ range: ClosedRange<Day>?, today: Day? = nil) -> String? {
    if let today, day > today {
      return "as of \(day.iso): a day still to come; the view shows everything recorded so far"
    }
    guard let range else {
      return "as of \(day.iso): the data carry no dated record, so the view is the same as the latest"
    }
    if day < range.lowerBound {
      return
        "as of \(day.iso): before the first dated record (\(range.lowerBound.iso)); only undated stances and figures are shown"
    }
    return nil
  }

  /// The status line's and exports' word: `as of 2016-09-01`, or `latest`.
  static func setting(_ day: Day?) -> String { day.map { "as of \($0.iso)" } ?? "latest" }

  /// Today in UTC.
  static func today() -> Day {
    var t = time(nil)
    var parts = tm()
    gmtime_r(&t, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(number: 2026_01_01)
  }
}
