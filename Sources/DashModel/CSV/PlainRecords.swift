/// Reading a file's ordinary records without the general scanner.
///
/// A reader offers each record to its parser of the plain form first — one
/// line, no quotes, every field where the header says — and only the records
/// it declines go through the general reader, which reads them exactly as it
/// always does and reports any problem. A plain parser declines before it
/// changes anything, so it decides nothing a user can see; it only makes
/// the common case cheap. `FinanceFastPath` is the same idea for the figures.
package protocol PlainRecordReader: ~Copyable {
  /// Parses the plain record at `start` of the `count` bytes at `base` (all
  /// there are to the end of the file when `atEnd`), on line `line`: answers
  /// where the next record starts, or -1 to leave this one, untouched, to
  /// ``general(_:problems:)``.
  mutating func plain(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
  ) -> Int

  /// Takes a record the general reader read (problems with its syntax and
  /// field count are already reported).
  mutating func general(_ row: inout CSVRow, problems: inout ProblemList)
}

extension CSVTable {
  /// Reads every record: each through `reader`'s plain parser when it takes
  /// it, else through the general reader; `plain: false` sends every record
  /// the general way (tests read each file both ways and compare).
  package func forEachRecord<Reader: PlainRecordReader & ~Copyable>(
    _ reader: inout Reader, plain: Bool, problems: inout ProblemList
  ) {
    scanRange(
      from: dataStart, to: document.count, firstLine: dataLine, reader: &reader, plain: plain, problems: &problems)
  }

  /// Reads the records starting in `[from, to)`, the first on line
  /// `firstLine`, as ``forEachRecord(_:plain:problems:)`` reads them all;
  /// returns where reading stopped.
  @discardableResult
  func scanRange<Reader: PlainRecordReader & ~Copyable>(
    from: Int, to: Int, firstLine: Int, reader: inout Reader, plain: Bool, problems: inout ProblemList
  ) -> (offset: Int, line: Int) {
    guard plain else {
      return scanRange(from: from, to: to, firstLine: firstLine, problems: &problems) { row, problems in
        reader.general(&row, problems: &problems)
      }
    }
    let window = ByteWindow(document.storage, capacity: document.storage.window)
    let fields = FieldBuffer(capacity: header.count + 1)
    var p = 0
    var line = firstLine
    window.fill(at: from)
    // The window's state in locals: the loop reads no class property per record.
    var buffer = UnsafePointer(window.buffer)
    var length = window.length
    var windowStart = window.start
    var atEnd = window.atEnd
    var truncated = window.truncated
    func refill(at offset: Int) {
      window.fill(at: offset)
      (buffer, length, windowStart, atEnd) = (UnsafePointer(window.buffer), window.length, window.start, window.atEnd)
      truncated = window.truncated
      p = 0
    }
    while windowStart + p < to {
      if truncated {
        reportChanged(&problems)
        return (document.count, line)
      }
      let next = reader.plain(buffer, count: length, at: p, atEnd: atEnd, line: line, problems: &problems)
      if next > p {
        p = next
        line += 1
        continue
      }
      if let next = readRecord(
        in: window, at: p, line: line, fields: fields, problems: &problems,
        { row, problems in reader.general(&row, problems: &problems) })
      {
        (p, line) = next
      } else if p == 0 && !window.grow() {
        reportTooLong(line: line, &problems)
        return (document.count, line)
      } else {
        refill(at: windowStart + p)
      }
    }
    return (windowStart + p, line)
  }
}

/// Where each field of one plain record starts and ends, by column: a
/// record on one line, as many fields as the header has, each unquoted or
/// quoted whole (its bounds then inside the quotes, doubled quotes marked).
package struct PlainCells: ~Copyable {
  /// How many fields a record has.
  let count: Int
  /// Start and end of each field, in turn.
  private let bounds: UnsafeMutablePointer<Int>
  /// Whether each field holds doubled quotes.
  private let escaped: UnsafeMutablePointer<Bool>

  init(fields: Int) {
    count = max(1, fields)
    bounds = .allocate(capacity: 2 * count)
    bounds.initialize(repeating: 0, count: 2 * count)
    escaped = .allocate(capacity: count)
    escaped.initialize(repeating: false, count: count)
  }

  deinit {
    bounds.deallocate()
    escaped.deallocate()
  }

  /// Splits the record at `start` of `count` bytes (the end of the file when
  /// `atEnd`): where the next record starts, or -1 when it is not plain — a
  /// line break inside quotes, a quote inside an unquoted field, text after
  /// a closing quote, a blank line, the wrong number of fields, a carriage
  /// return alone, or a line that does not end inside the bytes.
  @inline(__always)
  func split(_ base: UnsafePointer<UInt8>, count n: Int, at start: Int, atEnd: Bool) -> Int {
    var p = start
    var field = 0
    while true {
      var s = p
      var escapes = false
      if p < n && base[p] == 0x22 {
        // Quoted: to the closing quote, which a separator or line end follows.
        p += 1
        s = p
        while true {
          p = ByteScan.toQuoteOrLineEnd(base, from: p, count: n)
          guard p + 1 < n, base[p] == 0x22 else { return -1 }
          guard base[p + 1] == 0x22 else { break }
          escapes = true
          p += 2
        }
        bounds[2 * field + 1] = p
        p += 1
      } else {
        p = ByteScan.toFieldEnd(base, from: p, count: n)
        bounds[2 * field + 1] = p
      }
      bounds[2 * field] = s
      escaped[field] = escapes
      field += 1
      if p >= n {
        guard atEnd, field == count, p > start else { return -1 }
        return p
      }
      let b = base[p]
      if b == 0x2C {
        guard field < count else { return -1 }
        p += 1
        continue
      }
      guard b != 0x22, field == count, p > start else { return -1 }
      if b == 0x0A { return p + 1 }
      // A carriage return before a line feed; alone, for the general reader.
      guard b == 0x0D, p + 1 < n, base[p + 1] == 0x0A else { return -1 }
      return p + 2
    }
  }

  /// Whether field `slot` holds doubled quotes (`false` for a column not in the file).
  @inline(__always)
  func escapes(_ slot: Int) -> Bool { slot >= 0 && slot < count && escaped[slot] }

  /// The bytes of field `slot` as split (none for a column not in the file, slot -1).
  @inline(__always)
  func bytes(_ base: UnsafePointer<UInt8>, _ slot: Int) -> UnsafeBufferPointer<UInt8> {
    guard slot >= 0, slot < count else { return UnsafeBufferPointer(start: base, count: 0) }
    return UnsafeBufferPointer(start: base + bounds[2 * slot], count: bounds[2 * slot + 1] - bounds[2 * slot])
  }

  /// Whether a text field reads the same untrimmed: empty, or starting and
  /// ending with ASCII above space (the general reader trims spaces and,
  /// around text outside ASCII, other white space).
  @inline(__always)
  static func isBare(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = b.first, let last = b.last else { return true }
    return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
  }
}
