import DashModel

/// A footprint's member, as the footprint views and reports list it.
struct MemberRow: Hashable {
  var membership: MembershipID
  var org: OrganisationID
  /// The footprint's code.
  var footprintCode: String
  var code: String
  var name: String
  var kind: OrganisationKind
  var share: Double
  var stance: Stance
  /// Whether the stance is made up to illustrate.
  var stanceIllustrative: Bool
  var flagged: Bool
  /// Planned savings in 2020/21 for the share in this footprint, at the delivery setting.
  var savings: Double?
  var illustrative: Bool
  /// Its refusal alone would stop the footprint's plan balancing, after
  /// the refusals counted (never a refusing member).
  var pivotal = false
  /// Assumed refusing, for a what-if.
  var assumed = false
  /// Counted as refusing (its stance under the refusing rule, a flag, or assumed).
  var refusing = false
  /// Its Coleman power to block the plan, 0–1 (`nil`: it refuses, or no
  /// coalition of cooperating members balances the plan).
  var power: Double? = nil
  /// Its normalised Banzhaf index, 0–1.
  var banzhaf: Double? = nil
  /// The record behind its stance (date, source, caveat), if any.
  var stanceRecord: AlignmentRecord? = nil

  /// How the stance stands; `nil` when no record says.
  var stanceStanding: FigureStanding? { stanceRecord?.standing }

  /// The members of a footprint, ordered by kind then name.
  static func rows(footprint f: FootprintID, analysis: Analysis, refusals: Refusals, delivery: Delivery) -> [MemberRow]
  {
    let d = analysis.dataset
    let plan = analysis.blocking(footprint: f, delivery: delivery, refusals: refusals)
    let pivotal = Set(plan.pivotal)
    let refusing = Set(plan.refusing)
    let game = analysis.blockingPower(footprint: f, delivery: delivery, refusals: refusals)
    let footprintCode = d.footprints[f].code
    return d.membersOfFootprint[f].map { m in
      let ms = d.memberships[m]
      let org = d.organisations[ms.org]
      let at = game?.members.firstIndex(of: m)
      return MemberRow(
        membership: m, org: ms.org, footprintCode: footprintCode, code: org.code, name: org.name, kind: org.kind,
        share: ms.share,
        stance: d.stance(membership: m),
        stanceIllustrative: d.stanceRecord(membership: m)?.basis == .illustrative,
        flagged: refusals.isFlagged(ms),
        savings: analysis.membershipSavings[m].map { $0 * delivery.factor },
        illustrative: d.finance.hasIllustrative(entity: d.finance.entity(organisation: ms.org)),
        pivotal: pivotal.contains(m), assumed: refusals.isAssumed(ms), refusing: refusing.contains(m),
        power: at.map { game?.coleman[$0] ?? 0 }, banzhaf: at.map { game?.banzhaf[$0] ?? 0 },
        stanceRecord: d.stanceRecord(membership: m))
    }.sorted(by: MemberColumn.kind.order(ascending: true))
  }

  /// The members as a list shows them: those the filter keeps, in a column's order.
  static func listed(
    footprint f: FootprintID, analysis: Analysis, refusals: Refusals, delivery: Delivery, filter: FilterQuery?,
    sort: MemberColumn, ascending: Bool
  ) -> [MemberRow] {
    var rows = Self.rows(footprint: f, analysis: analysis, refusals: refusals, delivery: delivery)
    if let filter, !filter.isEmpty { rows = rows.filter { filter.matches(.member($0, assumed: $0.assumed)) } }
    return rows.sorted(by: sort.order(ascending: ascending))
  }
}
