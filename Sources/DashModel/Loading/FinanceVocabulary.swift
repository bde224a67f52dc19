/// The words of `finance.csv` — scenarios, bases and years — as the byte
/// readers match them. Built from the one definition of each word
/// (``Scenario/word``, ``Basis/word``, ``FinancialYear/periodWords``), so the
/// general reader and both fast layers can never disagree on the vocabulary.
struct FinanceVocabulary: @unchecked Sendable {
  /// The scenarios; a match's index is the ``Scenario`` raw value.
  let scenarios = KeywordSet(Scenario.allCases.map(\.word))
  /// The bases; a match's index is the position in ``Basis/allCases``.
  let bases = KeywordSet(Basis.allCases.map(\.word))
  /// The raw value of each basis, by the index ``bases`` matches (made once, read by pointer).
  let basisValues: UnsafePointer<UInt8> = {
    let values = Basis.allCases.map(\.rawValue)
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: values.count)
    p.initialize(from: values, count: values.count)
    return UnsafePointer(p)
  }()
  /// The six years as seven-byte words.
  let years: [UInt64] = FinancialYear.periodWords

  /// The vocabulary, made once.
  static let shared = FinanceVocabulary()
}

/// A word of up to 16 bytes, compared as one or two machine words.
struct Keyword: Sendable {
  let count: Int
  /// The first eight bytes (fewer, zero-padded, for a short word).
  let head: UInt64
  /// The last eight bytes, for a word of more than eight.
  let tail: UInt64
  let headMask: UInt64

  init(_ text: StaticString) {
    let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    precondition(bytes.count <= 16 && !bytes.isEmpty, "a finance keyword has 1 to 16 bytes")
    func word(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
      var w: UInt64 = 0
      for (i, b) in slice.enumerated() { w |= UInt64(b) << (8 * UInt64(i)) }
      return w
    }
    count = bytes.count
    head = word(bytes[..<min(8, bytes.count)])
    tail = bytes.count > 8 ? word(bytes[(bytes.count - 8)...]) : 0
    headMask = bytes.count >= 8 ? ~0 : (1 << (8 * UInt64(bytes.count))) - 1
  }

  /// The first byte of the word.
  var firstByte: UInt8 { UInt8(truncatingIfNeeded: head) }

  /// Whether the bytes at `p` start with this word; `available` bytes may be read.
  @inline(__always)
  func matches(_ p: UnsafePointer<UInt8>, available: Int) -> Bool {
    guard available >= count else { return false }
    let raw = UnsafeRawPointer(p)
    if count > 8 {
      return raw.loadUnaligned(as: UInt64.self) == head
        && raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == tail
    }
    if available >= 8 { return raw.loadUnaligned(as: UInt64.self) & headMask == head }
    for i in 0..<count where p[i] != UInt8(truncatingIfNeeded: head >> (8 * UInt64(i))) { return false }
    return true
  }

  /// Whether `b` is exactly this word.
  @inline(__always)
  func equals(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard b.count == count, let p = b.baseAddress else { return false }
    return matches(p, available: b.count)
  }
}

/// A few keywords told apart by their first byte (each first byte belongs to
/// at most one word), then compared whole.
///
/// The words and the first-byte table live in memory allocated once for
/// the life of the process (the vocabulary is made once): the hot loops
/// read them through plain pointers, with no array bounds checks or
/// reference counting per row.
struct KeywordSet: @unchecked Sendable {
  /// The words, by index.
  let words: UnsafePointer<Keyword>
  let count: Int
  /// For each byte value, the index of the word starting with it, or -1.
  private let byFirst: UnsafePointer<Int8>

  init(_ texts: [StaticString]) {
    let list = texts.map(Keyword.init)
    let w = UnsafeMutablePointer<Keyword>.allocate(capacity: max(1, list.count))
    w.initialize(from: list, count: list.count)
    let table = UnsafeMutablePointer<Int8>.allocate(capacity: 256)
    table.initialize(repeating: -1, count: 256)
    for (i, k) in list.enumerated() {
      precondition(table[Int(k.firstByte)] < 0, "keywords of one set must start with different bytes")
      table[Int(k.firstByte)] = Int8(i)
    }
    words = UnsafePointer(w)
    count = list.count
    byFirst = UnsafePointer(table)
  }

  /// The word that may start at `p`, by its first byte: its index, or -1.
  @inline(__always)
  func candidate(_ first: UInt8) -> Int { Int(byFirst[Int(first)]) }

  /// The index of the word the bytes are exactly, or -1.
  @inline(__always)
  func index(of b: UnsafeBufferPointer<UInt8>) -> Int {
    guard let first = b.first else { return -1 }
    let i = candidate(first)
    return i >= 0 && words[i].equals(b) ? i : -1
  }
}
