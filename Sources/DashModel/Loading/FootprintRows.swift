/// Reads `footprints.csv`.
enum FootprintRows {
  static let file = "footprints.csv"
  static let required = ["code", "name", "region"]
  static let optional = [
    "leader", "leader_role", "population", "population_basis", "rating", "source", "note", "rating_as_of",
    "rating_note",
  ]

  /// Parses every footprint, registering codes in `codes`.
  ///
  /// A row with a usable code is always kept (with placeholders for bad
  /// values) so code ids stay aligned with the array; any error fails the
  /// whole load anyway.
  /// What reading the file gave: the footprints, their lines, the problems.
  struct Read: Sendable {
    var footprints: [Footprint] = []
    var lines: [Int] = []
    var problems = ProblemList()
  }

  static func read(
    _ table: CSVTable, codes: CodeIndex, lines: inout [Int], problems: inout ProblemList
  ) -> [Footprint] {
    let code = table.column("code")
    let name = table.column("name")
    let region = table.column("region")
    let leader = table.column("leader")
    let leaderRole = table.column("leader_role")
    let population = table.column("population")
    let populationBasis = table.column("population_basis")
    let rating = table.column("rating")
    let source = table.column("source")
    let note = table.column("note")
    let ratingAsOf = table.column("rating_as_of")
    let ratingNote = table.column("rating_note")
    var out: [Footprint] = []
    // Sized once: a footprint is some 160 bytes, and an array grown by
    // doubling copies (and touches) its rows again at each step.
    out.reserveCapacity(table.estimatedRecords)
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      guard
        let codeText = RowChecks.code(
          row, code, file: file, codes: codes, lines: &lines, problems: &problems)
      else { return }
      let nameText = RowChecks.text(
        row, name, field: "name", file: file, limit: RowChecks.nameLimit, problems: &problems)
      if row.isBlank(name) { problems.error(file, line: line, field: "name", "name is empty") }
      let regionValue = Region(row: row, slot: region)
      if regionValue == nil {
        let regionText = row.string(region)
        problems.error(
          file, line: line, field: "region",
          "region \(quotedForMessage(regionText)) is not one of \(Region.validNames)")
      }
      var populationValue: Int? = nil
      let popBytes = row.trimmedBytes(population)
      if !popBytes.isEmpty {
        if let n = RowChecks.wholeNumber(popBytes), n <= RowChecks.populationLimit {
          populationValue = n
        } else if RowChecks.wholeNumber(popBytes) != nil || popBytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
          problems.error(
            file, line: line, field: "population",
            "population \(quotedForMessage(row.string(population))) is more than any footprint's (at most \(NumberFormat.grouped(RowChecks.populationLimit)))"
          )
        } else {
          let popText = row.string(population)
          problems.error(
            file, line: line, field: "population",
            "population \(quotedForMessage(popText)) is not a whole number (write digits only, e.g. 1200000)")
        }
      }
      let basis = RowChecks.basis(row, populationBasis, field: "population_basis", file: file, problems: &problems)
      var ratingValue: Rating? = nil
      if let i = ByteMatch.index(row.trimmedBytes(rating), in: Rating.words) {
        ratingValue = Rating.byIndex[i]
      } else if !row.isBlank(rating) {
        let ratingText = row.string(rating)
        ratingValue = Rating(name: ratingText)
        if ratingValue == nil {
          problems.error(
            file, line: line, field: "rating",
            "rating \(quotedForMessage(ratingText)) is not one of \(Rating.validNames) (or empty)")
        }
      }
      let ratingDate = DisputeCells(row: row, file: file).date(ratingAsOf, "rating_as_of", problems: &problems)
      var f =
        Footprint(
          code: codeText, name: nameText, region: regionValue ?? .north,
          leader: RowChecks.text(
            row, leader, field: "leader", file: file, limit: RowChecks.nameLimit, problems: &problems
          ).nilIfEmpty,
          leaderRole: RowChecks.text(
            row, leaderRole, field: "leader_role", file: file, limit: RowChecks.nameLimit, problems: &problems
          ).nilIfEmpty,
          population: populationValue, populationBasis: basis, rating: ratingValue,
          source: RowChecks.text(
            row, source, field: "source", file: file, limit: RowChecks.noteLimit, problems: &problems
          ).nilIfEmpty,
          note: RowChecks.text(
            row, note, field: "note", file: file, limit: RowChecks.noteLimit, problems: &problems
          ).nilIfEmpty)
      f.ratingAsOf = ratingDate.date
      f.ratingNote =
        RowChecks.text(
          row, ratingNote, field: "rating_note", file: file, limit: RowChecks.noteLimit, problems: &problems
        )
        .nilIfEmpty
      out.append(f)
    }
    return out
  }
}

extension String {
  /// `nil` for the empty string.
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
