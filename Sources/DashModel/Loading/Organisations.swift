/// Every organisation, in file order: an array-like collection over the
/// pieces the loader read in parallel, kept as they are rather than copied
/// into one array (at national scale that copy is tens of megabytes).
public struct Organisations: RandomAccessCollection, Sendable {
  private let parts: [[Organisation]]
  /// The index of each part's first element, and the total at the end.
  private let starts: [Int]

  /// The organisations of the given parts, in order.
  init(parts: [[Organisation]]) {
    let kept = parts.filter { !$0.isEmpty }
    self.parts = kept
    var starts = [0]
    for p in kept { starts.append(starts[starts.count - 1] + p.count) }
    self.starts = starts
  }

  /// The organisations of an array.
  public init(_ organisations: [Organisation]) { self.init(parts: [organisations]) }

  /// The first index.
  public var startIndex: Int { 0 }
  /// One past the last index.
  public var endIndex: Int { starts[starts.count - 1] }

  /// The organisation at a position.
  public subscript(i: Int) -> Organisation {
    if parts.count == 1 { return parts[0][i] }
    var lo = 0
    var hi = parts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
    }
    return parts[lo][i - starts[lo]]
  }
}

extension Organisations: Equatable {
  public static func == (a: Organisations, b: Organisations) -> Bool { a.elementsEqual(b) }
}
