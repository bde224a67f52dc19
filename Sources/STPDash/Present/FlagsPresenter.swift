import DashModel

/// Flag events as a table: the Flags screen (active flags), `e` on it, and
/// `stpdash flags [--all]` in every format.
enum FlagsPresenter {
  /// The table of `events`; `showEvent` when flags and unflags are mixed
  /// (the whole history). `unsaved` marks events not yet on disk.
  static func table(
    _ events: [FlagEvent], dataset d: Dataset, showEvent: Bool, unsaved: (FlagEvent) -> Bool = { _ in false }
  ) -> Table {
    var t = Table(columns: [
      Table.Column(key: "time", title: "Time (UTC)", priority: 2, width: .fixed(16)),
      Table.Column(
        key: "event", title: "Event", priority: 1, width: .fixed(6), outputs: showEvent ? .everywhere : .data),
      Table.Column(
        key: "org_name", title: "Organisation", priority: 0, width: .flexible(min: 14, extra: 999),
        outputs: [
          .screen, .text, .csv,
        ], textMinimum: 12, textFlexible: true),
      Table.Column(key: "org", title: "Code", outputs: .data),
      Table.Column(
        key: "footprint_name", title: "Footprint", priority: 1, width: .fixed(12), outputs: [.screen, .text, .csv],
        textMinimum: 12, textFlexible: true),
      Table.Column(key: "footprint", title: "Footprint code", outputs: .data),
      Table.Column(key: "author", title: "Author", priority: 3, width: .fixed(10)),
      Table.Column(key: "reason", title: "Reason", priority: 1, width: .fixed(8), textMinimum: 10, textFlexible: true),
    ])
    t.dataOrder = ["event", "org", "org_name", "footprint", "footprint_name", "reason", "author", "time"]
    t.rows = events.enumerated().map { i, e in
      let pending = unsaved(e)
      let org = d.organisationID(code: e.org).map { d.organisations[$0].name }
      let fp = d.footprintID(code: e.footprint).map { d.footprints[$0].name }
      let tone: Tone = pending ? .unsaved : .normal
      return Table.Row(
        key: i,
        cells: [
          Table.Cell(text: UTCTime.short(e.time), value: .text(e.time), tone: tone),
          Table.Cell(text: e.kind.rawValue, value: .text(e.kind.rawValue), tone: tone),
          Table.Cell(
            text: org ?? "\(e.org) (not in the data)", value: .text(org ?? ""), tone: pending ? .unsaved : .flag),
          .text(e.org),
          Table.Cell(text: fp ?? e.footprint, value: .text(fp ?? ""), tone: tone),
          .text(e.footprint),
          Table.Cell(text: e.author, value: .text(e.author), tone: tone),
          Table.Cell(text: (pending ? "NOT SAVED: " : "") + e.reason, value: .text(e.reason), tone: tone),
        ])
    }
    return t
  }
}
