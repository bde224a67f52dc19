/// Collects "unknown code" problems so a code missing from `footprints.csv`
/// or `organisations.csv` is reported once per file, with the lines that use
/// it, instead of once for every row.
struct UnknownCodes: Sendable {
  struct Entry: Sendable {
    var field: String
    var lines: [Int]
    var count: Int
  }

  /// How many line numbers a message lists.
  static let linesShown = 6

  var entries: [String: Entry] = [:]

  /// Notes one use of an unknown code.
  mutating func note(_ message: String, field: String, line: Int) {
    if var e = entries[message] {
      e.count += 1
      if e.lines.count < Self.linesShown + 1 { e.lines.append(line) }
      entries[message] = e
    } else {
      entries[message] = Entry(field: field, lines: [line], count: 1)
    }
  }

  /// Adds another collection whose line numbers need `offset` added.
  mutating func merge(_ other: UnknownCodes, lineOffset offset: Int) {
    for (message, e) in other.entries {
      for line in e.lines { note(message, field: e.field, line: line + offset) }
      if e.count > e.lines.count, var mine = entries[message] {
        mine.count += e.count - e.lines.count
        entries[message] = mine
      }
    }
  }

  /// Emits one problem per unknown code, at the first line that uses it.
  func report(file: String, into problems: inout ProblemList) {
    // By first line, then field and message: the same order however the
    // file was split between threads.
    let ordered = entries.map { (message: $0.key, entry: $0.value, first: $0.value.lines.min() ?? 0) }
      .sorted { ($0.first, $0.entry.field, $0.message) < ($1.first, $1.entry.field, $1.message) }
    for (message, e, _) in ordered {
      let lines = e.lines.sorted()
      var text = message
      if e.count > 1 {
        let others = lines.dropFirst().prefix(Self.linesShown - 1).map(String.init)
        let more = e.count - 1 - others.count
        text +=
          " (also on line\(e.count > 2 ? "s" : "") \(others.joined(separator: ", "))\(more > 0 ? " and \(more) more" : ""))"
      }
      problems.error(file, line: lines.first, field: e.field, text)
    }
  }
}
