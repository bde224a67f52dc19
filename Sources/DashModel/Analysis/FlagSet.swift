/// The (organisation, footprint) pairs that carry an active flag.
public struct FlagSet: Sendable, Hashable {
  var keys: Set<Int64>

  /// No flags.
  public init() { keys = [] }

  /// Flags for the given pairs.
  public init(_ pairs: [(org: OrganisationID, footprint: FootprintID)]) {
    keys = Set(pairs.map { Dataset.key(org: $0.org, footprint: $0.footprint) })
  }

  /// Whether the organisation is flagged in the footprint.
  public func contains(org: OrganisationID, footprint: FootprintID) -> Bool {
    !keys.isEmpty && keys.contains(Dataset.key(org: org, footprint: footprint))
  }

  /// How many pairs are flagged.
  public var count: Int { keys.count }

  /// Adds a pair.
  public mutating func insert(org: OrganisationID, footprint: FootprintID) {
    keys.insert(Dataset.key(org: org, footprint: footprint))
  }

  /// Removes a pair.
  public mutating func remove(org: OrganisationID, footprint: FootprintID) {
    keys.remove(Dataset.key(org: org, footprint: footprint))
  }
}
