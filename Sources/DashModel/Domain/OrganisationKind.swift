/// What sort of body an organisation is.
public enum OrganisationKind: String, CaseIterable, Sendable, Hashable {
  case ccg
  case acuteTrust = "acute-trust"
  case mentalHealthTrust = "mental-health-trust"
  case communityTrust = "community-trust"
  case ambulanceTrust = "ambulance-trust"
  case council
  case other

  /// The label screens show.
  public var label: String {
    switch self {
    case .ccg: "CCG"
    case .acuteTrust: "acute trust"
    case .mentalHealthTrust: "mental health trust"
    case .communityTrust: "community trust"
    case .ambulanceTrust: "ambulance trust"
    case .council: "council"
    case .other: "other"
    }
  }

  /// Parses a kind as written in `organisations.csv`, ignoring case.
  public init?(code: String) {
    self.init(rawValue: String(code.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 }))
  }

  /// The list of valid codes, for messages.
  public static var validCodes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
