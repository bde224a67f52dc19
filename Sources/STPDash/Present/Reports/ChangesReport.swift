import DashModel

/// A proposed service change with the referrals of it, as the Changes
/// screen and `stpdash changes` list it.
struct ChangeLine: Hashable {
  var change: ServiceChange
  var referrals: [Referral]

  /// Referred to the Secretary of State (a related decision is not a referral).
  var referred: Bool { referrals.contains { $0.referred != nil } }
  /// The first referral's date.
  var referredOn: EventDate? { referrals.compactMap(\.referred).min() }
  /// The latest IRP advice or Secretary of State's action, and its date.
  var advice: (text: String, date: EventDate?)? {
    referrals.reversed().lazy.compactMap { r in
      r.advice.map { ($0, r.adviceDate) } ?? r.action.map { ($0, r.actionDate) }
    }
    .first
  }
  /// The latest final outcome, and its date.
  var outcome: (text: String, date: EventDate?)? {
    referrals.reversed().lazy.compactMap { r in r.outcome.map { ($0, r.outcomeDate) } }.first
  }
  /// How the row stands: a campaign's word carries a caveat.
  var standing: FigureStanding { DisputeWords.standing(change.sourceKind) }

  /// Every change of the data, each with its referrals, in file order.
  static func all(_ d: Dataset) -> [ChangeLine] {
    d.disputes.changes.map { ChangeLine(change: $0, referrals: d.disputes.referrals(change: $0)) }
  }
}

/// A column of the Changes screen and `stpdash changes`, for sorting.
enum ChangeColumn: String, CaseIterable, Hashable {
  case footprint, site, service, status, date, referred, source

  var title: String {
    switch self {
    case .footprint: "Footprint"
    case .site: "Site"
    case .service: "Service"
    case .status: "Status"
    case .date: "Date"
    case .referred: "Referred"
    case .source: "Source"
    }
  }

  /// The key `--sort` takes.
  var key: String { rawValue }

  /// Parses a `--sort` value.
  init?(key: String) {
    guard
      let c = Self.allCases.first(where: {
        $0.rawValue == key.lowercased() || $0.title.lowercased() == key.lowercased()
      })
    else { return nil }
    self = c
  }

  static var keyList: String { allCases.map(\.key).joined(separator: ", ") }

  /// An order on lines: by this column, then footprint, then the data's order.
  func order(ascending: Bool, dataset d: Dataset) -> (ChangeLine, ChangeLine) -> Bool {
    func key(_ l: ChangeLine) -> String {
      switch self {
      case .footprint: d.footprints[l.change.footprint].name.lowercased()
      case .site: l.change.site.lowercased()
      case .service: l.change.service.lowercased()
      case .status: (l.change.status ?? "~").lowercased()
      case .date: l.change.statusDate.map { String($0.code) } ?? "~"
      case .referred: l.referredOn.map { String($0.code) } ?? "~"
      case .source: String(l.change.sourceKind.rawValue)
      }
    }
    return { a, b in
      let ka = key(a)
      let kb = key(b)
      if ka != kb { return ascending ? ka < kb : ka > kb }
      return a.change.line < b.change.line
    }
  }
}

/// The proposed changes as one view: the Changes screen, `e` on it, and `stpdash changes`.
struct ChangesReport: Report {
  var lines: [ChangeLine]
  /// How many before the filter.
  var total: Int
  var dataset: Dataset
  var sort: ChangeColumn
  var ascending: Bool
  var context: ExportContext

  var name: String { "changes" }
  var count: Int { lines.count }

  typealias Definition = ColumnDefinition<ChangeLine, Glyphs>

