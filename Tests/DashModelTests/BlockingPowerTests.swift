import Foundation
import TestSupport
import Testing

@testable import DashModel

/// The power counting against enumeration on seeded random games, and
/// against a closed form where enumeration cannot go (70 and 140 members).
@Suite("Power to block: counted against enumeration and a closed form")
struct BlockingPowerTests {
  static func members(_ n: Int) -> [MembershipID] { (0..<n).map { MembershipID($0) } }

  @Test(arguments: 1...200)
  func randomGamesEqualEnumeration(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    let n = Int.random(in: 1...12, using: &rng)
    // Savings in £0.1m steps, now and then negative or zero, and a gap
    // anywhere from nothing to more than all of them.
    let savings = (0..<n).map { _ -> Double in
      let r = Int.random(in: 0..<10, using: &rng)
      if r == 0 { return -Double(Int.random(in: 1...50, using: &rng)) / 10 }
      if r == 1 { return 0 }
      return Double(Int.random(in: 1...3000, using: &rng)) / 10
    }
    let total = savings.filter { $0 > 0 }.reduce(0, +)
    let gap = (Double(Int.random(in: 0...Int(total * 12 + 10), using: &rng)) / 10).rounded(.down)
    let game = BlockingPower(members: Self.members(n), savings: savings, gap: gap)
    let truth = powerByEnumeration(savings, gap: gap)
    // The strongest, counted alone, is the full count's strongest.
    let alone = BlockingPower.strongest(members: Self.members(n), savings: savings, gap: gap)
    if let full = game.strongest, full.power > 0 {
      #expect(alone?.member == full.member && alone.map { abs($0.power - full.power) < 1e-12 } == true, "seed \(seed)")
    }
    for i in 0..<n {
      #expect(abs(game.coleman[i] - truth.coleman[i]) < 1e-12, "seed \(seed) member \(i) Coleman")
      #expect(abs(game.banzhaf[i] - truth.banzhaf[i]) < 1e-12, "seed \(seed) member \(i) Banzhaf")
    }
  }

  /// Equal weights: a member is critical in a coalition of exactly k = the
  /// quota's members; Coleman = C(n−1, k−1) ÷ Σ_{j≥k} C(n, j).
  @Test(arguments: [(70, 30), (70, 69), (140, 50), (140, 1)])
  func equalWeightsBeyondEnumeration(n: Int, k: Int) {
    func lnChoose(_ a: Int, _ b: Int) -> Double {
      lgamma(Double(a + 1)) - lgamma(Double(b + 1)) - lgamma(Double(a - b + 1))
    }
    let winning = (k...n).reduce(0.0) { $0 + exp(lnChoose(n, $1) - lnChoose(n, k)) }
    let expected = exp(lnChoose(n - 1, k - 1) - lnChoose(n, k)) / winning
    let game = BlockingPower(members: Self.members(n), savings: Array(repeating: 2.5, count: n), gap: 2.5 * Double(k))
    #expect(game.coleman.allSatisfy { abs($0 - expected) < 1e-9 * max(1, expected) }, "\(n) members, quota \(k)")
    #expect(game.banzhaf.allSatisfy { abs($0 - 1 / Double(n)) < 1e-12 })
  }

  @Test func aVetoHasPowerOneAndNoCoalitionMeansNone() {
    let game = BlockingPower(members: Self.members(3), savings: [50, 10, 5], gap: 52)
    #expect(game.coleman[0] == 1, "every balancing coalition needs the 50")
    #expect(game.strongest?.member == MembershipID(0))
    let none = BlockingPower(members: Self.members(2), savings: [10, 5], gap: 20)
    #expect(none.coleman == [0, 0] && none.banzhaf == [0, 0])
  }
}
