/// An organisation's place in a footprint, with the part of it that lies there.
public struct Membership: Sendable, Hashable {
  /// Index of the organisation in ``Dataset/organisations``.
  public var org: Int
  /// Index of the footprint in ``Dataset/footprints``.
  public var footprint: Int
  /// The part of the organisation in this footprint, in (0, 1].
  public var share: Double

  /// Creates a membership.
  public init(org: Int, footprint: Int, share: Double) {
    self.org = org
    self.footprint = footprint
    self.share = share
  }
}
