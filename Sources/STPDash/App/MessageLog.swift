import DashModel

#if canImport(Glibc)
  import Glibc
#endif

/// The last messages the status line showed, with their times (`M`).
struct MessageLog: Equatable {
  struct Entry: Equatable {
    var time: String
    var text: String
    var kind: Notice.Kind
  }

  static let limit = 200

  /// The clock messages are stamped with (tests set a fixed one).
  nonisolated(unsafe) static var clock: () -> String = {
    var t = time(nil)
    var parts = tm()
    gmtime_r(&t, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
  }

  private(set) var entries: [Entry] = []

  mutating func add(_ n: Notice) {
    entries.append(Entry(time: Self.clock(), text: n.text, kind: n.kind))
    if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
  }
}
