/// Which entity of one kind in a ``Dataset``: a footprint, an organisation,
/// a membership or a stance record. An identity is only meaningful with the
/// dataset that gave it (a reload gives new ones: find an entity again by its
/// code). Identities of one kind are ordered as the data files list them.
public struct EntityID<Kind>: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
  /// The position, held in 32 bits: arrays of identities (every
  /// membership names an organisation and a footprint) take half the
  /// memory, and no dataset has two thousand million of anything.
  private let position: Int32

  /// The position in the dataset's storage.
  package var index: Int { Int(position) }

  package init(_ index: Int) { position = Int32(truncatingIfNeeded: index) }

  /// Whether `a` comes before `b` in the data files.
  public static func < (a: Self, b: Self) -> Bool { a.index < b.index }

  /// How many entities lie between two identities (for collections indexed by them).
  public func distance(to other: Self) -> Int { other.index - index }

  /// The identity `n` entities further on (for collections indexed by them).
  public func advanced(by n: Int) -> Self { Self(index + n) }

  /// `#` and the position, for debugging output only.
  public var description: String { "#\(index)" }
}

/// A footprint of a dataset.
public typealias FootprintID = EntityID<Footprint>
/// An organisation of a dataset.
public typealias OrganisationID = EntityID<Organisation>
/// A membership (an organisation in a footprint) of a dataset.
public typealias MembershipID = EntityID<Membership>
/// A stance record of a dataset (a line of `alignment.csv`).
public typealias StanceRecordID = EntityID<AlignmentRecord>

/// Values kept per entity of one kind, indexed by its identity: a dataset's
/// footprints, or an analysis's figure for each membership.
public struct EntityList<Kind, Element>: RandomAccessCollection {
  package var storage: [Element]

  package init(_ storage: [Element]) { self.storage = storage }

  /// The first entity.
  public var startIndex: EntityID<Kind> { EntityID(0) }
  /// One past the last entity.
  public var endIndex: EntityID<Kind> { EntityID(storage.count) }

  /// The value kept for an entity.
  public subscript(id: EntityID<Kind>) -> Element {
    @inline(__always) get { storage[id.index] }
  }
}

extension EntityList: Sendable where Element: Sendable {}
extension EntityList: Equatable where Element: Equatable {}
extension EntityList: Hashable where Element: Hashable {}

/// A figure per entity of one kind, or none: eight bytes each where an
/// array of `Double?` takes sixteen (a figure per membership, at national
/// scale half a million of them). "None" is held as one NaN pattern that
/// no arithmetic makes (a NaN a sum made stays a NaN).
public struct FigureList<Kind>: Sendable {
  package var storage: [Double]

  /// The pattern that stands for "none".
  package static var none: Double { Double(bitPattern: 0x7FF8_5354_5044_0000) }

  /// Figures stored so: ``none`` where there is none.
  package init(storage: [Double]) { self.storage = storage }

  /// The entity's figure, or `nil`.
  public subscript(id: EntityID<Kind>) -> Double? { Self.figure(storage[id.index]) }

  /// A stored value as a figure.
  @inline(__always)
  package static func figure(_ v: Double) -> Double? { v.bitPattern == none.bitPattern ? nil : v }

  /// How many entities.
  public var count: Int { storage.count }
}
