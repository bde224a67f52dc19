#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One bit per grid slot: which slots a chunk of `finance.csv` wrote. Written
/// by one thread, read after every chunk is done.
final class SlotBitmap: @unchecked Sendable {
  let count: Int
  private let words: UnsafeMutablePointer<UInt64>
  private let wordCount: Int
  /// The lowest and highest word touched, so comparing two maps skips the rest.
  private var low = Int.max
  private var high = -1

  init(count: Int) {
    self.count = count
    wordCount = max(1, (count + 63) / 64)
    // calloc: zeroed pages the system hands out untouched until written.
    if let p = calloc(wordCount, MemoryLayout<UInt64>.stride) {
      words = p.assumingMemoryBound(to: UInt64.self)
      fromCalloc = true
    } else {
      words = .allocate(capacity: wordCount)
      words.initialize(repeating: 0, count: wordCount)
      fromCalloc = false
    }
  }

  private let fromCalloc: Bool

  deinit { if fromCalloc { free(words) } else { words.deallocate() } }

  @inline(__always)
  func insert(_ slot: Int) {
    let w = slot >> 6
    words[w] |= 1 << UInt64(slot & 63)
    if w < low { low = w }
    if w > high { high = w }
  }

  /// The slots `other` wrote that this map (or any absorbed before) holds;
  /// then this map holds `other`'s too. One pass over each map's words,
  /// however many maps are absorbed in turn.
  func absorb(_ other: SlotBitmap) -> [Int] {
    guard other.low <= other.high else { return [] }
    var out: [Int] = []
    for w in other.low...other.high {
      let theirs = other.words[w]
      if theirs == 0 { continue }
      var both = words[w] & theirs
      while both != 0 {
        out.append(w << 6 | both.trailingZeroBitCount)
        both &= both - 1
      }
      words[w] |= theirs
    }
    low = min(low, other.low)
    high = max(high, other.high)
    return out
  }
}
