import DashModel

// The short forms narrow columns and axes use: presentation, kept here
// rather than in the model.

extension Region {
  /// A short form for narrow columns.
  var shortName: String { self == .midlandsAndEast ? "Mids & East" : name }
}

extension Rating {
  /// A short form for narrow columns (it still says what it means).
  var shortName: String {
    switch self {
    case .outstanding: "Outstanding"
    case .advanced: "Advanced"
    case .makingProgress: "Making prog"
    case .needsMostImprovement: "Needs impr."
    }
  }
}

extension FinancialYear {
  /// `15/16`, for narrow axes.
  var shortLabel: String { String(label.dropFirst(2)) }
}

extension OrganisationKind {
  /// A label of at most 9 characters for narrow tables.
  var shortLabel: String {
    switch self {
    case .ccg: "CCG"
    case .acuteTrust: "acute"
    case .mentalHealthTrust: "mental hl"
    case .communityTrust: "community"
    case .ambulanceTrust: "ambulance"
    case .council: "council"
    case .other: "other"
    }
  }
}

extension IndicatorRecord {
  /// How the indicator reads on screen.
  var indicatorLabel: String { Indicator.label(indicator) }

  /// The value with its unit: £m with one decimal, or the number and the unit.
  func formatted(pound: String = "£") -> String {
    switch unit {
    case "gbp_m": pound + NumberFormat.fixed(value, decimals: 1) + "m"
    case "percent": NumberFormat.fixed(value, decimals: 1) + "%"
    case "yes_no": value == 0 ? "no" : "yes"
    default: NumberFormat.fixed(value, decimals: value.rounded() == value ? 0 : 2) + " " + unit
    }
  }
}

extension Indicator {
  /// A readable label for an indicator's name.
  static func label(_ name: String) -> String {
    switch name {
    case dhscLoans: "DHSC loans"
    case controlTotalAccepted: "Control total accepted"
    case predictedDeficit: "Predicted deficit"
    default:
      name.split(separator: "_").enumerated().map { i, w in
        w == "stf" || w == "cmft" || w == "uclh" || w == "irp"
          ? w.uppercased() : (i == 0 ? w.prefix(1).uppercased() + w.dropFirst() : String(w))
      }.joined(separator: " ")
    }
  }
}
