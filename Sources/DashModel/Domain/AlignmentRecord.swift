/// A member body's stance on its footprint's plan, at a date.
public struct AlignmentRecord: Sendable, Hashable {
  /// The organisation.
  public var org: OrganisationID
  /// The footprint.
  public var footprint: FootprintID
  /// The stance taken.
  public var stance: Stance
  /// When, if known (as precisely as the source says).
  public var asOf: EventDate?
  /// A note on the stance.
  public var note: String?
  /// Where the stance is reported.
  public var source: String?
  /// Reported, or made up to illustrate.
  public var basis: Basis
  /// The line in `alignment.csv`.
  public var line: Int
  /// A caveat on a reported stance (only a campaign's word, a date unclear).
  public var caveat: String?
  /// The kind of source it rests on, when the data say.
  public var sourceKind: SourceKind?

  /// How the stance stands (see ``FigureStanding``).
  public var standing: FigureStanding {
    basis == .illustrative ? .illustrative : (caveat == nil ? .reported : .caveat)
  }

  /// Creates a record.
  public init(
    org: OrganisationID, footprint: FootprintID, stance: Stance, asOf: EventDate? = nil, note: String? = nil,
    source: String? = nil, basis: Basis = .reported, line: Int = 0, caveat: String? = nil,
    sourceKind: SourceKind? = nil
  ) {
    self.caveat = caveat
    self.sourceKind = sourceKind
    self.org = org
    self.footprint = footprint
    self.stance = stance
    self.asOf = asOf
    self.note = note
    self.source = source
    self.basis = basis
    self.line = line
  }
}
