/// Each cooperating member's power to block a plan, counted exactly over
/// the coalitions of cooperating members in whole £0.1m.
///
/// Weights are the members' savings and the quota the gap, in tenths of a
/// £m rounded half away from zero; a coalition balances the plan when its
/// weights sum to at least the quota. A member with negative savings (its
/// plan costs more than doing nothing) is never critical: leaving a
/// coalition only helps it. It is counted by its complement (a weight of
/// the size of its cost, and the quota raised by as much), which pairs each
/// coalition with one that holds the same.
///
/// - Coleman's power to prevent action: the share of balancing coalitions
///   in which the member is critical (1: a veto, every balancing coalition
///   needs it).
/// - The normalised Banzhaf index: its critical cases over all members'.
///
/// Counted with one table of subset counts by weight, then, for each
/// member, the counts without it taken out of that table: O(members ×
/// quota), never 2ⁿ. When the members hold little more than the gap, the
/// table counts instead the members who stay out (a coalition balances
/// when those outside hold no more than the spare), which is smaller.
public struct BlockingPower: Sendable, Hashable {
  /// The cooperating members, in the footprint's order.
  public let members: [MembershipID]
  /// Each one's Coleman power to prevent action, 0–1.
  public let coleman: [Double]
  /// Each one's normalised Banzhaf index, 0–1 (they add up to 1, or all are 0).
  public let banzhaf: [Double]

  /// The power of members holding `savings` (£m) against a plan that
  /// balances when a coalition holds `gap` (£m).
  public init(members: [MembershipID], savings: [Double], gap: Double) {
    self.members = members
    self.savings = savings
    let (weights, quota, negative) = Self.units(savings, gap)
    let swings = Self.swings(weights: weights, quota: quota, negative: negative)
    coleman = swings.critical.map { swings.winning > 0 ? $0 / swings.winning : 0 }
    let total = swings.critical.reduce(0, +)
    banzhaf = swings.critical.map { total > 0 ? $0 / total : 0 }
  }

  /// A member's Coleman power, if it is in the game.
  public func coleman(of m: MembershipID) -> Double? { members.firstIndex(of: m).map { coleman[$0] } }

  /// A member's Banzhaf index, if it is in the game.
  public func banzhaf(of m: MembershipID) -> Double? { members.firstIndex(of: m).map { banzhaf[$0] } }

  /// The member with the most power to block, and that power (on a tie,
  /// the one holding more savings, then the first); `nil` without members.
  public var strongest: (member: MembershipID, power: Double)? {
    guard let i = coleman.indices.max(by: { Self.before($0, $1, power: coleman, savings: savings) }) else { return nil }
    return (members[i], coleman[i])
  }

  /// The savings each member holds (£m), as given.
  let savings: [Double]

  /// Whether member `a` ranks below member `b`: less power, or as much and
  /// less savings, or as much of both and later.
  static func before(_ a: Int, _ b: Int, power: [Double], savings: [Double]) -> Bool {
    if power[a] != power[b] { return power[a] < power[b] }
    if savings[a] != savings[b] { return savings[a] < savings[b] }
    return a > b
  }

  /// The strongest member alone, without counting the others: power grows
  /// with the weight held (a member holding more is critical in every
  /// coalition a smaller one is, and more), so it is the largest holder,
  /// and only its swings are counted. Equal to ``strongest`` of the full count.
  public static func strongest(
    members: [MembershipID], savings: [Double], gap: Double
  ) -> (
    member: MembershipID, power: Double
  )? {
    let (weights, quota, negative) = units(savings, gap)
    // The largest holder among those that can be critical (savings not negative).
    guard
      let top = savings.indices.filter({ !negative[$0] }).max(by: {
        weights[$0] != weights[$1]
          ? weights[$0] < weights[$1] : (savings[$0] != savings[$1] ? savings[$0] < savings[$1] : $0 > $1)
      })
    else { return nil }
    let swings = Self.swings(weights: weights, quota: quota, negative: negative, only: top)
    return (members[top], swings.winning > 0 ? swings.critical[top] / swings.winning : 0)
  }

  /// The largest quota counted in tenths of a £m (£400bn): a gap beyond it,
  /// which no real plan has, is counted in coarser units.
  static let largestQuota = 4_000_000

  /// Weights and the quota in tenths of a £m, and which members' savings
  /// are negative (their weights turned positive, the quota raised by as much).
  static func units(_ savings: [Double], _ gap: Double) -> (weights: [Int], quota: Int, negative: [Bool]) {
    func tenths(_ v: Double) -> Int {
      let t = (v * 10).rounded()
      return t.isFinite ? Int(max(-1e15, min(1e15, t))) : 0
    }
    var weights = savings.map(tenths)
    var quota = tenths(gap)
    let negative = weights.map { $0 < 0 }
    for i in weights.indices where negative[i] {
      quota -= weights[i]
      weights[i] = -weights[i]
    }
    if quota > largestQuota {
      let unit = (quota + largestQuota - 1) / largestQuota
      quota = (quota + unit - 1) / unit
      weights = weights.map { $0 / unit }
    }
    return (weights, quota, negative)
  }

