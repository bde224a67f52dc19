/// Reads `alignment.csv`: stances of member bodies, possibly several dated ones per pair.
enum AlignmentRows {
  static let file = "alignment.csv"
  static let required = ["org", "footprint", "stance"]
  static let optional = ["as_of", "note", "source", "basis", "caveat", "source_kind"]

  /// Parses every record; the membership check is done by the loader.
  static func read(_ table: CSVTable, references: References, problems: inout ProblemList) -> StanceRecords {
    let org = table.column("org")
    let footprint = table.column("footprint")
    let stance = table.column("stance")
    let asOf = table.column("as_of")
    let note = table.column("note")
    let source = table.column("source")
    let basis = table.column("basis")
    let caveat = table.column("caveat")
    let sourceKind = table.column("source_kind")
    var out = StanceRecords()
    out.reserve(table.estimatedRecords)
    var seen = PairSet(organisations: references.organisationCount, records: table.estimatedRecords)
    var hints = References.Hints()
    let texts = Interner()
    var unknown = UnknownCodes()
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      let o = references.organisation(row, org, hints: &hints, unknown: &unknown, problems: &problems)
      let f = references.footprint(row, footprint, hints: &hints, unknown: &unknown, problems: &problems)
      let stanceValue = Stance(row: row, slot: stance)
      if stanceValue == nil {
        let stanceText = row.string(stance)
        problems.error(
          file, line: line, field: "stance",
          "stance \(quotedForMessage(stanceText)) is not one of \(Stance.validCodes)")
      }
      let dateBytes = row.trimmedBytes(asOf)
      let date: Int32 = dateBytes.isEmpty ? 0 : (EventDate.parse(dateBytes)?.code ?? -1)
      if date < 0 {
        let dateText = row.string(asOf)
        problems.error(
          file, line: line, field: "as_of",
          "as_of \(quotedForMessage(dateText)) is not a date like 2016-08-26, 2017-03, 2018 or 2016/17")
      }
      var kind: SourceKind? = nil
      if !row.trimmedBytes(sourceKind).isEmpty {
        kind = DisputeCells(row: row, file: file).sourceKind(sourceKind, problems: &problems)
        if kind == nil { return }
      }
      let basisValue = RowChecks.basis(row, basis, field: "basis", file: file, problems: &problems)
      guard let o, let f, let stanceValue else { return }
      if let first = seen.insert(org: o, footprint: f, extra: date == 0 ? 0 : (date - 1) >> 3, line: line) {
        let dateText = dateBytes.isEmpty ? "" : row.string(asOf)
        problems.error(
          file, line: line,
          "a second stance for \(row.string(org)) in \(row.string(footprint))\(dateText.isEmpty ? " without a date" : " on \(dateText)") (first on line \(first)); give each an as_of date"
        )
        return
      }
      out.append(
        org: o, footprint: f, stance: stanceValue, date: date,
        note: texts.id(row, note, field: "note", file: file, problems: &problems),
        source: texts.id(row, source, field: "source", file: file, problems: &problems), basis: basisValue, line: line,
        caveat: texts.id(row, caveat, field: "caveat", file: file, problems: &problems), sourceKind: kind)
    }
    unknown.report(file: file, into: &problems)
    out.texts = texts.strings
    return out
  }
}
