/// A figure of the league that rows are ranked by and whose basis is
/// tracked (``LeagueRow/standing(_:)``). How each is titled, formatted and
/// laid out belongs to a front end.
public enum LeagueColumn: Int, CaseIterable, Sendable, Hashable {
  /// League position under the current sort.
  case rank
  /// The footprint's name.
  case name
  /// NHS England region.
  case region
  /// Member organisations.
  case members
  /// Do-nothing gap in 2020/21.
  case doNothing
  /// Gap in 2020/21 after the plan's savings, at the delivery setting.
  case plan
  /// Planned savings as a share of the do-nothing gap.
  case savingsPercent
  /// Do-nothing gap per resident.
  case perHead
  /// Share of members aligned with the plan.
  case aligned
  /// Members flagged as not cooperating.
  case flagged
  /// Planned savings of members counted as refusing.
  case atRisk
  /// Gap in 2020/21 at the delivery setting without the refusing members'
  /// savings (the plan with refusals; negative: to spare).
  case short
  /// NHS England's progress rating, July 2017.
  case rating
  /// Delivery of planned savings that would balance the 2020/21 plan.
  case needed
  /// Delivery so far, from the latest outturn.
  case delivered
  /// The first year the plan balances.
  case balance
  /// The largest single member's share of the planned savings.
  case veto
  /// Cooperating members whose refusal alone would stop the plan balancing,
  /// after the refusals counted.
  case pivotal
  /// The fewest cooperating members whose joint refusal sinks the plan.
  case blockers
  /// DHSC loans to the member trusts.
  case loans
  /// Proposed service changes (changes.csv).
  case changes
  /// Referrals of changes to the Secretary of State (referrals.csv).
  case referrals
}
