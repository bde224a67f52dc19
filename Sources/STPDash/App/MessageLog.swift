import DashModel

/// The last messages the status line showed, with their times (`M`).
struct MessageLog: Equatable {
  struct Entry: Equatable {
    var time: String
    var text: String
    var kind: Notice.Kind
  }

  static let limit = 200

  private(set) var entries: [Entry] = []

  /// Adds a notice shown at a moment.
  mutating func add(_ n: Notice, at time: WallTime) {
    entries.append(Entry(time: time.clock, text: n.text, kind: n.kind))
    if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
  }
}
