import DashModel

/// How the disputes are said, once: a trust's control total, a footprint's
/// changes, designations and notes, for the screens, the text and the exports.
enum DisputeWords {
  /// A trust's control-total decision, with its predicted deficit: "not
  /// accepted 2016/17 (2016-07); predicted deficit £39.8m"; `nil` without one.
  static func controlTotal(_ o: OrganisationID, dataset d: Dataset, pound: String = "£") -> String? {
    let records = d.indicators(organisation: o)
    guard let decision = records.last(where: { $0.indicator == Indicator.controlTotalAccepted }) else { return nil }
    var text = (decision.value == 0 ? "not accepted " : "accepted ") + decision.year.label
    if let when = decision.asOf { text += " (\(when.iso))" }
    if let deficit = records.first(where: { $0.indicator == Indicator.predictedDeficit && $0.year == decision.year }) {
      text += "; predicted deficit " + deficit.formatted(pound: pound)
    }
    return text
  }

  /// The word `control:` filters and the CSV column take: `no`, `yes`, or `nil`.
  static func controlTotalCode(_ o: OrganisationID, dataset d: Dataset) -> String? {
    d.indicators(organisation: o).last { $0.indicator == Indicator.controlTotalAccepted }
      .map { $0.value == 0 ? "no" : "yes" }
  }

  /// A footprint's changes in one line: "4 proposed, 1 referred: maternity,
  /// West Cumberland Hospital (referred); …"; `nil` when it has none.
  static func changesFact(_ f: FootprintID, dataset d: Dataset) -> Fact? {
    let changes = d.disputes.changes(footprint: f)
    guard !changes.isEmpty else { return nil }
    let referrals = d.disputes.referrals(footprint: f).filter { $0.referred != nil }
    let referred = Set(referrals.compactMap(\.change))
    let refs = referrals.count
    let list = changes.map { c in
      "\(c.service), \(c.site)" + (referred.contains(c.id) ? " (referred)" : "") + Figures.mark(standing(c.sourceKind))
    }
    return Fact(
      label: "Changes",
      value: "\(changes.count) proposed" + (refs > 0 ? ", \(refs) referral\(refs == 1 ? "" : "s")" : "") + ": "
        + list.joined(separator: "; "),
      meaning: "proposed service changes (changes.csv) and referrals to the Secretary of State (referrals.csv)",
      tone: refs > 0 ? .warn : .normal, place: .wide)
  }

  /// A footprint's designations: "integrated care system 2018-05; capital wave 1 2017-07-19".
  static func designations(_ f: FootprintID, dataset d: Dataset) -> String? {
    let all = d.disputes.designations(footprint: f)
    guard !all.isEmpty else { return nil }
    return all.map { x in
      x.kind.label + (x.date.map { ", \($0.spoken)" } ?? "") + (x.note.map { " (\($0))" } ?? "")
    }.joined(separator: "; ")
  }

  /// The designations as a fact (drawn full width).
  static func designationsFact(_ f: FootprintID, dataset d: Dataset) -> Fact? {
    designations(f, dataset: d).map {
      Fact(
        label: "Designated", value: $0,
        meaning:
          "what NHS England later designated it: capital wave 1, accountable care system, devolution deal, integrated care system",
        place: .wide)
    }
  }

  /// Statements that name no single body, as a fact.
  static func notesFact(_ f: FootprintID, dataset d: Dataset) -> Fact? {
    let notes = d.disputes.notes(footprint: f)
    guard !notes.isEmpty else { return nil }
    return Fact(
      label: "Notes",
      value: notes.map { n in
        (n.date.map { "\($0.spoken): " } ?? "") + n.text + " [\(n.sourceKind.code)]"
      }.joined(separator: "; "),
      meaning: "statements on the plan that name no single member body (footprint_notes.csv)", tone: .dim,
      place: .wide)
  }

  /// The full-width facts of the disputes for a footprint.
  static func facts(_ f: FootprintID, dataset d: Dataset) -> [Fact] {
    [changesFact(f, dataset: d), designationsFact(f, dataset: d), notesFact(f, dataset: d)].compactMap { $0 }
  }

