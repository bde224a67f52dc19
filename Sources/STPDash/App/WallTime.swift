#if canImport(Glibc)
  import Glibc
#endif

/// A moment, as the reducer is told it: time is an input, so a session
/// replays from its actions and their times, and `reduce` reads no clock.
struct WallTime: Hashable {
  /// Seconds since 1970-01-01 UTC.
  var seconds: Int

  /// The moment now (the program's loop asks; the reducer never does).
  static func now() -> WallTime { WallTime(seconds: Int(time(nil))) }

  /// `09:30:00`, UTC.
  var clock: String {
    let s = ((seconds % 86_400) + 86_400) % 86_400
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
  }
}
