import Foundation
import Testing

@testable import DashModel

/// Pivotal bodies, the veto share and realistic delivery on a fixture built
/// so the answers are known.
///
/// Alpha Vale (E1) = C1 + T1 + 0.25 × K1 in 2020/21:
/// do-nothing 100 + 50 + 0.25 × 40 = 160; plan −50 + 40 + 0 = −10, so the
/// plan balances with a margin of 10. Savings held: C1 150, T1 10, K1 10.
/// Only C1's exceed the margin (T1's and K1's equal it). Outturn
/// 60 + 45 + 0.25 × 20 = 110, so delivery so far is (160 − 110) ÷ 170.
@Suite("Pivotal bodies, veto share, needed and observed delivery")
struct PivotalTests {
  static let finance: String = {
    var rows = ["entity,year,scenario,gbp_m,basis,source"]
    let members: [(String, Double, Double, Double?)] = [
      ("C1", 100, -50, 60), ("T1", 50, 40, 45), ("K1", 40, 0, 20), ("C2", 80, 0, nil), ("T2", 60, 10, nil),
    ]
    for (code, dn, plan, out) in members {
      rows.append("\(code),2020/21,do_nothing,\(dn),reported,")
      rows.append("\(code),2020/21,plan,\(plan),reported,")
      if let out { rows.append("\(code),2020/21,outturn,\(out),reported,") }
    }
    return rows.joined(separator: "\n") + "\n"
  }()

  func analysis(finance: String = Self.finance) throws -> Analysis {
    let f = Fixture(["finance.csv": finance])
    defer { f.remove() }
    return Analysis(try f.load())
  }

  func members(_ a: Analysis, _ ms: [MembershipID]) -> [String] {
    ms.map { a.dataset.organisations[a.dataset.memberships[$0].org].code }
  }

  @Test func aCooperatingMemberWhoseSavingsExceedTheMarginWithRefusalsIsPivotal() throws {
    let a = try analysis()
    let alpha = FootprintID(0)
    #expect(a.margin(footprint: alpha, delivery: .full) == 10)
    // T1 refused: without its 10 the margin is 0, so C1 (150) and K1 (10)
    // each tip it; T1 refuses already and is never pivotal.
    let plan = a.blocking(footprint: alpha, delivery: .full, refusals: Refusals())
    #expect(plan.marginWithRefusals == 0)
    #expect(members(a, plan.refusing) == ["T1"])
    #expect(members(a, plan.pivotal) == ["C1", "K1"])
    #expect(plan.blockersNeeded == 1 && members(a, plan.blockers) == ["C1"])
    let beta = a.blocking(footprint: FootprintID(1), delivery: .full, refusals: Refusals())
    #expect(beta.pivotal.isEmpty && beta.blockersNeeded == 0, "Beta Coast's plan does not balance")
    #expect(a.margin(footprint: FootprintID(1), delivery: .full) == -10)
    // At 50 % the plan no longer balances: nobody can tip it.
    #expect(a.margin(footprint: alpha, delivery: Delivery(percent: 50)) == -75)
    #expect(a.blocking(footprint: alpha, delivery: Delivery(percent: 50), refusals: Refusals()).pivotal.isEmpty)
    // At 150 % the margin is 95, 80 without T1's 15; C1 holds 225 of it, K1 15.
    #expect(a.margin(footprint: alpha, delivery: Delivery(percent: 150)) == 95)
    let more = a.blocking(footprint: alpha, delivery: Delivery(percent: 150), refusals: Refusals())
    #expect(members(a, more.pivotal) == ["C1"])
  }

  @Test func theVetoShareIsTheLargestHoldersShare() throws {
    let a = try analysis()
    let share = try #require(a.vetoShare(footprint: FootprintID(0)))
    #expect(abs(share - 150.0 / 170.0) < 1e-12)
    #expect(a.largestMember[FootprintID(0)].map { members(a, [$0]) } == ["C1"])
    let rows = LeagueTable.rows(a, delivery: .full, refusals: Refusals())
    let alpha = try #require(rows.first { $0.code == "E1" })
    #expect(alpha.pivotal == 2, "C1 and K1, after T1's refusal")
    #expect(alpha.vetoHolder == "Alpha CCG")
    #expect(alpha.margin == 10 && alpha.marginWithRefusals == 0)
  }

