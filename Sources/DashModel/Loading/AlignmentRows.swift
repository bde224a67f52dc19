/// Reads `alignment.csv`: stances of member bodies, possibly several dated ones per pair.
enum AlignmentRows {
  static let file = "alignment.csv"
  static let required = ["org", "footprint", "stance"]
  static let optional = ["as_of", "note", "source", "basis"]

  /// Parses every record; the membership check is done by the loader.
  static func read(_ table: CSVTable, references: References, problems: inout ProblemList) -> [AlignmentRecord] {
    let org = table.column("org")
    let footprint = table.column("footprint")
    let stance = table.column("stance")
    let asOf = table.column("as_of")
    let note = table.column("note")
    let source = table.column("source")
    let basis = table.column("basis")
    var out: [AlignmentRecord] = []
    var seen: [PairDate: Int] = [:]
    var unknown = UnknownCodes()
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      let o = references.organisation(row, org, unknown: &unknown, problems: &problems)
      let f = references.footprint(row, footprint, unknown: &unknown, problems: &problems)
      let stanceValue = Stance(row: row, slot: stance)
      if stanceValue == nil {
        let stanceText = row.string(stance)
        problems.error(
          file, line: line, field: "stance",
          "stance \(quotedForMessage(stanceText)) is not one of \(Stance.validCodes)")
      }
      let dateText = row.string(asOf)
      let date = dateText.isEmpty ? 0 : (isoDate(dateText) ?? -1)
      if date < 0 {
        problems.error(
          file, line: line, field: "as_of",
          "as_of \(quotedForMessage(dateText)) is not a date like 2016-08-26")
      }
      let basisValue = RowChecks.basis(row.string(basis), field: "basis", file: file, line: line, problems: &problems)
      guard let o, let f, let stanceValue else { return }
      let key = PairDate(pair: Dataset.key(org: o, footprint: f), date: date)
      if let first = seen[key] {
        problems.error(
          file, line: line,
          "a second stance for \(row.string(org)) in \(row.string(footprint))\(dateText.isEmpty ? " without a date" : " on \(dateText)") (first on line \(first)); give each an as_of date"
        )
        return
      }
      seen[key] = line
      out.append(
        AlignmentRecord(
          org: o, footprint: f, stance: stanceValue, asOf: dateText.nilIfEmpty,
          note: row.string(note).nilIfEmpty, source: row.string(source).nilIfEmpty, basis: basisValue,
          line: line))
    }
    unknown.report(file: file, into: &problems)
    return out
  }

  /// A member in a footprint on a date (0 for undated), for finding repeats.
  struct PairDate: Hashable {
    var pair: Int64
    var date: Int
  }

  /// Whether the text is a real calendar date written `YYYY-MM-DD`.
  static func isISODate(_ text: String) -> Bool { isoDate(text) != nil }

  /// A real calendar date written `YYYY-MM-DD`, as the number YYYYMMDD.
  static func isoDate(_ text: String) -> Int? {
    let b = Array(text.utf8)
    guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
    var digits: [Int] = []
    for i in [0, 1, 2, 3, 5, 6, 8, 9] {
      guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
      digits.append(Int(b[i]) - 0x30)
    }
    let y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
    let m = digits[4] * 10 + digits[5]
    let d = digits[6] * 10 + digits[7]
    guard (1...12).contains(m), d >= 1 else { return nil }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard d <= days[m - 1] else { return nil }
    return y * 10_000 + m * 100 + d
  }
}
