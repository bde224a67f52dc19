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
/// allocation; the last few met (eight, by a mix of their length and
/// bytes) cost not even a hash, so rows that cycle through a handful of
/// sources hit as often as rows that repeat one.
final class Interner: @unchecked Sendable {
  /// Raw bytes → index id; the escaped form has a marker byte in front.
  private let index = CodeIndex(capacity: 64)
  /// The texts by id; id 0 is the empty text.
  private(set) var strings: [String] = [""]
  /// The string id of each text the byte index holds, by its index id.
  private var ids: [Int32] = []

  /// A recently met text: its raw bytes, escape flag and id.
  private struct Recent {
    var bytes: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var length = -1
    var escapes = false
    var id: Int32 = 0
  }
  private static let recentCount = 8
  private var recent: UnsafeMutablePointer<Recent>
  /// A reused buffer for an escaped text's key (a marker byte, then the bytes).
  private var key: [UInt8] = []

  init() {
    recent = .allocate(capacity: Self.recentCount)
    for i in 0..<Self.recentCount {
      (recent + i).initialize(to: Recent(bytes: .allocate(capacity: 64), capacity: 64))
    }
  }

  deinit {
    for i in 0..<Self.recentCount { recent[i].bytes.deallocate() }
    recent.deinitialize(count: Self.recentCount)
    recent.deallocate()
  }

  /// Where a text would sit among the recent ones.
  @inline(__always)
  private static func bucket(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    let mix = n &* 31 &+ Int(p[0]) &* 7 &+ Int(p[n / 2]) &* 3 &+ Int(p[n - 1])
    return mix & (recentCount - 1)
  }

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
    let r = recent + Self.bucket(p, b.count)
    if b.count == r.pointee.length && escapes == r.pointee.escapes && ByteScan.equal(r.pointee.bytes, p, b.count) {
      return r.pointee.id
    }
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
      guard RowChecks.checkText(b, field: field, line: row.line, file: file, limit: limit, problems: &problems)
      else { return 0 }
      _ = escapes ? key.withUnsafeBufferPointer { index.insert(bytes: $0) } : index.insert(bytes: b)
      strings.append(row.string(slot))
      id = Int32(strings.count - 1)
      ids.append(id)
    }
    if b.count > r.pointee.capacity {
      r.pointee.bytes.deallocate()
      r.pointee.capacity = b.count
      r.pointee.bytes = .allocate(capacity: b.count)
    }
    r.pointee.bytes.update(from: p, count: b.count)
    r.pointee.length = b.count
    r.pointee.escapes = escapes
    r.pointee.id = id
    return id
  }

  /// The cell's text, shared with earlier equal cells (checked as ``id(_:_:field:file:limit:problems:)`` does).
  func text(_ row: CSVRow, _ slot: Int, field: String, file: String, problems: inout ProblemList) -> String {
    strings[Int(id(row, slot, field: field, file: file, problems: &problems))]
  }
}