  @Test func neededAndObservedDelivery() throws {
    let a = try analysis()
    let rows = LeagueTable.rows(a, delivery: .full, refusals: Refusals())
    let alpha = try #require(rows.first { $0.code == "E1" })
    #expect(abs((alpha.neededPercent ?? 0) - 160.0 / 170.0 * 100) < 1e-9)
    #expect(abs((alpha.observed?.percent ?? 0) - 50.0 / 170.0 * 100) < 1e-9)
    #expect(alpha.observed?.year == .target)
    #expect(alpha.balanceYear == .target)
    let beta = try #require(rows.first { $0.code == "E2" })
    #expect(beta.observed == nil, "no outturn in Beta Coast")
    #expect(beta.balanceYear == nil, "never balances")
    // "Continue at the observed rate": Alpha Vale at 29 %, Beta Coast stays at 100 %.
    #expect(a.observedDelivery[FootprintID(0)] == Delivery(percent: 29))
    #expect(DeliveryScheme.observed.delivery(footprint: FootprintID(1), in: a) == .full)
    let observed = LeagueTable.rows(a, delivery: .observed, refusals: Refusals())
    let alphaObserved = try #require(observed.first { $0.code == "E1" })
    #expect(alphaObserved.plan == 160 - 0.29 * 170)
    #expect(alphaObserved.pivotal == 0)
  }

  @Test func assumedRefusalsPutExactlyTheirSavingsAtRisk() throws {
    let a = try analysis()
    let c1 = try #require(a.dataset.organisationID(code: "C1"))
    let before = LeagueTable.rows(a, delivery: .full, refusals: Refusals())
    let after = LeagueTable.rows(a, delivery: .full, refusals: Refusals(flags: FlagSet(), assumed: [c1]))
    let b = try #require(before.first { $0.code == "E1" })
    let x = try #require(after.first { $0.code == "E1" })
    #expect((x.atRisk ?? 0) - (b.atRisk ?? 0) == 150)
    // The trajectory's "plan less savings at risk": the plan plus C1's savings.
    // T1 refused: its 10 are at risk already.
    let refused = try #require(a.planWithRefusals(footprint: FootprintID(0), delivery: .full, refusals: Refusals()))
    #expect(refused[FinancialYear.target.index] == Double(-10 + 10))
    let line = try #require(
      a.planWithRefusals(footprint: FootprintID(0), delivery: .full, refusals: Refusals(assumed: [c1])))
    #expect(line[FinancialYear.target.index] == Double(-10 + 10 + 150))
    let england = try #require(a.planWithRefusals(footprint: nil, delivery: .full, refusals: Refusals(assumed: [c1])))
    #expect(england[FinancialYear.target.index] == (a.england.value(.plan, .target) ?? 0) + 10 + 150)
    #expect(
      a.planWithRefusals(footprint: FootprintID(1), delivery: .full, refusals: Refusals()) == nil,
      "nothing at risk in Beta Coast")
    let lines = OrganisationTable.lines(a, delivery: .full, refusals: Refusals(flags: FlagSet(), assumed: [c1]))
    let c1Line = try #require(lines.first { $0.code == "C1" })
    #expect(c1Line.assumedRefusing && c1Line.atRisk == 150 && c1Line.refusing)
    #expect(!c1Line.pivotal, "a body assumed refusing is never pivotal")
  }

  @Test func aFootprintsOwnSavingsAreSharedOutSoMembersHoldExactlyThem() throws {
    // Beta Coast files its own 2020/21 figures: do-nothing 200, plan 0, so
    // 200 of savings, held by K1 (30), C2 (80) and T2 (50) pro rata.
    let a = try analysis(
      finance: Self.finance + "E2,2020/21,do_nothing,200,reported,\nE2,2020/21,plan,0,reported,\n")
    #expect(a.savingsAllocated[FootprintID(1)] && !a.savingsAllocated[FootprintID(0)])
    let held = a.dataset.membersOfFootprint[FootprintID(1)].compactMap { a.membershipSavings[$0] }
    #expect(abs(held.reduce(0, +) - 200) < 1e-9)
    let lines = OrganisationTable.lines(a, delivery: .full, refusals: Refusals(flags: FlagSet()))
    let total = lines.compactMap(\.savings).reduce(0, +)
    let england = try #require(a.england.plannedSavings(.target))
    #expect(abs(total - england) < 1e-9, "every organisation's savings add up to England's")
    let c2 = try #require(lines.first { $0.code == "C2" })
    #expect(abs((c2.savings ?? 0) - 80 * 200 / 160) < 1e-9)
  }
}
