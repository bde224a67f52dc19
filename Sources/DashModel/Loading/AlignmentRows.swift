/// Reads `alignment.csv`: stances of member bodies, possibly several dated ones per pair.
enum AlignmentRows {
  static let file = "alignment.csv"
  static let required = ["org", "footprint", "stance"]
  static let optional = ["as_of", "note", "source", "basis"]

  /// Parses every record; the membership check is done by the loader.
  static func read(_ table: CSVTable, references: References, problems: inout ProblemList) -> StanceRecords {
    let org = table.column("org")
    let footprint = table.column("footprint")
    let stance = table.column("stance")
    let asOf = table.column("as_of")
    let note = table.column("note")
    let source = table.column("source")
    let basis = table.column("basis")
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
      let date = dateBytes.isEmpty ? 0 : (isoDate(bytes: dateBytes) ?? -1)
      if date < 0 {
        let dateText = row.string(asOf)
        problems.error(
          file, line: line, field: "as_of",
          "as_of \(quotedForMessage(dateText)) is not a date like 2016-08-26")
      }
      let basisValue = RowChecks.basis(row, basis, field: "basis", file: file, problems: &problems)
      guard let o, let f, let stanceValue else { return }
      if let first = seen.insert(org: o, footprint: f, extra: Int32(date), line: line) {
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
        source: texts.id(row, source, field: "source", file: file, problems: &problems), basis: basisValue, line: line)
    }
    unknown.report(file: file, into: &problems)
    out.texts = texts.strings
    return out
  }

  /// Whether the text is a real calendar date written `YYYY-MM-DD`.
  static func isISODate(_ text: String) -> Bool { isoDate(text) != nil }

  /// A real calendar date written `YYYY-MM-DD`, as the number YYYYMMDD.
  static func isoDate(_ text: String) -> Int? {
    var s = text
    return s.withUTF8 { isoDate(bytes: $0) }
  }

  /// The same, from bytes.
  static func isoDate(bytes b: UnsafeBufferPointer<UInt8>) -> Int? {
    guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
    func digit(_ i: Int) -> Int? {
      let c = b[i]
      return c >= 0x30 && c <= 0x39 ? Int(c) - 0x30 : nil
    }
    guard let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3), let m1 = digit(5),
      let m2 = digit(6), let d1 = digit(8), let d2 = digit(9)
    else { return nil }
    let y = y1 * 1000 + y2 * 100 + y3 * 10 + y4
    let m = m1 * 10 + m2
    let d = d1 * 10 + d2
    guard (1...12).contains(m), d >= 1 else { return nil }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    // A switch, not an array literal: no allocation per row.
    let days: Int
    switch m {
    case 2: days = leap ? 29 : 28
    case 4, 6, 9, 11: days = 30
    default: days = 31
    }
    guard d <= days else { return nil }
    return y * 10_000 + m * 100 + d
  }
}
