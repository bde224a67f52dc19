/// Reads `organisations.csv`.
enum OrganisationRows {
  static let file = "organisations.csv"
  static let required = ["code", "name", "kind"]
  static let optional = ["source"]

  /// Parses every organisation, registering codes after the footprints' in `codes`.
  static func read(
    _ table: CSVTable, codes: inout CodeIndex, footprintCodes: [String: Int], problems: inout ProblemList
  ) -> [Organisation] {
    let code = table.column("code")
    let name = table.column("name")
    let kind = table.column("kind")
    let source = table.column("source")
    var out: [Organisation] = []
    var firstLine: [String: Int] = [:]
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      let codeText = row.string(code)
      guard RowChecks.code(codeText, file: file, line: line, seen: &firstLine, problems: &problems) else { return }
      if let fpLine = footprintCodes[codeText] {
        problems.error(
          file, line: line, field: "code",
          "code \(codeText) is already a footprint's code (footprints.csv:\(fpLine)); finance rows could not tell them apart"
        )
        return
      }
      let nameText = row.string(name)
      if nameText.isEmpty { problems.error(file, line: line, field: "name", "name is empty") }
      let kindText = row.string(kind)
      let kindValue = OrganisationKind(code: kindText)
      if kindValue == nil {
        problems.error(
          file, line: line, field: "kind",
          "kind \(quotedForMessage(kindText)) is not one of \(OrganisationKind.validCodes)")
      }
      _ = codes.insert(codeText)
      out.append(
        Organisation(
          code: codeText, name: nameText, kind: kindValue ?? .other, source: row.string(source).nilIfEmpty))
    }
    return out
  }
}
