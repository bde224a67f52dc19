/// What breaks a footprint's plan at a delivery setting, its refusals counted.
///
/// With gap *G* (the do-nothing gap, 2020/21) and each member holding
/// savings *sᵢ* at the delivery setting, the plan balances with the members
/// that cooperate, *C*, when Σ_{i∈C} *sᵢ* ≥ *G*. `MEASURES.md` sets it out.
public struct PlanBlocking: Sendable, Hashable {
  /// How far the plan is below balance with every member delivering:
  /// planned savings less the gap (negative: short of balance).
  public var marginAsFiled: Double?
  /// The planned savings the refusing members hold.
  public var refusingSavings: Double
  /// The margin without the refusing members' savings.
  public var marginWithRefusals: Double?
  /// The refusing members, in the footprint's order.
  public var refusing: [MembershipID]
  /// Cooperating members whose refusal alone would stop the plan balancing
  /// (savings above the margin with refusals, when that is not negative),
  /// largest holder first. A refusing member never is.
  public var pivotal: [MembershipID]
  /// The fewest cooperating members whose joint refusal sinks the plan,
  /// the largest holders first (none when it is already short).
  public var blockers: [MembershipID]
  /// How many blockers it takes: 0 when the plan is already short with
  /// its refusals; `nil` when no refusal can sink it, or nothing is known.
  public var blockersNeeded: Int?

  /// Whether the plan balances as filed (`nil`: not known).
  public var balancesAsFiled: Bool? { marginAsFiled.map { $0 >= 0 } }
  /// Whether it balances with its refusals (`nil`: not known).
  public var balancesWithRefusals: Bool? { marginWithRefusals.map { $0 >= 0 } }

  /// The margin without the refusing members' savings (held at 100 %,
  /// scaled by the delivery factor): one formula for every view.
  @inline(__always)
  public static func marginWithRefusals(asFiled: Double, refusingSavings: Double, factor: Double) -> Double {
    asFiled - refusingSavings * factor
  }

  /// How many cooperating members are pivotal, and how many it takes to
  /// sink the plan, from their positive savings at 100 % (in any order),
  /// the margin with refusals, and the delivery factor.
  ///
  /// Pivotal members are counted in one pass; one of them alone sinks the
  /// plan. Only where none is are the savings sorted, largest first, and
  /// taken until the margin is gone.
  public static func counts(
    cooperating savings: some Collection<Double>, margin: Double, factor: Double
  ) -> (pivotal: Int, needed: Int?) {
    guard margin >= 0 else { return (0, 0) }
    var pivotal = 0
    for s in savings where s * factor > margin { pivotal += 1 }
    guard pivotal == 0 else { return (pivotal, 1) }
    return (0, needed(descending: savings.sorted(by: >), margin: margin, factor: factor))
  }

  /// The same from savings already sorted largest first (a delivery
  /// setting scales every member's savings alike, so the order holds for
  /// every setting): the pivotal members are the first ones, and no sort
  /// is made.
  public static func counts(
    descending savings: ArraySlice<Double>, margin: Double, factor: Double
  ) -> (pivotal: Int, needed: Int?) {
    guard margin >= 0 else { return (0, 0) }
    var pivotal = 0
    for s in savings {
      guard s * factor > margin else { break }
      pivotal += 1
    }
    guard pivotal == 0 else { return (pivotal, 1) }
    return (0, needed(descending: savings, margin: margin, factor: factor))
  }

  /// How many of the largest holders it takes to use up the margin.
  @inline(__always)
  static func needed(descending savings: some Collection<Double>, margin: Double, factor: Double) -> Int? {
    var left = margin
    for (i, s) in savings.enumerated() {
      left -= s * factor
      if left < 0 { return i + 1 }
    }
    return nil
  }
}

extension Analysis {
  /// The plan of a footprint against its refusals, at a delivery setting.
  public func blocking(footprint f: FootprintID, delivery: Delivery, refusals: Refusals) -> PlanBlocking {
    let d = dataset
    let factor = delivery.factor
    var refusing: [MembershipID] = []
    var refusingBase = 0.0
    var cooperating: [(m: MembershipID, s: Double)] = []
    for m in d.membersOfFootprint[f] {
      let s = membershipSavings[m] ?? 0
      if refusals.refuses(m, in: d) {
        refusing.append(m)
        refusingBase += s
      } else if s > 0 {
        cooperating.append((m, s))
      }
    }
    let asFiled = margin(footprint: f, delivery: delivery)
    let withRefusals = asFiled.map {
      PlanBlocking.marginWithRefusals(asFiled: $0, refusingSavings: refusingBase, factor: factor)
    }
    cooperating.sort { $0.s != $1.s ? $0.s > $1.s : $0.m < $1.m }
    var out = PlanBlocking(
      marginAsFiled: asFiled, refusingSavings: refusingBase * factor, marginWithRefusals: withRefusals,
      refusing: refusing, pivotal: [], blockers: [], blockersNeeded: nil)
    guard let margin = withRefusals else { return out }
    let counts = PlanBlocking.counts(cooperating: cooperating.lazy.map(\.s), margin: margin, factor: factor)
    out.blockersNeeded = counts.needed
    out.pivotal = cooperating.prefix(counts.pivotal).map(\.m)
    if let n = counts.needed { out.blockers = cooperating.prefix(n).map(\.m) }
    return out
  }

  /// Each cooperating member's power to block the plan (``BlockingPower``),
  /// at a delivery setting; `nil` when the margin is not known or no
  /// coalition of cooperating members balances the plan.
  public func blockingPower(footprint f: FootprintID, delivery: Delivery, refusals: Refusals) -> BlockingPower? {
    game(footprint: f, delivery: delivery, refusals: refusals).map {
      BlockingPower(members: $0.members, savings: $0.savings, gap: $0.gap)
    }
  }

  /// The cooperating member with the most power to block, and that power
  /// (``BlockingPower/strongest(members:savings:gap:)``: only its own count).
  public func strongestBlocker(
    footprint f: FootprintID, delivery: Delivery, refusals: Refusals
  ) -> (
    member: MembershipID, power: Double
  )? {
    game(footprint: f, delivery: delivery, refusals: refusals).flatMap {
      BlockingPower.strongest(members: $0.members, savings: $0.savings, gap: $0.gap)
    }
  }

  /// The cooperating members, their savings at the delivery setting, and
  /// the gap a coalition must cover; `nil` when the plan does not balance
  /// with its refusals (or is not known).
  func game(
    footprint f: FootprintID, delivery: Delivery, refusals: Refusals
  ) -> (
    members: [MembershipID], savings: [Double], gap: Double
  )? {
    let d = dataset
    let factor = delivery.factor
    var members: [MembershipID] = []
    var savings: [Double] = []
    var refusingBase = 0.0
    for m in d.membersOfFootprint[f] {
      let s = membershipSavings[m] ?? 0
      if refusals.refuses(m, in: d) {
        refusingBase += s
      } else {
        members.append(m)
        savings.append(s * factor)
      }
    }
    guard let asFiled = margin(footprint: f, delivery: delivery) else { return nil }
    let margin = PlanBlocking.marginWithRefusals(asFiled: asFiled, refusingSavings: refusingBase, factor: factor)
    guard margin >= 0 else { return nil }
    // The coalition of every cooperating member holds Σ s and balances with
    // `margin` to spare: a coalition balances when it holds Σ s − margin.
    return (members, savings, savings.reduce(0, +) - margin)
  }
}
