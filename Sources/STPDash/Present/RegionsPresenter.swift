import DashModel

/// The four NHS England regions and England side by side: the Regions
/// screen and `stpdash regions`. One ``RegionSummary`` each; the screen and
/// text show the measures down and the regions across, CSV and JSON one
/// record per region.
struct RegionSummary {
  var name: String
  var region: Region?
  var total: LeagueRow
  var footprints: Int
  /// Planned savings held by members, at the delivery setting, by stance (£m).
  var savingsByStance: [Double]
  /// Share of the do-nothing gap (£) that is reported, not illustrative.
  var reportedShare: Double?
  /// Share of it reported but with a caveat.
  var caveatShare: Double?
  /// Share of the population that is reported.
  var populationReportedShare: Double?
  /// Footprints whose plans balance as filed, and with their refusals.
  var balancingAsFiled = 0
  var balancingWithRefusals = 0
  /// Each group of bodies' share of the power to block (normalised Banzhaf,
  /// averaged over the footprints whose plans balance with their refusals);
  /// `nil` where none does.
  var powerShare: [BodyGroup: Double] = [:]

  /// Savings held by members of a stance, as a share of all held (0–1).
  func savingsShare(_ s: Stance) -> Double? {
    let total = savingsByStance.reduce(0, +)
    return total > 0 ? savingsByStance[s.rawValue] / total : nil
  }
}

/// The kinds of body the power to block is summed by.
enum BodyGroup: CaseIterable, Hashable {
  case ccgs, trusts, councils

  init?(_ kind: OrganisationKind) {
    switch kind {
    case .ccg: self = .ccgs
    case .acuteTrust, .mentalHealthTrust, .communityTrust, .ambulanceTrust: self = .trusts
    case .council: self = .councils
    case .other: return nil
    }
  }

  var key: String {
    switch self {
    case .ccgs: "ccgs"
    case .trusts: "trusts"
    case .councils: "councils"
    }
  }

  var label: String {
    switch self {
    case .ccgs: "CCGs"
    case .trusts: "trusts"
    case .councils: "councils"
    }
  }
}

enum RegionsPresenter {
  /// One summary per region, then England, from the league's rows (at the
  /// delivery setting, with the refusals counted).
  static func summaries(
    _ rows: [LeagueRow], analysis a: Analysis, delivery scheme: DeliveryScheme, refusals: Refusals
  ) -> [RegionSummary] {
    let d = a.dataset
    // Each balancing footprint's power to block, by group of bodies (two threads at scale).
    let footprintRows = rows.filter { $0.footprint != nil }
    let shares = Parallel.map(footprintRows.count, cost: 2_000) { i -> [BodyGroup: Double]? in
      guard let f = footprintRows[i].footprint, (footprintRows[i].marginWithRefusals ?? -1) >= 0,
        let game = a.blockingPower(footprint: f, delivery: scheme.delivery(footprint: f, in: a), refusals: refusals),
        game.banzhaf.contains(where: { $0 > 0 })
      else { return nil }
      var out: [BodyGroup: Double] = [:]
      for (m, b) in zip(game.members, game.banzhaf) {
        if let g = BodyGroup(d.organisations[d.memberships[m].org].kind) { out[g, default: 0] += b }
      }
      return out
    }
    var powerByFootprint: [FootprintID: [BodyGroup: Double]] = [:]
    for (r, s) in zip(footprintRows, shares) { if let f = r.footprint, let s { powerByFootprint[f] = s } }
    func summary(_ name: String, _ region: Region?, _ part: [LeagueRow]) -> RegionSummary {
      var byStance = Array(repeating: 0.0, count: Stance.allCases.count)
      var dn = 0.0
      var dnReported = 0.0
      var dnCaveat = 0.0
      var pop = 0
      var popReported = 0
      for r in part {
        guard let f = r.footprint else { continue }
        let factor = scheme.delivery(footprint: f, in: a).factor
        for m in d.membersOfFootprint[f] {
          if let v = a.membershipSavings[m] { byStance[d.stance(membership: m).rawValue] += max(0, v * factor) }
        }
        if let v = r.doNothing {
          dn += v
          switch r.standing(.doNothing) {
          case .reported: dnReported += v
          case .caveat:
            dnReported += v
            dnCaveat += v
          case .illustrative: break
          }
        }
        if let p = r.population {
          pop += p
          if r.populationBasis == .reported { popReported += p }
        }
      }
      let total = LeagueTable.total(part, analysis: a, name: name)
      var out = RegionSummary(
        name: name, region: region, total: total, footprints: part.count, savingsByStance: byStance,
        reportedShare: dn > 0 ? dnReported / dn : nil, caveatShare: dn > 0 ? dnCaveat / dn : nil,
        populationReportedShare: pop > 0 ? Double(popReported) / Double(pop) : nil)
      out.balancingAsFiled = part.filter { $0.balancesAsFiled == true }.count
      out.balancingWithRefusals = part.filter { $0.balancesWithRefusals == true }.count
      let games = part.compactMap { $0.footprint.flatMap { powerByFootprint[$0] } }
      if !games.isEmpty {
        for g in BodyGroup.allCases {
          out.powerShare[g] = games.reduce(0) { $0 + ($1[g] ?? 0) } / Double(games.count)
        }
      }
      return out
    }
    return Region.allCases.map { r in summary(r.name, r, footprintRows.filter { $0.region == r }) }
      + [summary(England.name, nil, footprintRows)]
  }