  func columns() -> [Definition] {
    let d = dataset
    func date(_ x: EventDate?) -> Table.Value { .text(x?.iso) }
    return [
      .data("id", "Id") { .text($0.change.id) },
      Definition(
        ChangeColumn.footprint.key, "Footprint", priority: 1, width: .fixed(16), textMinimum: 14, textFlexible: true,
        meaning: "the footprint whose plan or system proposed it", ascendingFirst: true,
        value: { .text(d.footprints[$0.change.footprint].code) }
      ) { l, _ in Table.Cell(text: d.footprints[l.change.footprint].name) },
      .data("footprint_name", "Footprint name") { .text(d.footprints[$0.change.footprint].name) },
      .text(
        ChangeColumn.site.key, "Site", priority: 0, width: .flexible(min: 18, extra: 30), textMinimum: 16,
        textFlexible: true, meaning: "the hospital or site", ascendingFirst: true
      ) { $0.change.site },
      .data("org", "Trust") { l in .text(l.change.org.map { d.organisations[$0].code }) },
      .text(
        ChangeColumn.service.key, "Service", priority: 0, width: .flexible(min: 12, extra: 10), textMinimum: 10,
        textFlexible: true, meaning: "the service: A&E, maternity, stroke, beds…", ascendingFirst: true
      ) { $0.change.service },
      .data("change", "Change") { .text($0.change.change) },
      .data("proposed", "Proposed") { date($0.change.proposed) },
      .text(
        ChangeColumn.status.key, "Status", priority: 3, width: .fixed(22), textMinimum: 10,
        meaning: "where it stood at its date, as the source says", ascendingFirst: true
      ) { $0.change.status ?? "—" },
      Definition(
        ChangeColumn.date.key, "Date", priority: 2, width: .fixed(10), meaning: "when the status was reached",
        value: { date($0.change.statusDate) }
      ) { l, _ in Table.Cell(text: l.change.statusDate?.iso ?? "", tone: .dim) },
      Definition(
        ChangeColumn.referred.key, "Referred", priority: 2, width: .fixed(10),
        meaning: "when it was first referred to the Secretary of State", value: { date($0.referredOn) }
      ) { l, _ in Table.Cell(text: l.referredOn?.iso ?? "", tone: l.referred ? .warn : .normal) },
      .data("referred_by", "Referred by") { l in .text(l.referrals.first { $0.referred != nil }?.referredBy) },
      .data("advice", "Advice") { .text($0.advice?.text) },
      .data("advice_date", "Advice date") { date($0.advice?.date) },
      .text(
        "outcome", "Outcome", priority: 6, width: .fixed(22), textMinimum: 10,
        meaning: "the final outcome of its referral"
      ) { $0.outcome?.text ?? "" },
      .data("outcome_date", "Outcome date") { date($0.outcome?.date) },
      Definition(
        ChangeColumn.source.key, "Source", priority: 1, width: .fixed(9),
        meaning: "the kind of source the row rests on: official, news, campaign (marked " + Figures.caveatMark
          + ": only a campaign's word) or other",
        value: { .text($0.change.sourceKind.code) }
      ) { l, _ in
        Table.Cell(
          text: l.change.sourceKind.code + Figures.mark(l.standing),
          tone: l.change.sourceKind == .campaign ? .warn : .dim)
      },
      .data("basis", "Basis") { .text($0.standing.label) },
      .data("source_text", "Source text") { .text($0.change.source) },
      .data("quote", "Quote") { .text($0.change.quote) },
      .data("note", "Note") { .text($0.change.note) },
    ]
  }

  /// The table of some lines (the screen draws those in view).
  func table(_ shown: ArraySlice<ChangeLine>, glyphs g: Glyphs) -> Table {
    Table(columns(), rows: shown, key: { $0.change.id }, context: g)
  }

  func csv() -> String { TableExport.csv(table(lines[...], glyphs: Glyphs(unicode: true)), context: context) }

  func json() -> String {
    let t = table(lines[...], glyphs: Glyphs(unicode: true))
    return JSONValue.object(
      [("sort", .string(sort.key)), ("ascending", .bool(ascending))] + context.json + [
        ("changes", .array(t.rows.map { TableExport.json($0, in: t) }))
      ]
    ).rendered() + "\n"
  }

  func text(width: Int, glyphs g: Glyphs) -> [String] {
    let out = TextTable(table(lines[...], glyphs: g)).render(width: width, glyphs: g) + [""]
    var notes: [String] = []
    let referred = lines.filter(\.referred).count
    let kinds = SourceKind.allCases.map { k in "\(lines.filter { $0.change.sourceKind == k }.count) \(k.code)" }
    notes.append(
      "\(lines.count) of \(total) proposed changes, \(referred) referred to the Secretary of State; sources: \(kinds.joined(separator: ", "))."
    )
    if !context.filter.isEmpty { notes.append("Filter: \(context.filter).") }
    notes += context.refusalSentences
    notes.append(
      "\(Figures.caveatMark) only a campaign's word: \(FigureStanding.caveat.label). --format csv or json gives each row's change, referral, advice, outcome, source and quote."
    )
    return out + notes.flatMap { DetailLine.wrap($0, width: width) }
  }

  /// The lines of a dataset a filter keeps, in a column's order.
  static func lines(_ d: Dataset, filter: FilterQuery?, sort: ChangeColumn, ascending: Bool) -> [ChangeLine] {
    var lines = ChangeLine.all(d)
    if let filter, !filter.isEmpty { lines = lines.filter { filter.matches(.change($0, dataset: d)) } }
    return lines.sorted(by: sort.order(ascending: ascending, dataset: d))
  }
}
