/// Pieces for reading a file's usual rows straight, before any general
/// splitting: a code repeated from the row before, a row's ending repeated
/// from a row read before, and the `org,footprint,` that memberships and
/// stances begin with.
///
/// Each piece only recognises bytes equal to bytes already read the full
/// way, or a plain code (no byte below `-`, so no quote, space, comma or
/// line end) that the code index knows; anything else is declined, and the
/// reader's plain parser, then the general reader, read the row as before.
/// So nothing here decides anything a user can see.

/// A code read before, with the comma after it, held as two masked words:
/// a row that repeats it compares two words and needs no scan and no lookup.
struct RepeatedCode {
  private var head: UInt64 = 0
  private var tail: UInt64 = 0
  private var headMask: UInt64 = 0
  private var tailMask: UInt64 = 0
  /// The code's length, or -1 when none is held.
  private var length = -1
  /// The id of the last code given to ``remember(_:count:at:length:id:)``
  /// (held or not: a hint for the next lookup).
  private(set) var id = 0

  /// The low `n` bytes of a word (1 ≤ n ≤ 8).
  @inline(__always)
  private static func low(_ n: Int) -> UInt64 { n >= 8 ? ~0 : (1 << (8 * UInt64(n))) &- 1 }

  /// Where the next field starts when the held code and its comma are at
  /// `p`, else -1. (A held code has no byte below `-`, so the field is
  /// exactly that code.)
  @inline(__always)
  func match(_ base: UnsafePointer<UInt8>, count: Int, at p: Int) -> Int {
    guard length >= 0 && p + 16 <= count else { return -1 }
    let raw = UnsafeRawPointer(base + p)
    guard raw.loadUnaligned(as: UInt64.self) & headMask == head,
      raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & tailMask == tail
    else { return -1 }
    return p + length + 1
  }

  /// Holds the code of `length` bytes at `p` — no byte of it below `-`,
  /// and a comma after it — as the one with `id` (too long a code, or one
  /// too near the end of the bytes, is not held; its id still is).
  @inline(__always)
  mutating func remember(_ base: UnsafePointer<UInt8>, count: Int, at p: Int, length n: Int, id: Int) {
    self.id = id
    length = -1
    guard n < 16 && p + 16 <= count else { return }
    let raw = UnsafeRawPointer(base + p)
    headMask = Self.low(min(n + 1, 8))
    tailMask = n + 1 > 8 ? Self.low(n + 1 - 8) : 0
    head = raw.loadUnaligned(as: UInt64.self) & headMask
    tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & tailMask
    length = n
  }

  /// The end of a plain code at `p`: the comma after it when every byte
  /// before that is `-` or above and there is at least one, else -1.
  @inline(__always)
  static func plainEnd(_ base: UnsafePointer<UInt8>, count: Int, at p: Int) -> Int {
    let end = ByteScan.toByteBelow(0x2D, base, from: p, count: count)
    return end > p && end < count && base[end] == 0x2C ? end : -1
  }
}

/// The ends of rows — from one field to the line end — as rows read
/// before had them, with what each of those rows was read as (`Value`):
/// rows that end alike (the same share; the same note, source and basis)
/// compare a few words and are not split or looked up again. A few endings
/// are held, so rows that take turns between them (a note on every tenth
/// row, shares that differ for a shared body) still match.
struct RememberedTails<Value> {
  /// How many endings are held.
  static var slots: Int { 4 }
  /// The longest ending held.
  static var capacity: Int { 128 }

  /// Room for the held endings' bytes, freed with the last copy.
  private final class Room {
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: RememberedTails.slots * RememberedTails.capacity)
    deinit { bytes.deallocate() }
  }

  private let room = Room()
  /// Each held ending's length in bytes, line end included (0: none held).
  private var lengths = [Int](repeating: 0, count: RememberedTails.slots)
  /// What the rows with those endings were read as.
  private var values: [Value?] = Array(repeating: nil, count: RememberedTails.slots)
  /// The ending matched or held last (tried first), and the next to replace.
  private var last = 0
  private var replace = 0

  init() {}

  /// The held ending found at `p` of the `count` bytes at `base`: its
  /// length and what it was read as, or `nil`.
  @inline(__always)
  mutating func match(_ base: UnsafePointer<UInt8>, count: Int, at p: Int) -> (length: Int, value: Value)? {
    if let found = match(slot: last, base, count: count, at: p) { return found }
    for slot in 0..<Self.slots where slot != last {
      if let found = match(slot: slot, base, count: count, at: p) {
        last = slot
        return found
      }
    }
    return nil
  }

  @inline(__always)
  private func match(slot: Int, _ base: UnsafePointer<UInt8>, count: Int, at p: Int) -> (length: Int, value: Value)? {
    let n = lengths[slot]
    guard n > 0 && p + n <= count && ByteScan.equal(base + p, room.bytes + slot * Self.capacity, n),
      let value = values[slot]
    else { return nil }
    return (n, value)
  }

  /// Holds the `n` bytes at `p` (a row's ending, through its line end) as
  /// read as `value`, in place of the ending held longest; an ending too
  /// long to hold is not.
  mutating func remember(_ p: UnsafePointer<UInt8>, count n: Int, value: Value) {
    guard n > 0 && n <= Self.capacity else { return }
    if replace == last { replace = (replace + 1) % Self.slots }
    (room.bytes + replace * Self.capacity).update(from: p, count: n)
    lengths[replace] = n
    values[replace] = value
    last = replace
    replace = (replace + 1) % Self.slots
  }
}