  /// What the blocking rows mean, under the table.
  static let powerNote =
    "At risk: savings held by bodies counted as refusing. Balance: footprints whose 2020/21 plan balances as filed, and with their refusals. Power: each kind's share of the power to block (normalised Banzhaf), averaged over the footprints whose plans balance with their refusals."

  /// A measure: its key in CSV and JSON, its label on screen, and each summary's cell.
  struct Measure {
    var key: String
    var label: String
    var cell: (RegionSummary) -> Table.Cell
  }

  static func measures(glyphs g: Glyphs) -> [Measure] {
    func money(_ v: Double?, _ standing: FigureStanding) -> Table.Cell {
      Table.Cell(
        text: Figures.money(v, unicode: g.unicode), value: .number(v, decimals: 3),
        basis: standing == .illustrative ? .illustrative : .reported, caveat: standing == .caveat)
    }
    func pct(_ v: Double?, _ standing: FigureStanding = .reported, decimals: Int = 1) -> Table.Cell {
      Table.Cell(
        text: Figures.percent(v, unicode: g.unicode), value: .number(v, decimals: decimals),
        basis: standing == .illustrative ? .illustrative : .reported, caveat: standing == .caveat)
    }
    func share(_ v: Double?) -> Table.Cell {
      Table.Cell(
        text: Figures.percent(v.map { $0 * 100 }, unicode: g.unicode), value: .number(v.map { $0 * 100 }, decimals: 1))
    }
    var out = [
      Measure(key: "footprints", label: "Footprints") {
        Table.Cell(text: String($0.footprints), value: .integer($0.footprints))
      },
      Measure(key: "organisations", label: "Organisations") {
        Table.Cell(text: NumberFormat.grouped($0.total.members), value: .integer($0.total.members))
      },
      Measure(key: "do_nothing_2020_21_gbp_m", label: "Do-nothing £m") {
        money($0.total.doNothing, $0.total.standing(.doNothing))
      },
      Measure(key: "do_nothing_reported_pct", label: "  reported") { share($0.reportedShare) },
      Measure(key: "do_nothing_caveat_pct", label: "  with caveat") { share($0.caveatShare) },
      Measure(key: "plan_2020_21_gbp_m", label: "Plan £m") { money($0.total.plan, $0.total.standing(.plan)) },
      Measure(key: "savings_pct", label: "Savings %") {
        pct($0.total.savingsPercent, $0.total.standing(.savingsPercent), decimals: 2)
      },
      Measure(key: "gap_per_head_gbp", label: "£ per head") {
        Table.Cell(
          text: Figures.pounds($0.total.perHead, unicode: g.unicode), value: .number($0.total.perHead, decimals: 2),
          basis: $0.total.standing(.perHead) == .illustrative ? .illustrative : .reported,
          caveat: $0.total.standing(.perHead) == .caveat)
      },
      Measure(key: "population_reported_pct", label: "  pop. reported") { share($0.populationReportedShare) },
      Measure(key: "needed_pct", label: "Needed %") { pct($0.total.neededPercent, $0.total.standing(.needed)) },
      Measure(key: "delivered_pct", label: "Delivered %") {
        pct($0.total.observed?.percent, $0.total.standing(.delivered))
      },
      Measure(key: "savings_at_risk_gbp_m", label: "At risk £m") { money($0.total.atRisk, $0.total.standing(.atRisk)) },
      Measure(key: "refusing", label: "  refusing, n") {
        Table.Cell(text: String($0.total.refusing), value: .integer($0.total.refusing))
      },
      Measure(key: "balancing_as_filed", label: "Balance as filed") {
        Table.Cell(text: String($0.balancingAsFiled), value: .integer($0.balancingAsFiled))
      },
      Measure(key: "balancing_with_refusals", label: "  w/ refusals") {
        Table.Cell(text: String($0.balancingWithRefusals), value: .integer($0.balancingWithRefusals))
      },
      Measure(key: "pivotal", label: "Pivotal bodies") {
        Table.Cell(text: String($0.total.pivotal), value: .integer($0.total.pivotal))
      },
    ]
    for group in BodyGroup.allCases {
      out.append(
        Measure(key: "blocking_power_\(group.key)_pct", label: group == .ccgs ? "Power: CCGs" : "  \(group.label)") {
          s in
          let v = s.powerShare[group].map { $0 * 100 }
          return Table.Cell(
            text: Figures.percent(v, unicode: g.unicode), value: .number(v, decimals: 1),
            basis: v == nil ? nil : (s.total.illustrativeColumns.contains(.blockers) ? .illustrative : .reported))
        })
    }
    for s in Stance.allCases where s != .unknown {
      out.append(
        Measure(key: "\(s.code)_count", label: "\(s.code.prefix(1).uppercased() + s.code.dropFirst()), n") {
          Table.Cell(text: String($0.total.alignment.count(s)), value: .integer($0.total.alignment.count(s)))
        })
      out.append(
        Measure(key: "\(s.code)_savings_pct", label: "  by £ held") { share($0.savingsShare(s)) })
    }
    out.append(
      Measure(key: "dhsc_loans_gbp_m", label: "DHSC loans £m") {
        Table.Cell(text: Figures.money($0.total.loans, unicode: g.unicode), value: .number($0.total.loans, decimals: 3))
      })
    out.append(
      Measure(key: "dhsc_loans_change_gbp_m", label: "  since 16/17") {
        Table.Cell(
          text: Figures.money($0.total.loansChange, unicode: g.unicode),
          value: .number($0.total.loansChange, decimals: 3))
      })
    return out
  }

