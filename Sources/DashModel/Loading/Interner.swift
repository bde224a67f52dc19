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
/// allocation, and the last few met (``RecentKeys``) cost not even a hash.
final class Interner: @unchecked Sendable {
  /// Raw bytes → index id; the escaped form has a marker byte in front.
  private let index = CodeIndex(capacity: 64)
  /// The texts by id; id 0 is the empty text.
  private(set) var strings: [String] = [""]
  /// The string id of each text the byte index holds, by its index id.
  private var ids: [Int32] = []

  // An interner belongs to one reader on one thread (its `@unchecked
  // Sendable` hands it over whole), so its state needs no dynamic
  // exclusivity check on each of the hundreds of thousands of cells.
  /// The last few texts met (``RecentKeys``).
  @exclusivity(unchecked) private var recent = RecentKeys()
  /// A reused buffer for an escaped text's key (a marker byte, then the bytes).
  @exclusivity(unchecked) private var key: [UInt8] = []

  init() {}

  /// The id of the cell's text (0 when empty), shared with earlier equal
  /// cells. A new text is checked first (valid UTF-8, at most `limit`
  /// bytes); a wrong one is reported against `field` and reads as empty.
  func id(
    _ row: CSVRow, _ slot: Int, field: String, file: String, limit: Int = RowChecks.noteLimit,
    problems: inout ProblemList
  ) -> Int32 {
    id(
      row.trimmedBytes(slot), escapes: row.hasEscapes(slot), line: row.line, field: field, file: file, limit: limit,
      problems: &problems)
  }

  /// The id of a cell's text given as its bytes, trimmed as
  /// ``CSVRow/trimmedBytes(_:)`` trims (`escapes`: it holds doubled quotes).
  func id(
    _ b: UnsafeBufferPointer<UInt8>, escapes: Bool, line: Int, field: String, file: String,
    limit: Int = RowChecks.noteLimit, problems: inout ProblemList
  ) -> Int32 {
    guard !b.isEmpty else { return 0 }
    let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    if let known = recent.find(b, none, flags: escapes ? 1 : 0) { return Int32(bitPattern: known) }
    // Known already (and so checked when first met), or new: checked now.
    let found: Int?
    if escapes {
      key.removeAll(keepingCapacity: true)
      key.append(0xFF)
      key.append(contentsOf: b)
      found = key.withUnsafeBufferPointer { index.find($0) }
    } else {
      found = index.find(b)
    }
    let id: Int32
    if let found {
      id = ids[found]
    } else {
      guard RowChecks.checkText(b, field: field, line: line, file: file, limit: limit, problems: &problems)
      else { return 0 }
      _ = escapes ? key.withUnsafeBufferPointer { index.insert(bytes: $0) } : index.insert(bytes: b)
      strings.append(CSVRow.text(b, escapes: escapes))
      id = Int32(strings.count - 1)
      ids.append(id)
    }
    recent.remember(b, none, flags: escapes ? 1 : 0, id: UInt32(bitPattern: id))
    return id
  }

  /// The cell's text, shared with earlier equal cells (checked as ``id(_:_:field:file:limit:problems:)`` does).
  func text(_ row: CSVRow, _ slot: Int, field: String, file: String, problems: inout ProblemList) -> String {
    strings[Int(id(row, slot, field: field, file: file, problems: &problems))]
  }
}
