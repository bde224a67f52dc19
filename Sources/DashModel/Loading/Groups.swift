/// Integer lists grouped by key, stored flat: one array of items and one of
/// offsets, instead of an array per group (cheap to build for 50,000 groups).
public struct Groups: RandomAccessCollection, Sendable {
  let offsets: [Int32]
  let items: [Int32]

  /// Groups `values[i]` under `keys[i]`, for keys in `0..<groupCount`, keeping
  /// each group in the order given.
  init(groupCount: Int, keys: [Int], values: [Int]) {
    var counts = [Int32](repeating: 0, count: groupCount + 1)
    for k in keys { counts[k + 1] += 1 }
    for i in 0..<groupCount { counts[i + 1] += counts[i] }
    var next = counts
    var items = [Int32](repeating: 0, count: keys.count)
    for (i, k) in keys.enumerated() {
      items[Int(next[k])] = Int32(values[i])
      next[k] += 1
    }
    offsets = counts
    self.items = items
  }

  init(offsets: [Int32], items: [Int32]) {
    self.offsets = offsets
    self.items = items
  }

  /// Groups are numbered from 0.
  public var startIndex: Int { 0 }
  /// One past the last group.
  public var endIndex: Int { offsets.count - 1 }

  /// The items of one group, in order.
  public subscript(group: Int) -> Group {
    Group(items: items, start: Int(offsets[group]), end: Int(offsets[group + 1]))
  }

  /// One group's items: a light view over the shared storage, indexed from
  /// zero like an array.
  public struct Group: RandomAccessCollection, Sendable {
    let items: [Int32]
    let start: Int
    /// Always 0.
    public var startIndex: Int { 0 }
    /// The number of items.
    public let endIndex: Int

    init(items: [Int32], start: Int, end: Int) {
      self.items = items
      self.start = start
      endIndex = end - start
    }

    public subscript(i: Int) -> Int { Int(items[start + i]) }
  }
}
