/// A set of league columns as a bitmask: no allocation per row.
public struct ColumnSet: Sendable, Hashable {
  var bits: UInt32 = 0

  /// The empty set.
  public init() {}

  /// The set of these columns.
  public init(_ columns: LeagueColumn...) {
    for c in columns { insert(c) }
  }

  /// Whether the column is in the set.
  @inline(__always)
  public func contains(_ c: LeagueColumn) -> Bool { bits & (1 << UInt32(c.rawValue)) != 0 }

  /// Adds a column.
  public mutating func insert(_ c: LeagueColumn) { bits |= 1 << UInt32(c.rawValue) }

  /// Takes a column out.
  public mutating func remove(_ c: LeagueColumn) { bits &= ~(1 << UInt32(c.rawValue)) }

  /// Adds every column of another set.
  public mutating func formUnion(_ other: ColumnSet) { bits |= other.bits }

  /// Whether the set is empty.
  public var isEmpty: Bool { bits == 0 }
}