  /// The number of balancing coalitions, and of those in which each member is critical.
  static func swings(
    weights: [Int], quota: Int, negative: [Bool], only: Int? = nil
  ) -> (
    winning: Double, critical: [Double]
  ) {
    let positive = weights.filter { $0 > 0 }.count
    let none = weights.map { _ in 0.0 }
    guard quota > 0 else {
      // Every coalition balances, the empty one too: nobody is critical.
      return (Double(sign: .plus, exponent: positive, significand: 1), none)
    }
    let total = weights.reduce(0, +)
    guard total >= quota else { return (0, none) }
    // A coalition balances when the others hold no more than the spare:
    // counting those (below spare + 1) gives the same swings.
    let spare = total - quota
    let dual = spare + 1 < quota
    let q = dual ? spare + 1 : quota
    var counted =
      positive <= 62
      ? count(weights: weights, quota: q, positive: positive, dual: dual, only: only, UInt64.self)
      : positive <= 126
        ? count(weights: weights, quota: q, positive: positive, dual: dual, only: only, UInt128.self)
        : countApproximately(weights: weights, quota: q, positive: positive, dual: dual, only: only)
    for i in weights.indices where negative[i] { counted.critical[i] = 0 }
    return counted
  }

  /// The table of coalitions by weight below the quota: `table[s]` counts
  /// those (of members with a weight, bar `skipping`) holding exactly `s`.
  static func below<N: CountingNumber>(_ weights: [Int], quota: Int, skipping: Int? = nil, _: N.Type) -> [N] {
    var table = [N](repeating: .zero, count: quota)
    table[0] = .one
    table.withUnsafeMutableBufferPointer { t in
      // Checked once here, not on each of the quota × members steps.
      guard let p = t.baseAddress, t.count == quota else { return }
      for (i, w) in weights.enumerated() where w > 0 && w < quota && i != skipping {
        // From the top down, so each count adds one this weight has not yet changed.
        var s = quota - 1
        while s >= w {
          p[s] = p[s].adding(p[s - w])
          s -= 1
        }
      }
    }
    return table
  }

  /// Exact counting in wrapping integers wide enough for 2ⁿ: one table,
  /// then for each weight the others' table taken out of it. In the `dual`
  /// count, the table's sets are those outside a balancing coalition.
  static func count<N: CountingNumber>(
    weights: [Int], quota: Int, positive: Int, dual: Bool, only: Int? = nil, _: N.Type
  ) -> (
    winning: Double, critical: [Double]
  ) {
    let below = below(weights, quota: quota, N.self)
    var under = N.zero
    for v in below { under = under.adding(v) }
    let winning = (dual ? under : N.power2(positive).subtracting(under)).double
    var without = [N](repeating: .zero, count: quota)
    var cache: [Int: Double] = [:]
    let critical = below.withUnsafeBufferPointer { b in
      without.withUnsafeMutableBufferPointer { o -> [Double] in
        // Both tables hold `quota` counts: checked here once, then read
        // through pointers, quota steps a member.
        guard let all = b.baseAddress, let others = o.baseAddress, b.count == quota, o.count == quota else {
          return weights.map { _ in 0 }
        }
        return weights.indices.map { i -> Double in
          let w = weights[i]
          guard w > 0, only == nil || only == i else { return 0 }
          if let known = cache[w] { return known }
          // The coalitions of the others, by weight: `below` with this member taken out.
          let low = min(w, quota)
          others.update(from: all, count: low)
          var s = low
          while s < quota {
            others[s] = all[s].subtracting(others[s - w])
            s += 1
          }
          var swings = N.zero
          for s in max(0, quota - w)..<quota { swings = swings.adding(others[s]) }
          cache[w] = swings.double
          return swings.double
        }
      }
    }
    return (winning, critical)
  }

  /// Beyond 126 members, counts in doubles: taking a member out by
  /// subtraction would lose precision, so each weight's table is made afresh.
  static func countApproximately(
    weights: [Int], quota: Int, positive: Int, dual: Bool, only: Int? = nil
  ) -> (
    winning: Double, critical: [Double]
  ) {
    let under = below(weights, quota: quota, Double.self).reduce(0, +)
    let winning = dual ? under : Double(sign: .plus, exponent: positive, significand: 1) - under
    var cache: [Int: Double] = [:]
    let critical = weights.indices.map { i -> Double in
      let w = weights[i]
      guard w > 0, only == nil || only == i else { return 0 }
      if let known = cache[w] { return known }
      let without = below(weights, quota: quota, skipping: i, Double.self)
      let swings = without[max(0, quota - w)..<quota].reduce(0, +)
      cache[w] = swings
      return swings
    }
    return (winning, critical)
  }
}

/// The arithmetic the counting needs: exact wrapping integers, or doubles.
protocol CountingNumber {
  static var zero: Self { get }
  static var one: Self { get }
  static func power2(_ n: Int) -> Self
  func adding(_ other: Self) -> Self
  func subtracting(_ other: Self) -> Self
  var double: Double { get }
}

extension UInt64: CountingNumber {
  static var one: UInt64 { 1 }
  static func power2(_ n: Int) -> UInt64 { 1 << UInt64(n) }
  @inline(__always) func adding(_ other: UInt64) -> UInt64 { self &+ other }
  @inline(__always) func subtracting(_ other: UInt64) -> UInt64 { self &- other }
  var double: Double { Double(self) }
}

extension UInt128: CountingNumber {
  static var one: UInt128 { 1 }
  static func power2(_ n: Int) -> UInt128 { 1 << UInt128(n) }
  @inline(__always) func adding(_ other: UInt128) -> UInt128 { self &+ other }
  @inline(__always) func subtracting(_ other: UInt128) -> UInt128 { self &- other }
  var double: Double { Double(self) }
}

extension Double: CountingNumber {
  static var one: Double { 1 }
  static func power2(_ n: Int) -> Double { Double(sign: .plus, exponent: n, significand: 1) }
  @inline(__always) func adding(_ other: Double) -> Double { self + other }
  @inline(__always) func subtracting(_ other: Double) -> Double { self - other }
  var double: Double { self }
}
