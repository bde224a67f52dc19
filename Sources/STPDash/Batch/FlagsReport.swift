import DashModel

/// Flags: the active ones, or the whole history.
enum FlagsReport {
  static func json(_ e: FlagEvent) -> JSONValue {
    .object([
      ("event", .string(e.kind.rawValue)), ("org", .string(e.org)), ("footprint", .string(e.footprint)),
      ("reason", .string(e.reason)), ("author", .string(e.author)), ("time", .string(e.time)),
    ])
  }

  static func csv(_ events: [FlagEvent], dataset: Dataset) -> String {
    var out = CSVWriter.header(["event", "org", "org_name", "footprint", "footprint_name", "reason", "author", "time"])
    for e in events {
      out += CSVWriter.record([
        .text(e.kind.rawValue), .text(e.org), .text(orgName(e.org, dataset).map(VisibleText.sanitize) ?? ""),
        .text(e.footprint), .text(footprintName(e.footprint, dataset).map(VisibleText.sanitize) ?? ""),
        .text(VisibleText.sanitize(e.reason)), .text(VisibleText.sanitize(e.author)), .text(e.time),
      ])
    }
    return out
  }

  static func table(_ events: [FlagEvent], dataset: Dataset, showEvent: Bool) -> TextTable {
    var t = TextTable(columns: [
      .init(title: "Time (UTC)", priority: 2), .init(title: "Event", priority: showEvent ? 1 : 99),
      .init(title: "Organisation", priority: 0, flexible: true, minWidth: 12),
      .init(title: "Footprint", priority: 1, flexible: false, minWidth: 10), .init(title: "Author", priority: 3),
      .init(title: "Reason", priority: 1),
    ])
    t.rows = events.map { e in
      [
        UTCTime.short(e.time), e.kind.rawValue, orgName(e.org, dataset) ?? "\(e.org) (not in the data)",
        footprintName(e.footprint, dataset) ?? e.footprint, e.author, e.reason,
      ]
    }
    if !showEvent { t.columns[1].priority = 99 }
    return t
  }

  static func orgName(_ code: String, _ d: Dataset) -> String? {
    d.organisationIndex(code: code).map { d.organisations[$0].name }
  }

  static func footprintName(_ code: String, _ d: Dataset) -> String? {
    d.footprintIndex(code: code).map { d.footprints[$0].name }
  }
}
