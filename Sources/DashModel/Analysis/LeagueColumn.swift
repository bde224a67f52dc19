/// A column of the league table.
public enum LeagueColumn: Int, CaseIterable, Sendable, Hashable {
  case rank, name, region, members, doNothing, plan, savingsPercent, perHead, aligned, flagged, atRisk, rating
  case needed, delivered, balance, veto, pivotal, loans

  /// The key used by `--sort` and in CSV and JSON output.
  public var key: String {
    switch self {
    case .rank: "rank"
    case .name: "name"
    case .region: "region"
    case .members: "members"
    case .doNothing: Scenario.doNothing.code
    case .plan: Scenario.plan.code
    case .savingsPercent: "savings_pct"
    case .perHead: "per_head"
    case .aligned: "aligned"
    case .flagged: "flagged"
    case .atRisk: "at_risk"
    case .rating: "rating"
    case .needed: "needed_pct"
    case .delivered: "delivered_pct"
    case .balance: "balance_year"
    case .veto: "veto_share"
    case .pivotal: "pivotal"
    case .loans: "loans"
    }
  }

  /// The header in CSV output, with units.
  public var csvHeader: String {
    switch self {
    case .doNothing: "do_nothing_2020_21_gbp_m"
    case .plan: "plan_2020_21_gbp_m"
    case .perHead: "gap_per_head_gbp"
    case .aligned: "aligned_share"
    case .atRisk: "savings_at_risk_gbp_m"
    case .loans: "dhsc_loans_gbp_m"
    default: key
    }
  }

  /// The header on screen and in tables.
  public var title: String {
    switch self {
    case .rank: "#"
    case .name: "Footprint"
    case .region: "Region"
    case .members: "Mem"
    case .doNothing: "Do-nothing"
    case .plan: "Plan"
    case .savingsPercent: "Save%"
    case .perHead: "£/head"
    case .aligned: "Aligned"
    case .flagged: "Flg"
    case .atRisk: "At risk"
    case .rating: "Rating"
    case .needed: "Need%"
    case .delivered: "Done%"
    case .balance: "Bal"
    case .veto: "Veto"
    case .pivotal: "Piv"
    case .loans: "Loans"
    }
  }

  /// A sentence saying what the column holds, for help and `--help`.
  public var meaning: String {
    switch self {
    case .rank: "league position under the current sort"
    case .name: "footprint name"
    case .region: "NHS England region"
    case .members: "member organisations"
    case .doNothing: "do-nothing gap in 2020/21"
    case .plan: "gap in 2020/21 after the plan's savings at the delivery setting"
    case .savingsPercent: "planned savings as a share of the do-nothing gap"
    case .perHead: "do-nothing gap per resident, £"
    case .aligned: "share of members aligned with the plan"
    case .flagged: "members flagged as not cooperating"
    case .atRisk: "planned savings of refused or flagged members"
    case .rating: "NHS England progress rating, July 2017"
    case .needed: "delivery of planned savings that would balance the 2020/21 plan (do-nothing ÷ planned savings)"
    case .delivered:
      "delivery so far: (do-nothing − outturn) ÷ (do-nothing − plan) in the latest year with an outturn"
    case .balance: "first year the plan balances at the delivery setting (never: not by 2020/21)"
    case .veto: "largest single member's share of the footprint's planned savings"
    case .pivotal: "members whose refusal alone would stop a balancing plan balancing"
    case .loans: "DHSC loans to its member trusts, closing balance, latest year (2018/19), £m"
    }
  }

  /// Which columns go first when space is short: lower numbers stay longest.
  public var priority: Int {
    switch self {
    case .name: 0
    case .doNothing: 1
    case .rank: 2
    case .plan: 3
    case .atRisk: 4
    case .pivotal: 5
    case .aligned: 6
    case .veto: 7
    case .flagged: 8
    case .savingsPercent: 9
    case .perHead: 10
    case .region: 11
    case .members: 12
    case .needed: 13
    case .delivered: 14
    case .rating: 15
    case .balance: 16
    case .loans: 17
    }
  }

  /// Whether a user picking this column expects ascending order first.
  public var naturallyAscending: Bool {
    switch self {
    case .rank, .name, .region, .rating, .needed, .balance: true
    default: false
    }
  }

  /// Whether values are numbers (right-aligned).
  public var isNumeric: Bool {
    switch self {
    case .name, .region, .rating, .aligned, .balance: false
    default: true
    }
  }

  /// Parses a `--sort` value: a key, a CSV header, or either with dashes.
  public init?(key text: String) {
    let k = String(text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    let aliases: [String: LeagueColumn] = [
      "gap": .doNothing, "donothing": .doNothing, "savings": .savingsPercent, "savings_percent": .savingsPercent,
      "per_head_gbp": .perHead, "perhead": .perHead, "head": .perHead, "alignment": .aligned, "flags": .flagged,
      "risk": .atRisk, "savings_at_risk": .atRisk, "footprint": .name, "position": .rank, "need": .needed,
      "needed_percent": .needed, "done": .delivered, "delivered_percent": .delivered, "observed": .delivered,
      "balance": .balance, "balances": .balance, "largest_share": .veto, "dhsc_loans": .loans, "debt": .loans,
    ]
    if let c = LeagueColumn.allCases.first(where: { $0.key == k || $0.csvHeader == k }) {
      self = c
    } else if let c = aliases[k] {
      self = c
    } else {
      return nil
    }
  }

  /// Every key, for messages.
  public static var keyList: String { allCases.map(\.key).joined(separator: ", ") }
}
