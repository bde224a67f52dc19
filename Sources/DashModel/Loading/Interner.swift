#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes one `String` per distinct text, for columns whose values repeat
/// (sources, notes): 50,000 rows citing five sources make five strings.
struct Interner: @unchecked Sendable {
  private let index = CodeIndex(capacity: 64)
  /// The texts by id; id 0 is the empty text.
  private(set) var strings: [String] = [""]
  /// Texts with escaped quotes, found by their unescaped form.
  private var escaped: [String: Int32] = [:]
  /// The string id of each text the byte index holds, by its index id.
  private var plainIDs: [Int32] = []
  /// The last plain text met and its id: columns repeat a value row after row.
  private var last: [UInt8] = []
  private var lastID: Int32 = 0

  /// The id of the cell's text (0 when empty), shared with earlier equal cells.
  mutating func id(_ row: CSVRow, _ slot: Int) -> Int32 {
    let b = row.trimmedBytes(slot)
    if b.isEmpty { return 0 }
    if row.hasEscapes(slot) {
      let text = row.string(slot)
      if let known = escaped[text] { return known }
      strings.append(text)
      escaped[text] = Int32(strings.count - 1)
      return Int32(strings.count - 1)
    }
    if b.count == last.count, let p = b.baseAddress,
      last.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0, p, b.count) == 0 } ?? false })
    {
      return lastID
    }
    let (id, inserted) = index.insert(bytes: b)
    if inserted {
      strings.append(row.string(slot))
      plainIDs.append(Int32(strings.count - 1))
    }
    last = Array(b)
    lastID = plainIDs[id]
    return lastID
  }

  /// The cell's text, shared with earlier equal cells.
  mutating func text(_ row: CSVRow, _ slot: Int) -> String { strings[Int(id(row, slot))] }
}
