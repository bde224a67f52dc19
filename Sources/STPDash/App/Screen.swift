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
  /// The proposed service changes and their referrals.
  case changes
}

/// The screens reached by number.
enum Tab: Int, CaseIterable {
  case league = 1, trajectory, footprint, flags, organisations, map, regions, changes

  var title: String {
    switch self {
    case .league: "League"
    case .trajectory: "Trajectory"
    case .footprint: "Footprint"
    case .flags: "Flags"
    case .organisations: "Orgs"
    case .map: "Map"
    case .regions: "Regions"
    case .changes: "Changes"
    }
  }
}

/// Where a key binding applies.
enum Scope: Hashable {
  case everywhere, league, trajectory, footprint, organisation, flags, organisations, map, regions, changes
  /// Any screen with a list to move through.
  case lists
}

/// What a screen declares about itself, in one place: the keys that apply,
/// its tab, the filter its list takes, the table whose columns can be
/// chosen, and the hints its status line gives (made from the keymap).
struct ScreenSpec {
  var scopes: Set<Scope>
  var tab: Tab?
  var filter: FilterScope?
  var table: TableName?
  /// The status line's hints: each a group of commands and what they do.
  var hints: [(commands: [Command], word: String)]
}

extension Screen {
  /// This screen's declaration.
  var spec: ScreenSpec {
    switch self {
    case .league:
      ScreenSpec(
        scopes: [.league, .lists], tab: .league, filter: .league, table: .league,
        hints: [
          ([.help], "help"), ([.drill], "open"), ([.sortNext], "sort"), ([.filter], "filter"), ([.goTo], "go to"),
          ([.deliveryUp, .deliveryDown, .observedDelivery], "delivery"), ([.quit], "quit"),
        ])
    case .trajectory(let f):
      ScreenSpec(
        scopes: [.trajectory], tab: .trajectory,
        // England's trajectory has no members to open.
        hints: f == nil
          ? [
            ([.help], "help"), ([.previousFootprint, .nextFootprint], "footprint"),
            ([.deliveryUp, .deliveryDown], "delivery"), ([.export], "export"), ([.quit], "quit"),
          ]
          : [
            ([.help], "help"), ([.previousFootprint, .nextFootprint], "footprint"), ([.england], England.name),
            ([.deliveryUp, .deliveryDown], "delivery"), ([.drill], "members"), ([.quit], "quit"),
          ])
    case .footprint:
      ScreenSpec(
        scopes: [.footprint, .lists], tab: .footprint, filter: .members, table: .members,
        hints: [
          ([.help], "help"), ([.drill], "organisation"), ([.flag], "flag"), ([.assumeRefusing], "assume refusing"),
          ([.sortNext], "sort"), ([.previousFootprint, .nextFootprint], "footprint"), ([.quit], "quit"),
        ])
    case .organisation:
      ScreenSpec(
        scopes: [.organisation, .lists],
        hints: [
          ([.help], "help"), ([.drill], "footprint"), ([.flag], "flag"), ([.unflag], "unflag"),
          ([.pageDown], "more"), ([.back], "back"),
        ])
    case .flags:
      ScreenSpec(
        scopes: [.flags, .lists], tab: .flags, filter: .flags,
        hints: [
          ([.help], "help"), ([.drill], "organisation"), ([.unflag], "unflag"), ([.filter], "filter"),
          ([.export], "export"), ([.back], "back"),
        ])
    case .organisations:
      ScreenSpec(
        scopes: [.organisations, .lists], tab: .organisations, filter: .organisations, table: .organisations,
        hints: [
          ([.help], "help"), ([.drill], "open"), ([.assumeRefusing], "assume refusing"), ([.filter], "filter"),
          ([.sortNext], "sort"), ([.goTo], "go to"), ([.quit], "quit"),
        ])
    case .map:
      ScreenSpec(
        scopes: [.map], tab: .map, filter: .league,
        hints: [
          ([.help], "help"), ([], "arrows move"), ([.drill], "open"), ([.sortNext], "colour by"),
          ([.filter], "filter"), ([.provenance], "sources"), ([.quit], "quit"),
        ])
    case .changes:
      ScreenSpec(
        scopes: [.changes, .lists], tab: .changes, filter: .changes, table: .changes,
        hints: [
          ([.help], "help"), ([.drill], "footprint"), ([.provenance], "sources"), ([.sortNext], "sort"),
          ([.filter], "filter"), ([.asOfEarlier, .asOfLater], "as of"), ([.quit], "quit"),
        ])
    case .regions:
      ScreenSpec(
        scopes: [.regions, .lists], tab: .regions, table: .regions,
        hints: [
          ([.help], "help"), ([.deliveryUp, .deliveryDown, .observedDelivery], "delivery"), ([.export], "export"),
          ([.provenance], "sources"), ([.quit], "quit"),
        ])
    }
  }

  /// The keymap scopes that apply.
  var scopes: Set<Scope> { spec.scopes }

  /// The numbered tab this screen belongs to.
  var tab: Tab? { spec.tab }
}
