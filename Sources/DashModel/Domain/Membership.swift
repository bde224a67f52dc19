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
  /// Each share's byte, by its bits (while the list is made).
  private var codeOf: [UInt64: UInt8] = [:]
  /// The last share appended and its byte: most follow one like them.
  private var last: (bits: UInt64, code: UInt8)? = nil

  /// The memberships given, in order.
  public init(_ list: [Membership]) {
    reserveCapacity(list.count)
    for m in list { append(m) }
    finish()
  }

  /// An empty list with room for `n` memberships, to ``append(_:)`` to.
  init(capacity n: Int) { reserveCapacity(n) }

  private mutating func reserveCapacity(_ n: Int) {
    orgs.reserveCapacity(n)
    footprints.reserveCapacity(n)
    shareCodes.reserveCapacity(n)
  }

  /// Adds a membership at the end (a reader keeps them so as it reads, with
  /// no whole values beside them).
  mutating func append(_ m: Membership) {
    orgs.append(Int32(truncatingIfNeeded: m.org.index))
    footprints.append(Int32(truncatingIfNeeded: m.footprint.index))
    guard shares.isEmpty else {
      shares.append(m.share)
      return
    }
    let bits = m.share.bitPattern
    if let last, last.bits == bits {
      shareCodes.append(last.code)
    } else if let code = codeOf[bits] {
      shareCodes.append(code)
      last = (bits, code)
    } else if shareValues.count <= Int(UInt8.max) {
      let code = UInt8(shareValues.count)
      codeOf[bits] = code
      shareCodes.append(code)
      shareValues.append(m.share)
      last = (bits, code)
    } else {
      shares = shareCodes.map { shareValues[Int($0)] } + [m.share]
      shareCodes = []
    }
  }

  /// Lets go of what only making the list needed.
  mutating func finish() {
    codeOf = [:]
    last = nil
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
