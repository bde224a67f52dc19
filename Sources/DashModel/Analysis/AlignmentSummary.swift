/// How a footprint's members stand: counts per stance.
public struct AlignmentSummary: Sendable, Hashable {
  /// Members per stance, indexed by ``Stance/rawValue``.
  public var counts: [Int]

  /// An empty summary.
  public init() { counts = Array(repeating: 0, count: Stance.allCases.count) }

  /// Members with this stance.
  public func count(_ stance: Stance) -> Int { counts[stance.rawValue] }

  /// All members counted.
  public var total: Int { counts.reduce(0, +) }

  /// Share of members aligned, or `nil` with no members.
  public var alignedShare: Double? { total == 0 ? nil : Double(count(.aligned)) / Double(total) }

  /// Adds one member's stance.
  public mutating func add(_ stance: Stance) { counts[stance.rawValue] += 1 }

  /// Adds another summary's counts.
  public mutating func add(_ other: AlignmentSummary) {
    for i in counts.indices { counts[i] += other.counts[i] }
  }
}
