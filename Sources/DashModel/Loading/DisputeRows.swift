/// What the dispute files' readers share: a row's text, dates and kind of source, checked.
struct DisputeCells {
  let row: CSVRow
  let file: String

  func text(_ slot: Int, _ field: String, limit: Int = RowChecks.noteLimit, problems: inout ProblemList) -> String? {
    RowChecks.text(row, slot, field: field, file: file, limit: limit, problems: &problems).trimmingWhitespace()
      .nilIfEmpty
  }

  func required(
    _ slot: Int, _ field: String, limit: Int = RowChecks.nameLimit, problems: inout ProblemList
  )
    -> String?
  {
    let t = text(slot, field, limit: limit, problems: &problems)
    if t == nil, !row.trimmedBytes(slot).isEmpty { return nil }
    if t == nil { problems.error(file, line: row.line, field: field, "\(field) is empty") }
    return t
  }

  func date(_ slot: Int, _ field: String, problems: inout ProblemList) -> (ok: Bool, date: EventDate?) {
    let b = row.trimmedBytes(slot)
    if b.isEmpty { return (true, nil) }
    if let d = EventDate.parse(b) { return (true, d) }
    problems.error(
      file, line: row.line, field: field,
      "\(field) \(quotedForMessage(row.string(slot))) is not a date like 2016-08-26, 2017-03, 2018 or 2016/17")
    return (false, nil)
  }

  /// Whether `id` is new in the file (recording its line); a second one is an error naming the first.
  func isFirst(_ id: String, of what: String, seen: inout [String: Int], problems: inout ProblemList) -> Bool {
    if let first = seen[id] {
      problems.error(
        file, line: row.line, field: "id", "a second \(what) \(quotedForMessage(id)) (first on line \(first))")
      return false
    }
    seen[id] = row.line
    return true
  }

  func sourceKind(_ slot: Int, problems: inout ProblemList) -> SourceKind? {
    let text = row.string(slot).trimmingWhitespace()
    if let k = SourceKind(code: text) { return k }
    problems.error(
      file, line: row.line, field: "source_kind",
      text.isEmpty
        ? "source_kind is empty: say official, news, campaign or other"
        : "source_kind \(quotedForMessage(text)) is not one of \(SourceKind.validCodes)")
    return nil
  }
}

/// A table's column slots by name.
struct ColumnSlots {
  let table: CSVTable
  init(_ table: CSVTable) { self.table = table }
  subscript(_ name: String) -> Int { table.column(name) }
}

/// The loop every dispute file shares: each record with its cells, its
/// footprint resolved and its kind of source, source and quote read; the
/// unknown codes reported once, at the end.
struct DisputeReader {
  let table: CSVTable
  let file: String
  let references: References
  var hints = References.Hints()
  var unknown = UnknownCodes()

  /// What each record gives (`nil`: nothing, its problems recorded).
  mutating func rows<T>(
    problems: inout ProblemList,
    _ body: (DisputeCells, _ footprint: Int?, _ sourced: Sourced, inout DisputeReader, inout ProblemList) -> T?
  ) -> [T] {
    let c = ColumnSlots(table)
    var out: [T] = []
    var me = self
    table.forEachRecord(problems: &problems) { row, problems in
      let cells = DisputeCells(row: row, file: me.file)
      let f = me.references.footprint(
        row, c["footprint"], hints: &me.hints, unknown: &me.unknown, problems: &problems)
      let sourced = Sourced(
        kind: cells.sourceKind(c["source_kind"], problems: &problems),
        source: cells.text(c["source"], "source", problems: &problems),
        quote: cells.text(c["quote"], "quote", problems: &problems))
      if let v = body(cells, f, sourced, &me, &problems) { out.append(v) }
    }
    me.unknown.report(file: file, into: &problems)
    self = me
    return out
  }

  /// An organisation named in a record (`nil`, with the problem, when it is no organisation's code).
  mutating func organisation(_ row: CSVRow, _ slot: Int, problems: inout ProblemList) -> Int? {
    references.organisation(row, slot, hints: &hints, unknown: &unknown, problems: &problems)
  }

  /// A record's kind of source, source and quote.
  struct Sourced {
    var kind: SourceKind?
    var source: String?
    var quote: String?
  }
}

/// Reads the optional `changes.csv`: proposed service changes.
enum ChangeRows {
  static let file = "changes.csv"
  static let required = ["id", "footprint", "site", "service", "change", "source_kind"]
  static let optional = ["org", "proposed", "status", "status_date", "source", "quote", "note"]

  static func read(_ table: CSVTable, references: References, problems: inout ProblemList) -> [ServiceChange] {
    let c = ColumnSlots(table)
    var seen: [String: Int] = [:]
    var reader = DisputeReader(table: table, file: file, references: references)
    return reader.rows(problems: &problems) { cells, f, sourced, reader, problems in
      let row = cells.row
      var org: Int? = nil
      if !row.trimmedBytes(c["org"]).isEmpty {
        org = reader.organisation(row, c["org"], problems: &problems)
        if org == nil { return nil }
      }
      let id = cells.required(c["id"], "id", limit: RowChecks.codeLimit, problems: &problems)
      let site = cells.required(c["site"], "site", problems: &problems)
      let service = cells.required(c["service"], "service", problems: &problems)
      let change = cells.required(c["change"], "change", limit: RowChecks.noteLimit, problems: &problems)
      let proposed = cells.date(c["proposed"], "proposed", problems: &problems)
      let statusDate = cells.date(c["status_date"], "status_date", problems: &problems)
      let status = cells.text(c["status"], "status", limit: RowChecks.nameLimit, problems: &problems)
      let note = cells.text(c["note"], "note", problems: &problems)
      guard let f, let id, let site, let service, let change, let kind = sourced.kind, proposed.ok, statusDate.ok,
        cells.isFirst(id, of: "change", seen: &seen, problems: &problems)
      else { return nil }
      return ServiceChange(
        id: id, footprint: FootprintID(f), site: site, org: org.map(OrganisationID.init), service: service,
        change: change, proposed: proposed.date, status: status, statusDate: statusDate.date, sourceKind: kind,
        source: sourced.source, quote: sourced.quote, note: note, line: row.line)
    }
  }
}

