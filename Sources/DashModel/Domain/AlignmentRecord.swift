/// A member body's stance on its footprint's plan, at a date.
public struct AlignmentRecord: Sendable, Hashable {
  /// Index of the organisation.
  public var org: Int
  /// Index of the footprint.
  public var footprint: Int
  /// The stance taken.
  public var stance: Stance
  /// When, as an ISO date (`2016-08-26`), if known.
  public var asOf: String?
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
    org: Int, footprint: Int, stance: Stance, asOf: String? = nil, note: String? = nil,
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