/// The `org,footprint,` a membership or a stance row starts with, read
/// straight: two plain codes, the footprint's compared with the row
/// before's first (rows of a footprint come together).
struct PairHead {
  private var footprintCode = RepeatedCode()

  /// What the start of a row named.
  struct Read {
    var org: Int
    var footprint: Int
    /// Where the organisation's code ends (its comma).
    var orgEnd: Int
    /// Where the field after the footprint's starts.
    var next: Int

    /// The organisation's code as written, for a message (`start`: the row's).
    func orgText(_ base: UnsafePointer<UInt8>, from start: Int) -> String {
      CSVRow.text(UnsafeBufferPointer(start: base + start, count: orgEnd - start), escapes: false)
    }

    /// The footprint's code as written, for a message.
    func footprintText(_ base: UnsafePointer<UInt8>) -> String {
      CSVRow.text(UnsafeBufferPointer(start: base + orgEnd + 1, count: next - orgEnd - 2), escapes: false)
    }
  }

  /// The organisation and footprint that the row at `start` begins with,
  /// each a plain code its table knows, or `nil`.
  @inline(__always)
  mutating func read(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, references: References, hints: inout References.Hints
  ) -> Read? {
    let orgEnd = RepeatedCode.plainEnd(base, count: count, at: start)
    guard orgEnd >= 0,
      let o = references.organisation(UnsafeBufferPointer(start: base + start, count: orgEnd - start), hints: &hints)
    else { return nil }
    let p = orgEnd + 1
    let repeated = footprintCode.match(base, count: count, at: p)
    if repeated >= 0 { return Read(org: o, footprint: footprintCode.id, orgEnd: orgEnd, next: repeated) }
    let end = RepeatedCode.plainEnd(base, count: count, at: p)
    guard end >= 0,
      let f = references.footprint(UnsafeBufferPointer(start: base + p, count: end - p), hints: &hints)
    else { return nil }
    footprintCode.remember(base, count: count, at: p, length: end - p, id: f)
    return Read(org: o, footprint: f, orgEnd: orgEnd, next: end + 1)
  }
}

/// A reader whose records may be read straight before being split: its
/// plain parser tries ``straightRecord(_:count:at:atEnd:line:problems:)``
/// when the file's columns allow, else splits the record.
protocol StraightRecordReader: PlainRecordReader, ~Copyable {
  /// Whether the file's columns let records be read straight.
  var straight: Bool { get }
  /// How many records are kept so far.
  var recordCount: Int { get }
  /// The record at `start` read straight: where the next starts, -1 to
  /// leave it to the general reader, or `nil` when it is not begun plainly.
  mutating func straightRecord(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
  ) -> Int?
  /// The record at `start` split into its cells, as the plain parser reads it.
  mutating func splitRecord(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
  ) -> Int
  /// Holds the `count` bytes at `p` as the ending of the record just kept,
  /// with what it was read as.
  mutating func holdEnding(_ p: UnsafePointer<UInt8>, count: Int)
}

extension StraightRecordReader where Self: ~Copyable {
  mutating func plain(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
  ) -> Int {
    if straight,
      let next = straightRecord(base, count: count, at: start, atEnd: atEnd, line: line, problems: &problems)
    {
      return next
    }
    return splitRecord(base, count: count, at: start, atEnd: atEnd, line: line, problems: &problems)
  }

  /// Splits the record at `start` and, when it read cleanly (one more
  /// record kept, nothing reported), holds its ending from `endingStart`
  /// for the records after it.
  mutating func splitHoldingEnding(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, endingStart: Int,
    problems: inout ProblemList
  ) -> Int {
    let (records, found) = (recordCount, problems.errorCount + problems.warningCount)
    let next = splitRecord(base, count: count, at: start, atEnd: atEnd, line: line, problems: &problems)
    if next > endingStart && recordCount == records + 1 && problems.errorCount + problems.warningCount == found {
      holdEnding(base + endingStart, count: next - endingStart)
    }
    return next
  }
}
