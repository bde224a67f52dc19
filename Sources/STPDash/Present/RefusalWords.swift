import DashModel

/// How a footprint's refusals and its power to block are said: the
/// verdict (as filed, with refusals), the pivotal bodies, and the fewest
/// blockers. The Footprint screen draws these facts full width, wrapped;
/// `stpdash footprint` lists them whole.
enum RefusalWords {
  /// Why members count as refusing, by reason (each member once: assumed
  /// refusing, then flagged, then its stance): `1 refused, 1 flagged`.
  static func reasons(_ plan: PlanBlocking, refusals: Refusals, in d: Dataset) -> [String] {
    var assumed = 0
    var flagged = 0
    var byStance: [Stance: Int] = [:]
    for m in plan.refusing {
      let ms = d.memberships[m]
      if refusals.isAssumed(ms) {
        assumed += 1
      } else if refusals.isFlagged(ms) {
        flagged += 1
      } else {
        byStance[d.stance(membership: m), default: 0] += 1
      }
    }
    var out = Stance.allCases.compactMap { s in byStance[s].map { "\($0) \(s.code)" } }
    if flagged > 0 { out.append("\(flagged) flagged") }
    if assumed > 0 { out.append("\(assumed) assumed refusing") }
    return out
  }

  /// "1 refusal", "3 refusals".
  static func counted(_ n: Int) -> String { n == 1 ? "1 refusal" : "\(n) refusals" }

  /// The organisations' names, joined.
  static func names(_ ms: some Sequence<MembershipID>, in d: Dataset) -> String {
    ms.map { d.organisations.name(of: d.memberships[$0].org) }.joined(separator: ", ")
  }

  /// The verdict, the pivotal bodies and the fewest blockers, as facts drawn full width.
  static func facts(
    _ f: FootprintID, analysis: Analysis, row: LeagueRow, plan: PlanBlocking, refusals: Refusals, delivery: Delivery,
    glyphs g: Glyphs
  ) -> [Fact] {
    let d = analysis.dataset
    func money(_ v: Double) -> String { g.pound + Figures.money(v, unicode: g.unicode) + "m" }
    let short = Figures.mark(row.standing(.short))
    let piv = Figures.mark(row.standing(.pivotal))
    let n = plan.refusing.count
    var verdict = g.dash
    var verdictTone = Tone.normal
    if let asFiled = plan.marginAsFiled, let withRefusals = plan.marginWithRefusals {
      let who = n == 0 ? "" : ": " + names(plan.refusing, in: d)
      switch (asFiled >= 0, withRefusals >= 0) {
      case (true, true) where n == 0:
        verdict = "balances as filed, margin \(money(asFiled))\(short); no member counts as refusing"
      case (true, true):
        verdict = "balances with its \(counted(n)), margin \(money(withRefusals))\(short)\(who)"
      case (true, false):
        verdict = "balances as filed; \(money(-withRefusals))\(short) short with \(counted(n))\(who)"
        verdictTone = .bad
      case (false, _):
        verdict =
          "short by \(money(-asFiled))\(short) even as filed"
          + (n == 0 ? "" : "; \(money(-withRefusals))\(short) short with its \(counted(n))\(who)")
        verdictTone = .bad
      }
    }
    var pivotal = g.dash
    if let margin = plan.marginWithRefusals {
      pivotal =
        margin < 0
        ? "none: the plan is \(money(-margin))\(short) short with its refusals"
        : plan.pivotal.isEmpty
          ? "none after refusals (margin \(money(margin))\(short)): no single body can block"
          : "\(plan.pivotal.count)\(piv) after refusals (margin \(money(margin))\(short)), \(g.pivotal) below: "
            + names(plan.pivotal, in: d)
    }
    var blockers = g.dash
    if plan.marginWithRefusals != nil {
      switch plan.blockersNeeded {
      case 0?: blockers = "0: already short with its refusals"
      case 1?: blockers = "1\(piv): any pivotal body alone; the largest is " + names(plan.blockers, in: d)
      case let k?: blockers = "\(k)\(piv) together, the largest holders: " + names(plan.blockers, in: d)
      case nil: blockers = "none: no refusal can sink it"
      }
      if (plan.blockersNeeded ?? 0) > 1,
        let strongest = analysis.strongestBlocker(footprint: f, delivery: delivery, refusals: refusals)
      {
        blockers +=
          "; most power to block: \(d.organisations.name(of: d.memberships[strongest.member].org)) "
          + Figures.percent(strongest.power * 100, unicode: g.unicode) + piv
      }
    }
    let pivotalBasis: Basis = row.illustrativeColumns.contains(.pivotal) ? .illustrative : .reported
    return [
      Fact(
        label: "Verdict", value: verdict,
        meaning: "whether the 2020/21 plan balances as filed (every member delivering) and with the refusals counted",
        basis: row.illustrativeColumns.contains(.short) ? .illustrative : .reported, tone: verdictTone, place: .wide),
      Fact(
        label: "Pivotal", value: pivotal, meaning: LeagueColumn.pivotal.meaning, basis: pivotalBasis,
        tone: plan.pivotal.isEmpty ? .normal : .bad, place: .wide),
      Fact(
        label: "Blockers", value: blockers,
        meaning: LeagueColumn.blockers.meaning + ", and the member with the most power to block (Coleman)",
        basis: pivotalBasis, tone: (plan.blockersNeeded ?? 2) <= 1 ? .bad : .normal, place: .wide),
    ]
  }
}
