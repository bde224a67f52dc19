/// Reads `organisations.csv`.
enum OrganisationRows {
  static let file = "organisations.csv"
  static let required = ["code", "name", "kind"]
  static let optional = ["source"]

  /// Parses every organisation, registering codes after the footprints' in `codes`.
  static func read(
    _ table: CSVTable, codes: inout CodeIndex, lines: inout [Int], problems: inout ProblemList
  ) -> [Organisation] {
    let footprintCount = codes.count
    let code = table.column("code")
    let name = table.column("name")
    let kind = table.column("kind")
    let source = table.column("source")
    var out: [Organisation] = []
    var sources = Interner()
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      guard
        let codeText = RowChecks.code(
          row, code, file: file, codes: codes, lines: &lines, footprintCount: footprintCount, problems: &problems)
      else { return }
      let nameText = row.string(name)
      if nameText.isEmpty { problems.error(file, line: line, field: "name", "name is empty") }
      let kindValue = OrganisationKind(row: row, slot: kind)
      if kindValue == nil {
        let kindText = row.string(kind)
        problems.error(
          file, line: line, field: "kind",
          "kind \(quotedForMessage(kindText)) is not one of \(OrganisationKind.validCodes)")
      }
      out.append(
        Organisation(
          code: codeText, name: nameText, kind: kindValue ?? .other, source: sources.text(row, source).nilIfEmpty))
    }
    return out
  }
}
