/// An organisation's place in a footprint, with the part of it that lies there.
public struct Membership: Sendable, Hashable {
  /// The organisation.
  public var org: OrganisationID
  /// The footprint.
  public var footprint: FootprintID
  /// The part of the organisation in this footprint, in (0, 1].
  public var share: Double

  /// Creates a membership.
  public init(org: OrganisationID, footprint: FootprintID, share: Double) {
    self.org = org
    self.footprint = footprint
    self.share = share
  }
}
