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
  /// One bit per page of words (``pageWords``) written in, so comparing
  /// two maps reads only those pages. A chunk of `finance.csv` writes two
  /// runs of slots far apart (its footprints' and their organisations'):
  /// a range from the lowest word to the highest would cover most of the
  /// map, and reading it would fault in every untouched page.
  private let pages: UnsafeMutablePointer<UInt64>
  private let pageWordCount: Int

  /// Words to a page: 4 KB of the map.
  static let pageWords = 512

  init(count: Int) {
    self.count = count
    wordCount = max(1, (count + 63) / 64)
    let pageCount = (wordCount + Self.pageWords - 1) / Self.pageWords
    pageWordCount = max(1, (pageCount + 63) / 64)
    pages = .allocate(capacity: pageWordCount)
    pages.initialize(repeating: 0, count: pageWordCount)
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

  deinit {
    if fromCalloc { free(words) } else { words.deallocate() }
    pages.deallocate()
  }

  @inline(__always)
  func insert(_ slot: Int) {
    let w = slot >> 6
    words[w] |= 1 << UInt64(slot & 63)
    let page = w / Self.pageWords
    pages[page >> 6] |= 1 << UInt64(page & 63)
  }

  /// The slots `other` wrote that this map (or any absorbed before) holds;
  /// then this map holds `other`'s too. One pass over the pages `other`
  /// wrote in, however many maps are absorbed in turn.
  func absorb(_ other: SlotBitmap) -> [Int] {
    var out: [Int] = []
    for k in 0..<min(pageWordCount, other.pageWordCount) {
      var theirPages = other.pages[k]
      pages[k] |= theirPages
      while theirPages != 0 {
        let page = k << 6 | theirPages.trailingZeroBitCount
        theirPages &= theirPages - 1
        for w in page * Self.pageWords..<min(wordCount, other.wordCount, (page + 1) * Self.pageWords) {
          let theirs = other.words[w]
          if theirs == 0 { continue }
          var both = words[w] & theirs
          while both != 0 {
            out.append(w << 6 | both.trailingZeroBitCount)
            both &= both - 1
          }
          words[w] |= theirs
        }
      }
    }
    return out
  }
}
