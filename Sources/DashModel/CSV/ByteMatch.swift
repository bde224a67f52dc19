/// Matching a cell's bytes against a fixed list of words, without building a string.
enum ByteMatch {
  /// The index of the word the bytes spell (ASCII, ignoring case), if any.
  static func index(_ b: UnsafeBufferPointer<UInt8>, in words: [StaticString]) -> Int? {
    outer: for (i, w) in words.enumerated() where w.utf8CodeUnitCount == b.count {
      let p = w.utf8Start
      for j in 0..<b.count {
        var c = b[j]
        if c >= 0x41 && c <= 0x5A { c |= 0x20 }
        if c != p[j] { continue outer }
      }
      return i
    }
    return nil
  }
}

/// A fixed list of lower-case words, found by length and then compared
/// eight bytes at a time: the form data files use, without a `String` or
/// case folding. (Other spellings go through the types' own parsers.)
/// Made once; read through plain pointers.
struct WordTable: @unchecked Sendable {
  private let words: UnsafePointer<StaticString>
  private let count: Int

  init(_ list: [StaticString]) {
    let p = UnsafeMutablePointer<StaticString>.allocate(capacity: max(1, list.count))
    p.initialize(from: list, count: list.count)
    words = UnsafePointer(p)
    count = list.count
  }

  /// The index of the word the bytes are exactly, if any.
  @inline(__always)
  func index(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = b.baseAddress else { return nil }
    for i in 0..<count where words[i].utf8CodeUnitCount == b.count {
      if ByteScan.equal(words[i].utf8Start, base, b.count) { return i }
    }
    return nil
  }
}

extension OrganisationKind {
  static let words: [StaticString] = [
    "ccg", "acute-trust", "mental-health-trust", "community-trust", "ambulance-trust", "council", "other",
  ]

  static let table = WordTable(words)
  /// The kinds in word order (`allCases` makes a new array each time it is read).
  static let byIndex = allCases

  /// Parses a kind straight from a cell's bytes (falling back to the lenient text form).
  init?(row: CSVRow, slot: Int) {
    if let i = Self.table.index(row.trimmedBytes(slot)) ?? ByteMatch.index(row.trimmedBytes(slot), in: Self.words) {
      self = Self.byIndex[i]
    } else if let k = OrganisationKind(code: row.string(slot)) {
      self = k
    } else {
      return nil
    }
  }
}

extension Stance {
  static let words: [StaticString] = ["aligned", "conditional", "dissenting", "refused", "unknown"]

  static let table = WordTable(words)
  /// The stances in word order (`allCases` makes a new array each time it is read).
  static let byIndex = allCases

  /// Parses a stance straight from a cell's bytes.
  init?(row: CSVRow, slot: Int) {
    if let i = Self.table.index(row.trimmedBytes(slot)) ?? ByteMatch.index(row.trimmedBytes(slot), in: Self.words) {
      self = Self.byIndex[i]
    } else if let s = Stance(code: row.string(slot)) {
      self = s
    } else {
      return nil
    }
  }
}

extension Rating {
  static let words: [StaticString] = ["outstanding", "advanced", "making progress", "needs most improvement"]
  /// The ratings in word order (`allCases` makes a new array each time it is read).
  static let byIndex = allCases
}

extension Region {
  static let words: [StaticString] = ["north", "midlands and east", "london", "south"]
  /// The regions in word order (`allCases` makes a new array each time it is read).
  static let byIndex = allCases

  /// Parses a region straight from a cell's bytes.
  init?(row: CSVRow, slot: Int) {
    if let i = ByteMatch.index(row.trimmedBytes(slot), in: Self.words) {
      self = Self.byIndex[i]
    } else if let r = Region(name: row.string(slot)) {
      self = r
    } else {
      return nil
    }
  }
}
