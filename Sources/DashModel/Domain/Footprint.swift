/// One of the 44 STP footprints: an area whose NHS bodies and councils drew up one plan.
public struct Footprint: Sendable, Hashable, Identifiable {
  /// ONS code, for example `E54000027`.
  public var code: String
  /// Name, for example `North West London`.
  public var name: String
  /// NHS England region.
  public var region: Region
  /// The named leader, when known.
  public var leader: String?
  /// The leader's role at the time, when known.
  public var leaderRole: String?
  /// Resident population, when known.
  public var population: Int?
  /// Whether the population is reported or illustrative.
  public var populationBasis: Basis
  /// July 2017 progress rating, when known.
  public var rating: Rating?
  /// Where the row's facts come from.
  public var source: String?
  /// A caveat on the row's figures (its population: its year, how it was made).
  public var note: String?
  /// When the rating was published (a view as of an earlier day has none).
  public var ratingAsOf: EventDate?
  /// A caveat on the rating (inferred, not stated).
  public var ratingNote: String?

  /// How the rating stands: reported, or with a caveat (inferred).
  public var ratingStanding: FigureStanding { ratingNote == nil ? .reported : .caveat }

  /// The code identifies a footprint.
  public var id: String { code }

  /// Creates a footprint.
  public init(
    code: String, name: String, region: Region, leader: String? = nil, leaderRole: String? = nil,
    population: Int? = nil, populationBasis: Basis = .reported, rating: Rating? = nil, source: String? = nil,
    note: String? = nil
  ) {
    self.code = code
    self.name = name
    self.region = region
    self.leader = leader
    self.leaderRole = leaderRole
    self.population = population
    self.populationBasis = populationBasis
    self.rating = rating
    self.source = source
    self.note = note
  }

  /// Whether the population is reported but carries a caveat.
  public var populationCaveat: Bool { population != nil && populationBasis == .reported && note != nil }
}
