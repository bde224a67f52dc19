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

  /// The slots in both maps.
  func intersection(_ other: SlotBitmap) -> [Int] {
    let from = max(low, other.low)
    let to = min(high, other.high)
    guard from <= to else { return [] }
    var out: [Int] = []
    for w in from...to {
      var both = words[w] & other.words[w]
      while both != 0 {
        out.append(w << 6 | both.trailingZeroBitCount)
        both &= both - 1
      }
    }
    return out
  }
}
