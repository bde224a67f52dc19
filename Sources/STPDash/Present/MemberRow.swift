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
  /// Its refusal alone would stop the footprint's plan balancing.
  var pivotal = false
  /// Assumed refusing, for a what-if.
  var assumed = false

  /// The members of a footprint, ordered by kind then name.
  static func rows(
    footprint f: FootprintID, analysis: Analysis, flags: FlagSet, delivery: Delivery, assumed: Set<OrganisationID> = []
  ) -> [MemberRow] {
    let d = analysis.dataset
    let pivotal = Set(analysis.pivotalMembers(footprint: f, delivery: delivery))
    let footprintCode = d.footprints[f].code
    return d.membersOfFootprint[f].map { m in
      let ms = d.memberships[m]
      let org = d.organisations[ms.org]
      return MemberRow(
        membership: m, org: ms.org, footprintCode: footprintCode, code: org.code, name: org.name, kind: org.kind,
        share: ms.share,
        stance: d.stance(membership: m),
        stanceIllustrative: d.stanceRecord(membership: m)?.basis == .illustrative,
        flagged: flags.contains(org: ms.org, footprint: f),
        savings: analysis.membershipSavings[m].map { $0 * delivery.factor },
        illustrative: d.finance.hasIllustrative(entity: d.finance.entity(organisation: ms.org)),
        pivotal: pivotal.contains(m), assumed: assumed.contains(ms.org))
    }.sorted(by: MemberColumn.kind.order(ascending: true))
  }

  /// The members as a list shows them: those the filter keeps, in a column's order.
  static func listed(
    footprint f: FootprintID, analysis: Analysis, flags: FlagSet, delivery: Delivery, assumed: Set<OrganisationID>,
    filter: FilterQuery?, sort: MemberColumn, ascending: Bool
  ) -> [MemberRow] {
    var rows = Self.rows(footprint: f, analysis: analysis, flags: flags, delivery: delivery, assumed: assumed)
    if let filter, !filter.isEmpty { rows = rows.filter { filter.matches(.member($0, assumed: $0.assumed)) } }
    return rows.sorted(by: sort.order(ascending: ascending))
  }
}
