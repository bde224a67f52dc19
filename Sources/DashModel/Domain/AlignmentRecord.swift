/// A member body's stance on its footprint's plan, at a date.
public struct AlignmentRecord: Sendable, Hashable {
  /// The organisation.
  public var org: OrganisationID
  /// The footprint.
  public var footprint: FootprintID
  /// The stance taken.
  public var stance: Stance
  /// When, if known.
  public var asOf: Day?
  /// A note on the stance.
  public var note: String?
  /// Where the stance is reported.
  public var source: String?
  /// Reported, or made up to illustrate.
  public var basis: Basis
  /// The line in `alignment.csv`.
  public var line: Int

  /// Creates a record.
  public init(
    org: OrganisationID, footprint: FootprintID, stance: Stance, asOf: Day? = nil, note: String? = nil,
    source: String? = nil, basis: Basis = .reported, line: Int = 0
  ) {
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