/// Reads the optional `referrals.csv`: referrals to the Secretary of State and what followed.
enum ReferralRows {
  static let file = "referrals.csv"
  static let required = ["id", "footprint", "site", "service", "referred_by", "source_kind"]
  static let optional = [
    "change", "referred", "action", "action_date", "advice", "advice_date", "outcome", "outcome_date", "source",
    "quote", "note",
  ]

  static func read(
    _ table: CSVTable, references: References, changes: [ServiceChange], problems: inout ProblemList
  ) -> [Referral] {
    let c = ColumnSlots(table)
    let changeFootprint = Dictionary(changes.map { ($0.id, $0.footprint) }, uniquingKeysWith: { a, _ in a })
    var seen: [String: Int] = [:]
    var reader = DisputeReader(table: table, file: file, references: references)
    return reader.rows(problems: &problems) { cells, f, sourced, _, problems in
      let row = cells.row
      let id = cells.required(c["id"], "id", limit: RowChecks.codeLimit, problems: &problems)
      let change = cells.text(c["change"], "change", limit: RowChecks.codeLimit, problems: &problems)
      let site = cells.required(c["site"], "site", problems: &problems)
      let service = cells.required(c["service"], "service", problems: &problems)
      let by = cells.required(c["referred_by"], "referred_by", problems: &problems)
      let referred = cells.date(c["referred"], "referred", problems: &problems)
      let actionDate = cells.date(c["action_date"], "action_date", problems: &problems)
      let adviceDate = cells.date(c["advice_date"], "advice_date", problems: &problems)
      let outcomeDate = cells.date(c["outcome_date"], "outcome_date", problems: &problems)
      func text(_ k: String) -> String? { cells.text(c[k], k, problems: &problems) }
      let (action, advice, outcome) = (text("action"), text("advice"), text("outcome"))
      let note = text("note")
      if let change, let f, changeFootprint[change] != FootprintID(f) {
        problems.error(
          file, line: row.line, field: "change",
          changeFootprint[change] == nil
            ? "change \(quotedForMessage(change)) is not in changes.csv"
            : "change \(quotedForMessage(change)) belongs to another footprint in changes.csv")
        return nil
      }
      guard let f, let id, let site, let service, let by, let kind = sourced.kind, referred.ok, actionDate.ok,
        adviceDate.ok, outcomeDate.ok, cells.isFirst(id, of: "referral", seen: &seen, problems: &problems)
      else { return nil }
      return Referral(
        id: id, change: change, footprint: FootprintID(f), site: site, service: service, referredBy: by,
        referred: referred.date, action: action, actionDate: actionDate.date, advice: advice,
        adviceDate: adviceDate.date, outcome: outcome, outcomeDate: outcomeDate.date, sourceKind: kind,
        source: sourced.source, quote: sourced.quote, note: note, line: row.line)
    }
  }
}

/// Reads the optional `designations.csv`: what each footprint was later designated.
enum DesignationRows {
  static let file = "designations.csv"
  static let required = ["footprint", "designation", "date", "source_kind"]
  static let optional = ["note", "source", "quote"]

  static func read(_ table: CSVTable, references: References, problems: inout ProblemList) -> [Designation] {
    let c = ColumnSlots(table)
    var reader = DisputeReader(table: table, file: file, references: references)
    return reader.rows(problems: &problems) { cells, f, sourced, _, problems in
      let row = cells.row
      let word = row.string(c["designation"]).trimmingWhitespace()
      let kind = DesignationKind(code: word)
      if kind == nil {
        problems.error(
          file, line: row.line, field: "designation",
          "designation \(quotedForMessage(word)) is not one of \(DesignationKind.validCodes)")
      }
      let date = cells.date(c["date"], "date", problems: &problems)
      if date.ok, date.date == nil { problems.error(file, line: row.line, field: "date", "date is empty") }
      let note = cells.text(c["note"], "note", problems: &problems)
      guard let f, let kind, let d = date.date, let sourceKind = sourced.kind else { return nil }
      return Designation(
        footprint: FootprintID(f), kind: kind, date: d, note: note, sourceKind: sourceKind, source: sourced.source,
        quote: sourced.quote, line: row.line)
    }
  }
}

/// Reads the optional `footprint_notes.csv`: statements that name no single body.
enum FootprintNoteRows {
  static let file = "footprint_notes.csv"
  static let required = ["footprint", "note", "source_kind"]
  static let optional = ["date", "source", "quote", "caveat"]

  static func read(_ table: CSVTable, references: References, problems: inout ProblemList) -> [FootprintNote] {
    let c = ColumnSlots(table)
    var reader = DisputeReader(table: table, file: file, references: references)
    return reader.rows(problems: &problems) { cells, f, sourced, _, problems in
      let row = cells.row
      let text = cells.required(c["note"], "note", limit: RowChecks.noteLimit, problems: &problems)
      let date = cells.date(c["date"], "date", problems: &problems)
      let caveat = cells.text(c["caveat"], "caveat", problems: &problems)
      guard let f, let text, let kind = sourced.kind, date.ok else { return nil }
      return FootprintNote(
        footprint: FootprintID(f), date: date.date, text: text, sourceKind: kind, source: sourced.source,
        quote: sourced.quote, caveat: caveat, line: row.line)
    }
  }
}