  /// What the data hold, by kind of source, for help: each file with records
  /// ("changes: 10 official, 15 news, 18 campaign†, 2 other").
  static func help(_ d: Dataset) -> [(label: String, text: String)] {
    let names = [
      "alignment.csv": "stance", "changes.csv": "change", "referrals.csv": "refer",
      "designations.csv": "design", "footprint_notes.csv": "notes",
    ]
    return d.sourceKindCounts.map { file, counts in
      let parts = SourceKind.allCases.compactMap { k in
        counts[k].map { "\($0) \(k.code)" + (k == .campaign ? Figures.caveatMark : "") }
      }
      return (names[file] ?? file, parts.joined(separator: ", ") + " (\(file))")
    }
  }

  /// A record resting on a campaign's word carries a caveat; others stand as reported.
  static func standing(_ kind: SourceKind) -> FigureStanding { kind == .campaign ? .caveat : .reported }

  /// The rating with its date and mark: "Making progress† (July 2017)".
  static func rating(_ fp: Footprint, glyphs g: Glyphs) -> String {
    guard let r = fp.rating else { return g.dash }
    return r.name + Figures.mark(fp.ratingStanding) + " (July 2017)"
  }
}

extension EventDate {
  /// As a sentence says it: "26 August 2016", "May 2018", "2017", "2016/17".
  var spoken: String {
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December",
    ]
    let month = months[max(0, min(11, start.month - 1))]
    switch precision {
    case .day: return "\(start.dayOfMonth) \(month) \(start.year)"
    case .month: return "\(month) \(start.year)"
    case .year, .financialYear: return iso
    }
  }
}

extension DisputeWords {
  /// The disputes of a footprint as JSON keys: changes (with their
  /// referrals), designations, notes, the rating's standing.
  static func json(_ f: FootprintID, dataset d: Dataset) -> [(String, JSONValue)] {
    let fp = d.footprints[f]
    func date(_ x: EventDate?) -> JSONValue { .string(x?.iso) }
    let changes: [JSONValue] = d.disputes.changes(footprint: f).map { c in
      .object([
        ("id", .string(c.id)), ("site", .string(c.site)), ("org", .string(c.org.map { d.organisations[$0].code })),
        ("service", .string(c.service)), ("change", .string(c.change)), ("proposed", date(c.proposed)),
        ("status", .string(c.status)), ("status_date", date(c.statusDate)), ("source_kind", .string(c.sourceKind.code)),
        ("basis", .string(standing(c.sourceKind).label)), ("source", .string(c.source)), ("note", .string(c.note)),
        ("referrals", .array(d.disputes.referrals(change: c).map(referralJSON))),
      ])
    }
    let unlinked = d.disputes.referrals(footprint: f).filter { $0.change == nil }.map(referralJSON)
    return [
      ("rating_basis", .string(fp.rating == nil ? nil : fp.ratingStanding.label)),
      ("rating_note", .string(fp.ratingNote)), ("rating_as_of", date(fp.ratingAsOf)),
      (
        "designations",
        .array(
          d.disputes.designations(footprint: f).map { x in
            .object([
              ("designation", .string(x.kind.code)), ("date", date(x.date)), ("note", .string(x.note)),
              ("source_kind", .string(x.sourceKind.code)), ("source", .string(x.source)),
            ])
          })
      ),
      ("changes", .array(changes)), ("other_referrals", .array(unlinked)),
      (
        "notes",
        .array(
          d.disputes.notes(footprint: f).map { n in
            .object([
              ("date", date(n.date)), ("note", .string(n.text)), ("source_kind", .string(n.sourceKind.code)),
              ("basis", .string(standing(n.sourceKind).label)), ("source", .string(n.source)),
            ])
          })
      ),
    ]
  }

  static func referralJSON(_ r: Referral) -> JSONValue {
    .object([
      ("id", .string(r.id)), ("referred_by", .string(r.referredBy)), ("referred", .string(r.referred?.iso)),
      ("action", .string(r.action)), ("action_date", .string(r.actionDate?.iso)), ("advice", .string(r.advice)),
      ("advice_date", .string(r.adviceDate?.iso)), ("outcome", .string(r.outcome)),
      ("outcome_date", .string(r.outcomeDate?.iso)), ("source_kind", .string(r.sourceKind.code)),
      ("source", .string(r.source)), ("note", .string(r.note)),
    ])
  }
}
