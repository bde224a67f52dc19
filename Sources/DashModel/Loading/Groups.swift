/// Entities grouped by another entity, stored flat: one array of items and
/// one of offsets, instead of an array per group (cheap to build for 50,000
/// groups). A footprint's memberships, an organisation's, a membership's
/// stance records.
public struct Groups<Key, Item>: RandomAccessCollection, Sendable {
  let offsets: [Int32]
  let items: [Int32]

  /// Groups item `value(i)` under `key(i)` for each position `i` below
  /// `count`, for keys in `0..<groupCount`, keeping each group in position
  /// order (no arrays of keys and values made first: at national scale
  /// each would be 4 MB).
  init(groupCount: Int, count: Int, key: (Int) -> Int, value: (Int) -> Int) {
    var counts = [Int32](repeating: 0, count: groupCount + 1)
    for i in 0..<count { counts[key(i) + 1] += 1 }
    for i in 0..<groupCount { counts[i + 1] += counts[i] }
    var next = counts
    var items = [Int32](repeating: 0, count: count)
    for i in 0..<count {
      let k = key(i)
      items[Int(next[k])] = Int32(truncatingIfNeeded: value(i))
      next[k] += 1
    }
    offsets = counts
    self.items = items
  }

  init(offsets: [Int32], items: [Int32]) {
    self.offsets = offsets
    self.items = items
  }

  /// The first group's key.
  public var startIndex: EntityID<Key> { EntityID(0) }
  /// One past the last group's key.
  public var endIndex: EntityID<Key> { EntityID(offsets.count - 1) }

  /// The items of one group, in order.
  public subscript(group: EntityID<Key>) -> Group {
    Group(items: items, start: Int(offsets[group.index]), end: Int(offsets[group.index + 1]))
  }

  /// The last item of one group, if it has any (read in place: no view made).
  @inline(__always)
  public func last(of group: EntityID<Key>) -> EntityID<Item>? {
    let end = Int(offsets[group.index + 1])
    return end > Int(offsets[group.index]) ? EntityID(Int(items[end - 1])) : nil
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

    /// The item at a position in the group.
    public subscript(i: Int) -> EntityID<Item> { EntityID(Int(items[start + i])) }
  }
}
