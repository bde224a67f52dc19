/// Every figure of `finance.csv`, in one dense grid.
///
/// Entities are numbered footprints first (`0..<footprintCount`), then
/// organisations. Each entity has six years × three scenarios; a missing row
/// and an empty `gbp_m` both read as `nil` ("not known", never zero).
public struct FinanceTable: Sendable {
  /// Slots per entity: years × scenarios.
  public static let slotsPerEntity = FinancialYear.count * Scenario.allCases.count

  /// How many footprints lead the entity numbering.
  public let footprintCount: Int
  /// Values in £ million; NaN where not known.
  var values: [Double]
  /// Basis per slot: 0 no row, 1 reported, 2 illustrative.
  var bases: [UInt8]
  /// Source per slot, an index into `sources` (0 = none).
  var sourceIDs: [Int32]
  /// Distinct source texts; index 0 is the empty source.
  public internal(set) var sources: [String]

  /// Creates an empty table for the given numbers of footprints and organisations.
  public init(footprintCount: Int, organisationCount: Int) {
    self.footprintCount = footprintCount
    let n = (footprintCount + organisationCount) * Self.slotsPerEntity
    values = [Double](repeating: .nan, count: n)
    bases = [UInt8](repeating: 0, count: n)
    sourceIDs = [Int32](repeating: 0, count: n)
    sources = [""]
  }

  @inline(__always)
  static func slot(entity: Int, year: Int, scenario: Int) -> Int {
    entity * slotsPerEntity + year * Scenario.allCases.count + scenario
  }

  /// The entity number of a footprint index.
  @inline(__always)
  public func entity(footprint: Int) -> Int { footprint }

  /// The entity number of an organisation index.
  @inline(__always)
  public func entity(organisation: Int) -> Int { footprintCount + organisation }

  /// The figure for an entity, year and scenario, or `nil` when not known.
  @inline(__always)
  public func value(entity: Int, year: FinancialYear, scenario: Scenario) -> Double? {
    let v = values[Self.slot(entity: entity, year: year.index, scenario: scenario.rawValue)]
    return v.isNaN ? nil : v
  }

  /// Whether a row exists for the slot (even one with an empty `gbp_m`).
  public func hasRow(entity: Int, year: FinancialYear, scenario: Scenario) -> Bool {
    bases[Self.slot(entity: entity, year: year.index, scenario: scenario.rawValue)] != 0
  }

  /// The basis of the slot's row, or `nil` when there is no row.
  public func basis(entity: Int, year: FinancialYear, scenario: Scenario) -> Basis? {
    Basis(rawValue: bases[Self.slot(entity: entity, year: year.index, scenario: scenario.rawValue)])
  }

  /// The source text of the slot's row, or `nil`.
  public func source(entity: Int, year: FinancialYear, scenario: Scenario) -> String? {
    let id = Int(sourceIDs[Self.slot(entity: entity, year: year.index, scenario: scenario.rawValue)])
    return id == 0 ? nil : sources[id]
  }

  /// Whether any row of the entity is illustrative.
  public func hasIllustrative(entity: Int) -> Bool {
    let s = entity * Self.slotsPerEntity
    for i in s..<(s + Self.slotsPerEntity) where bases[i] == Basis.illustrative.rawValue { return true }
    return false
  }

  /// Whether the entity has any row at all.
  public func hasAnyRow(entity: Int) -> Bool {
    let s = entity * Self.slotsPerEntity
    for i in s..<(s + Self.slotsPerEntity) where bases[i] != 0 { return true }
    return false
  }
}
