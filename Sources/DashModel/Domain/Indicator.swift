/// A fact beyond the trajectory, from `indicators.csv`: one value of one
/// indicator for one footprint or organisation in one year.
public struct IndicatorRecord: Sendable, Hashable {
  /// The footprint or organisation it belongs to.
  public var entity: FinanceEntity
  /// The financial year of the value.
  public var year: FinancialYear
  /// The indicator's name, for example `dhsc_loans_closing_balance`.
  public var indicator: String
  /// The value, in its unit.
  public var value: Double
  /// `gbp_m`, `count`, `percent` or any other word.
  public var unit: String
  /// Reported, or made up to illustrate.
  public var basis: Basis
  /// Where the value is reported.
  public var source: String?
  /// A caveat on the value.
  public var note: String?
  /// The line in `indicators.csv`.
  public var line: Int
  /// When the value was known (a decision's date), if the data say.
  public var asOf: EventDate? = nil
}

/// The indicators STPDash knows by name (any other is listed as it is named).
public enum Indicator {
  /// Closing balance of Department of Health (Section 40) loans to a trust, £m.
  public static let dhscLoans = "dhsc_loans_closing_balance"
  /// Whether a trust had accepted its financial control total (1 yes, 0 no), as of a date.
  public static let controlTotalAccepted = "control_total_accepted"
  /// A trust's deficit for the year as it predicted it at the time, £m.
  public static let predictedDeficit = "predicted_deficit"
}

/// An indicator summed over a footprint's members (share-weighted), by year.
public struct FootprintIndicator: Sendable, Hashable {
  /// The sum in each year that has any figure (`nil` otherwise), by year index.
  public var values: [Double?]
  /// How many members have a figure in some year.
  public var parts: Int
  /// Whether any figure behind it is illustrative.
  public var illustrative: Bool
  /// The distinct sources of the figures.
  public var sources: [String]

  /// The latest year with a figure, and the figure.
  public var latest: (year: FinancialYear, value: Double)? {
    for y in FinancialYear.all.reversed() { if let v = values[y.index] { return (y, v) } }
    return nil
  }

  /// The earliest year with a figure, and the figure.
  public var earliest: (year: FinancialYear, value: Double)? {
    for y in FinancialYear.all { if let v = values[y.index] { return (y, v) } }
    return nil
  }

  /// The change from the earliest to the latest year with a figure.
  public var change: Double? {
    guard let a = earliest, let b = latest, a.year != b.year else { return nil }
    return b.value - a.value
  }
}

/// A footprint's place on the hex map (`hexmap.csv`): odd-r offset
/// coordinates, row 1 at the south.
public struct HexCell: Sendable, Hashable {
  /// The footprint placed here.
  public var footprint: FootprintID
  /// Column.
  public var q: Int
  /// Row, 1 at the south.
  public var r: Int
  /// A short label (2–4 letters).
  public var label: String
}
