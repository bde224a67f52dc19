import DashModel

/// A screen of the dashboard, with what it shows.
enum Screen: Hashable {
  case league
  /// A footprint's trajectory, or England's when `nil`.
  case trajectory(FootprintID?)
  /// A footprint's facts and members.
  case footprint(FootprintID)
  /// An organisation; `context` is the footprint it was reached from.
  case organisation(OrganisationID, context: FootprintID?)
  case flags
  /// Every organisation.
  case organisations
  /// The footprints on a hex map.
  case map
  /// The regions side by side.
  case regions

  /// The keymap scopes that apply.
  var scopes: Set<Scope> {
    switch self {
    case .league: [.league, .lists]
    case .trajectory: [.trajectory]
    case .footprint: [.footprint, .lists]
    case .organisation: [.organisation, .lists]
    case .flags: [.flags, .lists]
    case .organisations: [.organisations, .lists]
    case .map: [.map]
    case .regions: [.regions]
    }
  }

  /// The numbered tab this screen belongs to.
  var tab: Tab? {
    switch self {
    case .league: .league
    case .trajectory: .trajectory
    case .footprint: .footprint
    case .flags: .flags
    case .organisations: .organisations
    case .map: .map
    case .regions: .regions
    case .organisation: nil
    }
  }
}
