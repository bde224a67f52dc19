#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes one `String` per distinct text, for columns whose values repeat
/// (sources, notes): 50,000 rows citing five sources make five strings.
///
/// Texts are found by their raw bytes — with doubled quotes as written, and
/// a flag saying so — so a repeated text costs no `String` and no
/// allocation, and the last one met costs not even a hash.
final class Interner: @unchecked Sendable {
  /// Raw bytes → index id; the escaped form has a marker byte in front.
  private let index = CodeIndex(capacity: 64)
  /// The texts by id; id 0 is the empty text.
  private(set) var strings: [String] = [""]
  /// The string id of each text the byte index holds, by its index id.
  private var ids: [Int32] = []
  /// The last key met (its raw bytes and escape flag) and its id.
  private var last = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
  private var lastCapacity = 64
  private var lastLength = -1
  private var lastEscapes = false
  private var lastID: Int32 = 0

  init() {}

  deinit { last.deallocate() }

  /// The id of the cell's text (0 when empty), shared with earlier equal
  /// cells. A new text is checked first (valid UTF-8, at most `limit`
  /// bytes); a wrong one is reported against `field` and reads as empty.
  func id(
    _ row: CSVRow, _ slot: Int, field: String, file: String, limit: Int = RowChecks.noteLimit,
    problems: inout ProblemList
  ) -> Int32 {
    let b = row.trimmedBytes(slot)
    guard let p = b.baseAddress, !b.isEmpty else { return 0 }
    let escapes = row.hasEscapes(slot)
    if b.count == lastLength && escapes == lastEscapes && ByteScan.equal(last, p, b.count) { return lastID }
    guard RowChecks.checkText(b, field: field, line: row.line, file: file, limit: limit, problems: &problems) else {
      return 0
    }
    var key = escapes ? [0xFF] + Array(b) : []
    let (id, inserted) =
      escapes ? key.withUnsafeBufferPointer { index.insert(bytes: $0) } : index.insert(bytes: b)
    key.removeAll()
    if inserted {
      strings.append(row.string(slot))
      ids.append(Int32(strings.count - 1))
    }
    if b.count > lastCapacity {
      last.deallocate()
      lastCapacity = b.count
      last = .allocate(capacity: lastCapacity)
    }
    last.update(from: p, count: b.count)
    lastLength = b.count
    lastEscapes = escapes
    lastID = ids[id]
    return lastID
  }

  /// The cell's text, shared with earlier equal cells (checked as ``id(_:_:field:file:limit:problems:)`` does).
  func text(_ row: CSVRow, _ slot: Int, field: String, file: String, problems: inout ProblemList) -> String {
    strings[Int(id(row, slot, field: field, file: file, problems: &problems))]
  }
}
