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
    var seen: [String: Int] = [:]
    var unknown = UnknownCodes()
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      let o = references.organisation(row, org, unknown: &unknown, problems: &problems)
      let f = references.footprint(row, footprint, unknown: &unknown, problems: &problems)
      let stanceText = row.string(stance)
      let stanceValue = Stance(code: stanceText)
      if stanceValue == nil {
        problems.error(
          file, line: line, field: "stance",
          "stance \(quotedForMessage(stanceText)) is not one of \(Stance.validCodes)")
      }
      let dateText = row.string(asOf)
      if !dateText.isEmpty && !isISODate(dateText) {
        problems.error(
          file, line: line, field: "as_of",
          "as_of \(quotedForMessage(dateText)) is not a date like 2016-08-26")
      }
      let basisValue = RowChecks.basis(row.string(basis), field: "basis", file: file, line: line, problems: &problems)
      guard let o, let f, let stanceValue else { return }
      let key = "\(o),\(f),\(dateText)"
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

  /// Whether the text is a real calendar date written `YYYY-MM-DD`.
  static func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1
    else { return false }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return d <= days[m - 1]
  }
}
