/// A column of text ids (places in a list of distinct texts, 0 for none):
/// two bytes each while every id fits, four once one does not. A file
/// cites a handful of sources and notes however many rows it has, so the
/// narrow form is the usual one: half a million stance records keep 1 MB
/// of ids for each column instead of 2.
struct TextIDs: Sendable, Equatable {
  private var narrow: [UInt16] = []
  private var wide: [Int32]? = nil

  var count: Int { wide?.count ?? narrow.count }

  mutating func reserveCapacity(_ n: Int) { narrow.reserveCapacity(n) }

  /// Inlined where rows are read: the narrow case is one compare and an append.
  @inline(__always)
  mutating func append(_ id: Int32) {
    if wide == nil, UInt32(bitPattern: id) <= UInt32(UInt16.max) {
      narrow.append(UInt16(truncatingIfNeeded: id))
      return
    }
    appendWide(id)
  }

  /// The first id too large for two bytes turns the column wide.
  private mutating func appendWide(_ id: Int32) {
    if wide == nil {
      wide = narrow.map { Int32($0) }
      narrow = []
    }
    wide?.append(id)
  }

  subscript(i: Int) -> Int32 { wide?[i] ?? Int32(narrow[i]) }

  static func == (a: Self, b: Self) -> Bool { a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] } }
}
