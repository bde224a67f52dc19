/// One organisation across every footprint it belongs to: what it holds of
/// the plans' savings, how it stands, and whether its refusal alone would
/// stop a plan balancing.
public struct OrganisationLine: Sendable, Hashable {
  /// The organisation.
  public var org: OrganisationID
  /// Its code.
  public var code: String
  /// Its name.
  public var name: String
  /// What sort of body it is.
  public var kind: OrganisationKind
  /// The footprints it belongs to, its main one (largest share of savings) first.
  public var footprints: [FootprintID]
  /// The regions of those footprints.
  public var regions: [Region]
  /// Planned savings it holds in 2020/21 (share-weighted, summed over its
  /// footprints, each at its delivery setting), £m; `nil` without figures.
  public var savings: Double?
  /// Its largest share of a footprint's planned savings (0–1).
  public var largestShare: Double?
  /// The footprint where its share is largest.
  public var largestShareFootprint: FootprintID?
  /// Its stance in its main footprint.
  public var stance: Stance
  /// The date of that stance's record.
  public var stanceDate: EventDate?
  /// True when its stance differs between its footprints.
  public var mixedStance: Bool
  /// Flagged as not cooperating in any of its footprints.
  public var flagged: Bool
  /// Assumed refusing, for a what-if (never saved).
  public var assumedRefusing: Bool
  /// The savings it puts at risk: those it holds where it refuses, is
  /// flagged or is assumed refusing, £m (0 when none).
  public var atRisk: Double?
  /// Counted as refusing in any of its footprints (under the refusing
  /// rule, flagged, or assumed refusing).
  public var refusing: Bool = false
  /// The footprints where its refusal alone would stop the plan balancing
  /// (after the refusals counted; never where it refuses).
  public var pivotalIn: [FootprintID]
  /// Its Coleman power to block, in the footprint where that is largest
  /// (0–1; `nil` where no coalition of cooperating members balances a plan
  /// of its, or power was not asked for).
  public var blockingPower: Double? = nil
  /// Its normalised Banzhaf index in that footprint.
  public var banzhaf: Double? = nil
  /// The footprint where its power to block is largest.
  public var blockingPowerFootprint: FootprintID? = nil
  /// Whether any figure behind its savings is illustrative.
  public var illustrative: Bool
  /// Whether its stance comes from an illustrative record.
  public var stanceIllustrative: Bool

  /// Pivotal in at least one footprint.
  public var pivotal: Bool { !pivotalIn.isEmpty }
}

/// Every organisation, once each.
public enum OrganisationTable {
  /// One line per organisation, in dataset order; each member's power to
  /// block is counted only when `power` (the views that show it).
  public static func lines(
    _ analysis: Analysis, delivery scheme: DeliveryScheme, refusals: Refusals, power: Bool = true
  ) -> [OrganisationLine] {
    let d = analysis.dataset
    let deliveries = EntityList<Footprint, Delivery>(
      d.footprints.indices.map { scheme.delivery(footprint: $0, in: analysis) })
    // Footprints are independent: at national scale, two threads halve this.
    let perFootprint = Parallel.map(d.footprints.count, cost: power ? 2_000 : 20) { i in
      let f = FootprintID(i)
      let plan = analysis.blocking(footprint: f, delivery: deliveries[f], refusals: refusals)
      let game = power ? analysis.blockingPower(footprint: f, delivery: deliveries[f], refusals: refusals) : nil
      return (pivotal: plan.pivotal, game: game)
    }
    var pivotal = Set<MembershipID>()
    var strength: [MembershipID: (coleman: Double, banzhaf: Double)] = [:]
    for entry in perFootprint {
      pivotal.formUnion(entry.pivotal)
      guard let game = entry.game else { continue }
      for (i, m) in game.members.enumerated() { strength[m] = (game.coleman[i], game.banzhaf[i]) }
    }
    var out: [OrganisationLine] = []
    out.reserveCapacity(d.organisations.count)
    for o in d.organisations.indices {
      let org = d.organisations[o]
      let ms = d.membershipsOfOrganisation[o]
      // Main footprint: the largest savings held, then the largest share, then the first.
      let main = ms.max { a, b in
        let va = analysis.membershipSavings[a] ?? -.infinity
        let vb = analysis.membershipSavings[b] ?? -.infinity
        if va != vb { return va < vb }
        if d.memberships[a].share != d.memberships[b].share { return d.memberships[a].share < d.memberships[b].share }
        return a > b
      }
      var savings: Double? = nil
      var atRisk = 0.0
      var largest: (share: Double, f: FootprintID)? = nil
      var flagged = false
      var refusing = false
      var strongest: (power: Double, banzhaf: Double, f: FootprintID)? = nil
      let isAssumed = refusals.assumed.contains(o)
      var stances = Set<Stance>()
      for m in ms {
        let f = d.memberships[m].footprint
        stances.insert(d.stance(membership: m))
        flagged = flagged || refusals.isFlagged(d.memberships[m])
        let refuses = refusals.refuses(m, in: d)
        refusing = refusing || refuses
        if let p = strength[m], p.coleman > (strongest?.power ?? -1) { strongest = (p.coleman, p.banzhaf, f) }
        guard let v = analysis.membershipSavings[m] else { continue }
        let now = v * deliveries[f].factor
        savings = (savings ?? 0) + now
        if refuses { atRisk += max(0, now) }
        if let total = analysis.footprintSavings[f], total > 0 {
          let share = v / total
          if share > (largest?.share ?? -.infinity) { largest = (share, f) }
        }
      }
      let footprints =
        (main.map { [d.memberships[$0].footprint] } ?? [])
        + ms.map { d.memberships[$0].footprint }.filter { f in main.map { d.memberships[$0].footprint != f } ?? true }
      var regions: [Region] = []
      for f in footprints where !regions.contains(d.footprints[f].region) { regions.append(d.footprints[f].region) }
      let record = main.flatMap { d.stanceRecord(membership: $0) }
      var line =
        OrganisationLine(
          org: o, code: org.code, name: org.name, kind: org.kind, footprints: footprints, regions: regions,
          savings: savings, largestShare: largest?.share, largestShareFootprint: largest?.f,
          stance: main.map { d.stance(membership: $0) } ?? .unknown, stanceDate: record?.asOf,
          mixedStance: stances.count > 1, flagged: flagged, assumedRefusing: isAssumed,
          atRisk: savings == nil ? nil : atRisk,
          pivotalIn: ms.filter { pivotal.contains($0) }.map { d.memberships[$0].footprint },
          illustrative: d.finance.hasIllustrative(entity: d.finance.entity(organisation: o)),
          stanceIllustrative: record?.basis == .illustrative)
      line.refusing = refusing
      line.blockingPower = strongest?.power
      line.banzhaf = strongest?.banzhaf
      line.blockingPowerFootprint = strongest?.f
      out.append(line)
    }
    return out
  }
}
