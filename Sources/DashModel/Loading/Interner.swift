/// Makes one `String` per distinct text, for columns whose values repeat
/// (sources, notes): 50,000 rows citing five sources make five strings.
struct Interner: @unchecked Sendable {
  private let index = CodeIndex(capacity: 64)
  private var strings: [String] = []

  /// The cell's text, shared with earlier equal cells.
  mutating func text(_ row: CSVRow, _ slot: Int) -> String {
    let b = row.trimmedBytes(slot)
    if b.isEmpty { return "" }
    if row.hasEscapes(slot) { return row.string(slot) }
    let (id, inserted) = index.insert(bytes: b)
    if inserted { strings.append(row.string(slot)) }
    return strings[id]
  }
}
