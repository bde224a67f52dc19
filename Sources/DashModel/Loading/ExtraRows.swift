/// Reads the optional `indicators.csv`: facts beyond the trajectory.
enum IndicatorRows {
  static let file = "indicators.csv"
  static let required = ["entity", "year", "indicator", "value"]
  static let optional = ["unit", "basis", "source", "note", "as_of"]

  static func read(_ table: CSVTable, references: References, problems: inout ProblemList) -> [IndicatorRecord] {
    let entity = table.column("entity")
    let year = table.column("year")
    let indicator = table.column("indicator")
    let value = table.column("value")
    let unit = table.column("unit")
    let basis = table.column("basis")
    let source = table.column("source")
    let note = table.column("note")
    let asOf = table.column("as_of")
    var out: [IndicatorRecord] = []
    var seen: [String: Int] = [:]
    var unknown = UnknownCodes()
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      let b = row.trimmedBytes(entity)
      var id: Int? = nil
      if let found = references.codes.find(b) {
        id = found
      } else if references.usable {
        let text = row.string(entity)
        unknown.note(
          text.isEmpty
            ? "entity is empty" : "entity \(quotedForMessage(text)) is not in footprints.csv or organisations.csv",
          field: "entity", line: line)
      }
      var outOfRange = false
      let y = FinancialYear.parse(row.trimmedBytes(year), outOfRange: &outOfRange)
      if y == nil {
        problems.error(
          file, line: line, field: "year",
          "year \(quotedForMessage(row.string(year))) is not a financial year from 2015/16 to 2020/21")
      }
      let name = RowChecks.text(row, indicator, field: "indicator", file: file, limit: 64, problems: &problems)
      if name.isEmpty { problems.error(file, line: line, field: "indicator", "indicator is empty") }
      let valueText = row.string(value)
      let v = DecimalParser.parse(valueText.trimmingWhitespace())
      if v == nil || !(v ?? 0).isFinite {
        problems.error(
          file, line: line, field: "value",
          "value \(quotedForMessage(valueText)) is not a number (write 1234.5: no thousands separators)")
      } else if let v, abs(v) > RowChecks.moneyLimit {
        problems.error(
          file, line: line, field: "value",
          "value \(quotedForMessage(valueText)) is beyond ±\(NumberFormat.grouped(Int(RowChecks.moneyLimit)))")
      }
      let unitText = RowChecks.text(row, unit, field: "unit", file: file, limit: 32, problems: &problems)
      let basisValue = RowChecks.basis(row, basis, field: "basis", file: file, problems: &problems)
      let sourceText = RowChecks.text(
        row, source, field: "source", file: file, limit: RowChecks.noteLimit, problems: &problems)
      let noteText = RowChecks.text(
        row, note, field: "note", file: file, limit: RowChecks.noteLimit, problems: &problems)
      let date = DisputeCells(row: row, file: file).date(asOf, "as_of", problems: &problems)
      guard let id, let y, let v, v.isFinite, abs(v) <= RowChecks.moneyLimit, !name.isEmpty, date.ok else { return }
      let key = "\(id)|\(y.index)|\(name)"
      if let first = seen[key] {
        problems.error(
          file, line: line,
          "a second \(name) for \(row.string(entity)) in \(y.label) (first on line \(first))")
        return
      }
      seen[key] = line
      out.append(
        IndicatorRecord(
          entity: FinanceEntity(id), year: y, indicator: name, value: v, unit: unitText.isEmpty ? "count" : unitText,
          basis: basisValue, source: sourceText.nilIfEmpty, note: noteText.nilIfEmpty, line: line, asOf: date.date))
    }
    unknown.report(file: file, into: &problems)
    return out
  }
}

/// Reads the optional `hexmap.csv`: each footprint's place on a hex map.
enum HexRows {
  static let file = "hexmap.csv"
  static let required = ["code", "q", "r"]
  static let optional = ["label"]

  static func read(_ table: CSVTable, references: References, problems: inout ProblemList) -> [HexCell] {
    let code = table.column("code")
    let q = table.column("q")
    let r = table.column("r")
    let label = table.column("label")
    var out: [HexCell] = []
    var byFootprint: [Int: Int] = [:]
    var byPlace: [Int: Int] = [:]
    var hints = References.Hints()
    var unknown = UnknownCodes()
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      let f = references.footprint(row, code, hints: &hints, unknown: &unknown, problems: &problems)
      func coordinate(_ slot: Int, _ name: String) -> Int? {
        let text = row.string(slot).trimmingWhitespace()
        let n = Int(text)
        if n == nil || !(-1000...1000).contains(n ?? 0) {
          problems.error(
            file, line: line, field: name, "\(name) \(quotedForMessage(text)) is not a whole number from -1000 to 1000")
          return nil
        }
        return n
      }
      let qv = coordinate(q, "q")
      let rv = coordinate(r, "r")
      let text = RowChecks.text(row, label, field: "label", file: file, limit: 64, problems: &problems)
      guard let f, let qv, let rv else { return }
      if let first = byFootprint[f] {
        problems.error(file, line: line, "a second place for \(row.string(code)) (first on line \(first))")
        return
      }
      let place = (qv + 2000) * 10_000 + (rv + 2000)
      if let first = byPlace[place] {
        problems.error(file, line: line, "q \(qv), r \(rv) is taken already (line \(first))")
        return
      }
      byFootprint[f] = line
      byPlace[place] = line
      out.append(HexCell(footprint: FootprintID(f), q: qv, r: rv, label: text))
    }
    unknown.report(file: file, into: &problems)
    return out
  }
}
