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
    guard plain else {
      forEachRecord(problems: &problems) { row, problems in reader.general(&row, problems: &problems) }
      return
    }
    let window = ByteWindow(document.storage, capacity: document.storage.window)
    let fields = FieldBuffer(capacity: header.count + 1)
    let end = document.count
    var p = 0
    var line = dataLine
    window.fill(at: dataStart)
    // The window's state in locals: the loop reads no class property per record.
    var buffer = UnsafePointer(window.buffer)
    var length = window.length
    var windowStart = window.start
    var atEnd = window.atEnd
    func refill(at offset: Int) {
      window.fill(at: offset)
      (buffer, length, windowStart, atEnd) = (UnsafePointer(window.buffer), window.length, window.start, window.atEnd)
      p = 0
    }
    while windowStart + p < end {
      if window.truncated {
        reportChanged(&problems)
        return
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
        return
      } else {
        refill(at: windowStart + p)
      }
    }
  }
}

/// Where each field of one plain record starts and ends, by column: a
/// record on one line with no quotes, as many fields as the header has.
package struct PlainCells: ~Copyable {
  /// How many fields a record has.
  let count: Int
  /// Start and end of each field, in turn.
  private let bounds: UnsafeMutablePointer<Int>

  init(fields: Int) {
    count = max(1, fields)
    bounds = .allocate(capacity: 2 * count)
    bounds.initialize(repeating: 0, count: 2 * count)
  }

  deinit { bounds.deallocate() }

  /// Splits the record at `start` of `count` bytes (the end of the file when
  /// `atEnd`): where the next record starts, or -1 when it is not plain — a
  /// quote anywhere, a blank line, the wrong number of fields, or a line
  /// that does not end inside the bytes.
  @inline(__always)
  func split(_ base: UnsafePointer<UInt8>, count n: Int, at start: Int, atEnd: Bool) -> Int {
    var p = start
    var field = 0
    while true {
      let s = p
      p = ByteScan.toFieldEnd(base, from: p, count: n)
      bounds[2 * field] = s
      bounds[2 * field + 1] = p
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
      return p + 1 < n && base[p + 1] == 0x0A ? p + 2 : -1
    }
  }

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