  /// One record per region then England (CSV, JSON).
  static func table(_ summaries: [RegionSummary], glyphs g: Glyphs) -> Table {
    let ms = measures(glyphs: g)
    var t = Table(
      columns: [Table.Column(key: "region", title: "Region", width: .flexible(min: 10, extra: 10))]
        + ms.map { Table.Column(key: $0.key, title: $0.label, align: .right, width: .fixed(10)) })
    t.rows = summaries.map { s in Table.Row(key: nil, cells: [.text(s.name)] + ms.map { $0.cell(s) }) }
    return t
  }

  /// The measures down and the regions across (screen and text).
  static func sideBySide(_ summaries: [RegionSummary], glyphs g: Glyphs) -> Table {
    let ms = measures(glyphs: g)
    var t = Table(
      columns: [Table.Column(key: "measure", title: "Measure", priority: 0, width: .flexible(min: 16, extra: 0))]
        + summaries.enumerated().map { i, s in
          Table.Column(
            key: s.name, title: s.region?.shortName ?? s.name, align: .right,
            // England always shows; of the regions, the rightmost give
            // way first, so what shows reads from the left (H/L scroll).
            priority: i == summaries.count - 1 ? 0 : i + 1,
            width: .fixed(11))
        })
    t.rows = ms.map { m in
      Table.Row(key: nil, cells: [Table.Cell(text: m.label, tone: .dim)] + summaries.map { m.cell($0) })
    }
    return t
  }
}
