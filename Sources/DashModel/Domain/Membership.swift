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

/// A dataset's memberships, column by column: each one's organisation and
/// footprint in 32 bits, and its share as a byte naming one of the few
/// shares a file uses (most are 1): 9 bytes a membership where a
/// ``Membership`` takes 16. A file with more than 255 different shares keeps
/// every share whole. Shares are told apart by their bits, so each reads
/// back as exactly the number the file gave.
public struct MembershipList: RandomAccessCollection, Sendable, Equatable {
  private var orgs: [Int32] = []
  private var footprints: [Int32] = []
  /// Per membership, its share's place in `shareValues` (empty when `shares` is used).
  private var shareCodes: [UInt8] = []
  private var shareValues: [Double] = []
  /// Every share, when there are too many different ones to name by a byte.
  private var shares: [Double] = []

  /// The memberships given, in order.
  public init(_ list: [Membership]) {
    orgs.reserveCapacity(list.count)
    footprints.reserveCapacity(list.count)
    shareCodes.reserveCapacity(list.count)
    var codeOf: [UInt64: UInt8] = [:]
    for m in list {
      orgs.append(Int32(truncatingIfNeeded: m.org.index))
      footprints.append(Int32(truncatingIfNeeded: m.footprint.index))
      guard shares.isEmpty else {
        shares.append(m.share)
        continue
      }
      if let code = codeOf[m.share.bitPattern] {
        shareCodes.append(code)
      } else if shareValues.count <= Int(UInt8.max) {
        codeOf[m.share.bitPattern] = UInt8(shareValues.count)
        shareCodes.append(UInt8(shareValues.count))
        shareValues.append(m.share)
      } else {
        shares = shareCodes.map { shareValues[Int($0)] } + [m.share]
        shareCodes = []
      }
    }
  }

  /// The first membership.
  public var startIndex: MembershipID { MembershipID(0) }
  /// One past the last membership.
  public var endIndex: MembershipID { MembershipID(orgs.count) }

  /// Equal when they hold the same memberships in the same order, however
  /// their shares are stored.
  public static func == (a: Self, b: Self) -> Bool {
    a.orgs == b.orgs && a.footprints == b.footprints && a.indices.allSatisfy { a[$0].share == b[$0].share }
  }

  /// The organisation's index of the membership at `i`, without the whole value.
  @inline(__always)
  func orgIndex(_ i: Int) -> Int { Int(orgs[i]) }

  /// The footprint's index of the membership at `i`.
  @inline(__always)
  func footprintIndex(_ i: Int) -> Int { Int(footprints[i]) }

  /// A membership.
  public subscript(id: MembershipID) -> Membership {
    let i = id.index
    return Membership(
      org: OrganisationID(Int(orgs[i])), footprint: FootprintID(Int(footprints[i])),
      share: shares.isEmpty ? shareValues[Int(shareCodes[i])] : shares[i])
  }
}
