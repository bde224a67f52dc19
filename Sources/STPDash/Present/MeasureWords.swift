import DashModel

/// The blocking measures in plain words, said once: the help, `p` over a
/// footprint, the text output's legend and the README take them from here.
enum MeasureWords {
  /// Each measure: its name and one sentence.
  static let measures: [(name: String, sentence: String)] = [
    (
      "Margin as filed",
      "the 2020/21 planned savings at the delivery setting less the do-nothing gap: what the plan has to spare with every member delivering (negative: short)"
    ),
    (
      "With refusals",
      "the same margin without the savings of the members counted as refusing: those that refused (with ! or --refusing, dissenting or conditional ones too), those flagged, and those assumed refusing (x)"
    ),
    (
      "Pivotal",
      "a cooperating member whose savings exceed the margin with refusals, when the plan balances with its refusals: its refusal alone would stop the plan balancing; a refusing body never is"
    ),
    (
      "Blockers needed",
      "the fewest cooperating members whose joint refusal makes the margin with refusals negative, the largest holders first (0: already short; none: no refusal can sink it)"
    ),
    (
      "Power to block",
      "Coleman's power to prevent action: of the groups of cooperating members whose savings would balance the plan, the share that need this member (100%: a veto); Banzhaf: its share of all members' such cases. Counted exactly over every group, in whole £0.1m"
    ),
  ]

  /// The measures as the help lists them beside the keys: a column's
  /// title or a mark, and a few words (`p` over a footprint says more).
  static func help(glyphs g: Glyphs) -> [(label: String, text: String)] {
    [
      ("Short", "the 2020/21 gap without refusing bodies' savings"),
      ("Piv \(g.pivotal)", "pivotal: its refusal alone sinks the plan"),
      ("Block", "the fewest bodies whose refusal sinks it"),
      ("Power", "share of the groups balancing it that need it"),
      ("\(g.refusing)", "counted as refusing: stance (!), flag or x"),
    ]
  }

  /// The marks of the members table, as sentences.
  static func legend(glyphs g: Glyphs) -> [String] {
    [
      "\(g.pivotal) pivotal: its refusal alone would stop the plan balancing, after the refusals counted.",
      "\(g.refusing) counted as refusing (its stance, a flag, or assumed): its savings are left out of the plan with refusals.",
    ]
  }

  /// `p` over a footprint: each measure with its figure, and which inputs are illustrative.
  static func lines(
    _ f: FootprintID, analysis: Analysis, row: LeagueRow, plan: PlanBlocking, glyphs g: Glyphs
  ) -> [DetailLine] {
    let d = analysis.dataset
    func money(_ v: Double?) -> String { v.map { g.pound + Figures.money($0, unicode: g.unicode) + "m" } ?? g.dash }
    func standing(_ c: LeagueColumn) -> FigureStanding { row.standing(c) }
    let blockers = plan.blockersNeeded.map(String.init) ?? (plan.marginWithRefusals == nil ? g.dash : "none")
    let figures: [(String, FigureStanding)] = [
      (money(plan.marginAsFiled), standing(.plan)),
      (money(plan.marginWithRefusals), standing(.short)),
      (String(plan.pivotal.count), standing(.pivotal)),
      (blockers, standing(.blockers)),
      ("see Power in the members", standing(.blockers)),
    ]
    var out = [DetailLine(text: "What breaks the plan", kind: .title)]
    for (m, fig) in zip(measures, figures) {
      out.append(ProvenancePresenter.line(m.name, fig.0, fig.1, ""))
      out.append(ProvenancePresenter.indented(m.sentence, tone: .dim))
    }
    // Which inputs are illustrative: members' savings, and the stances that decide who refuses.
    var savings: [String] = []
    var stances: [String] = []
    for m in d.membersOfFootprint[f] {
      let ms = d.memberships[m]
      if d.finance.hasIllustrative(entity: d.finance.entity(organisation: ms.org)) {
        savings.append(d.organisations.name(of: ms.org))
      }
      if d.stanceRecord(membership: m)?.basis == .illustrative { stances.append(d.organisations.name(of: ms.org)) }
    }
    if row.illustrativeColumns.contains(.plan) { savings.insert("the footprint's own gap or plan", at: 0) }
    if savings.isEmpty && stances.isEmpty {
      out.append(ProvenancePresenter.indented("Illustrative inputs: none; every figure behind these is reported."))
    } else {
      if !savings.isEmpty {
        out.append(ProvenancePresenter.indented("Illustrative savings: " + savings.joined(separator: ", "), tone: .dim))
      }
      if !stances.isEmpty {
        out.append(ProvenancePresenter.indented("Illustrative stances: " + stances.joined(separator: ", "), tone: .dim))
      }
    }
    return out
  }
}
