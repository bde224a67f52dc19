import DashModel

/// The flag journal over any bytes.
enum JournalTarget {
  static let directory = Scratch.make(prefix: "stpdash-fuzz-journal", files: [:])

  static func run(_ input: [UInt8]) -> String? {
    let history = FlagJournal.parse(input, fileName: "flags.csv")
    if history.problems.count > FlagHistory.problemsKept { return "\(history.problems.count) problems kept" }
    if history.omittedProblems > 0 && history.problems.count < FlagHistory.problemsKept {
      return "problems omitted before the kept list was full"
    }
    for e in history.events {
      if e.org.isEmpty || e.footprint.isEmpty { return "an event without org or footprint: \(e)" }
      if e.kind == .flag && e.reason.isEmpty { return "a flag without a reason: \(e)" }
      if !UTCTime.isValid(e.time) { return "an event at \(e.time)" }
      if e.line < 1 { return "an event on line \(e.line)" }
    }
    for (a, b) in zip(history.events, history.events.dropFirst()) where b.line <= a.line {
      return "events out of line order: \(a.line), \(b.line)"
    }
    // Read from a file (through the streamed window) it is the same.
    if let dir = directory {
      let path = dir + "/flags.csv"
      if Scratch.put(input, to: path) {
        switch FlagJournal(path: path).read() {
        case .success(let fromFile):
          if fromFile.events != history.events { return "the file read differs from the bytes read" }
          if fromFile.problems != history.problems || fromFile.omittedProblems != history.omittedProblems {
            return "the file read reports other problems"
          }
        case .failure(let e):
          // Only a file whose first line is another file's is refused whole.
          guard e.notJournal else { return "the journal file could not be read: \(e)" }
          if history.problems.isEmpty {
            return "refused as not a journal, yet it reads without a problem"
          }
        }
      }
    }
    // Every event written again reads back exactly.
    var text = FlagJournal.header + "\n"
    for e in history.events { text += FlagJournal.line(for: e) }
    let again = FlagJournal.parse(Array(text.utf8), fileName: "flags.csv")
    if !again.problems.isEmpty { return "written events read with problems: \(again.problems)" }
    let strip = { (events: [FlagEvent]) in
      events.map { e -> FlagEvent in
        var e = e
        e.line = 0
        return e
      }
    }
    if strip(again.events) != strip(history.events) {
      return "written events read back differently:\n\(history.events)\n\(again.events)"
    }
    return nil
  }
}

/// The display path over any text.
enum TextTarget {
  static func run(_ input: [UInt8]) -> String? {
    let text = String(decoding: input, as: UTF8.self)
    let shown = VisibleText.sanitize(text)
    if let bad = shown.unicodeScalars.first(where: { VisibleText.escape($0) != nil }) {
      return "sanitize left U+\(String(bad.value, radix: 16)) in \(shown.debugDescription)"
    }
    let lines = VisibleText.sanitizeLines(text)
    var previous: UInt8 = 0
    for b in lines.utf8 {
      if b == 0x0A {
        previous = b
        continue
      }
      if previous == 0x0D { return "a carriage return not before a line feed in \(lines.debugDescription)" }
      if (b < 0x20 && b != 0x0D) || b == 0x7F { return "sanitizeLines left byte \(b) in \(lines.debugDescription)" }
      previous = b
    }
    if previous == 0x0D { return "sanitizeLines ended in a carriage return" }
    if let bad = lines.unicodeScalars.first(where: { $0 != "\n" && $0 != "\r" && VisibleText.escape($0) != nil }) {
      return "sanitizeLines left U+\(String(bad.value, radix: 16))"
    }
    for columns in [0, 1, 2, 3, 7, 20] {
      let padded = DisplayWidth.pad(shown, to: columns)
      if DisplayWidth.width(of: padded) != columns {
        return "pad to \(columns) gave width \(DisplayWidth.width(of: padded)): \(padded.debugDescription)"
      }
      let cut = DisplayWidth.truncate(shown, to: columns)
      if DisplayWidth.width(of: cut) > columns {
        return "truncate to \(columns) gave width \(DisplayWidth.width(of: cut)): \(cut.debugDescription)"
      }
      // A cut never splits a grapheme: what is kept is whole characters of the text.
      let bare = DisplayWidth.truncate(shown, to: columns, ellipsis: "")
      if !Array(shown).starts(with: Array(bare)) {
        return "truncate to \(columns) split a grapheme: \(bare.debugDescription) of \(shown.debugDescription)"
      }
    }
    return nil
  }
}
