/// Reads `footprints.csv`.
enum FootprintRows {
  static let file = "footprints.csv"
  static let required = ["code", "name", "region"]
  static let optional = ["leader", "leader_role", "population", "population_basis", "rating", "source"]

  /// Parses every footprint, registering codes in `codes`.
  ///
  /// A row with a usable code is always kept (with placeholders for bad
  /// values) so code ids stay aligned with the array; any error fails the
  /// whole load anyway.
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
    var out: [Footprint] = []
    table.forEachRecord(problems: &problems) { row, problems in
      let line = row.line
      guard
        let codeText = RowChecks.code(
          row, code, file: file, codes: codes, lines: &lines, problems: &problems)
      else { return }
      let nameText = row.string(name)
      if nameText.isEmpty { problems.error(file, line: line, field: "name", "name is empty") }
      let regionValue = Region(row: row, slot: region)
      if regionValue == nil {
        let regionText = row.string(region)
        problems.error(
          file, line: line, field: "region",
          "region \(quotedForMessage(regionText)) is not one of \(Region.validNames)")
      }
      var populationValue: Int? = nil
      let popText = row.string(population)
      if !popText.isEmpty {
        if let n = Int(popText), n >= 0 {
          populationValue = n
        } else {
          problems.error(
            file, line: line, field: "population",
            "population \(quotedForMessage(popText)) is not a whole number (write digits only, e.g. 1200000)")
        }
      }
      let basis = RowChecks.basis(
        row.string(populationBasis), field: "population_basis", file: file, line: line, problems: &problems)
      var ratingValue: Rating? = nil
      let ratingText = row.string(rating)
      if !ratingText.isEmpty {
        ratingValue = Rating(name: ratingText)
        if ratingValue == nil {
          problems.error(
            file, line: line, field: "rating",
            "rating \(quotedForMessage(ratingText)) is not one of \(Rating.validNames) (or empty)")
        }
      }
      out.append(
        Footprint(
          code: codeText, name: nameText, region: regionValue ?? .north,
          leader: row.string(leader).nilIfEmpty, leaderRole: row.string(leaderRole).nilIfEmpty,
          population: populationValue, populationBasis: basis, rating: ratingValue,
          source: row.string(source).nilIfEmpty))
    }
    return out
  }
}

/// Checks shared by the row readers.
enum RowChecks {
  /// Checks a code cell's text: present, with no spaces or control characters.
  static func codeText(_ row: CSVRow, _ slot: Int, file: String, problems: inout ProblemList) -> String? {
    let b = row.trimmedBytes(slot)
    if b.isEmpty {
      problems.error(file, line: row.line, field: "code", "code is empty")
      return nil
    }
    var plain = true
    for byte in b where byte <= 0x20 || byte == 0x7F || byte >= 0x80 {
      plain = false
      break
    }
    if plain { return "" }
    let text = row.string(slot)
    if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
      problems.error(
        file, line: row.line, field: "code", "code \(quotedForMessage(text)) contains a space or control character")
      return nil
    }
    return text
  }

  /// Checks a code cell (present, no spaces, not seen before) and registers
  /// it in `codes`, recording its line in `lines` by id. Ids below
  /// `footprintCount` are footprints' (for the message when an organisation
  /// reuses one).
  static func code(
    _ row: CSVRow, _ slot: Int, file: String, codes: CodeIndex, lines: inout [Int], footprintCount: Int = 0,
    problems: inout ProblemList
  ) -> String? {
    guard codeText(row, slot, file: file, problems: &problems) != nil else { return nil }
    let text = row.string(slot)
    let (id, inserted) = row.hasEscapes(slot) ? codes.insert(text) : codes.insert(bytes: row.trimmedBytes(slot))
    guard inserted else {
      duplicateCode(
        text, id: id, line: row.line, footprintCount: footprintCount, lines: lines, file: file, problems: &problems)
      return nil
    }
    lines.append(row.line)
    return text
  }

  /// Reports a code met again: the first was the code with id `id`, on the
  /// line `lines[id]`, and a footprint's when `id < footprintCount`.
  static func duplicateCode(
    _ code: String, id: Int, line: Int, footprintCount: Int, lines: [Int], file: String, problems: inout ProblemList
  ) {
    let first = id < lines.count ? lines[id] : 0
    if id < footprintCount {
      problems.error(
        file, line: line, field: "code",
        "code \(code) is already a footprint's code (footprints.csv:\(first)); finance rows could not tell them apart")
    } else {
      problems.error(file, line: line, field: "code", "duplicate code \(code) (first on line \(first))")
    }
  }

  /// Parses an optional basis cell from bytes (empty means reported).
  static func basis(_ row: CSVRow, _ slot: Int, field: String, file: String, problems: inout ProblemList) -> Basis {
    let b = row.trimmedBytes(slot)
    if b.isEmpty { return .reported }
    let exact = FinanceVocabulary.shared.bases.index(of: b)
    if exact >= 0 { return Basis.allCases[exact] }
    return basis(row.string(slot), field: field, file: file, line: row.line, problems: &problems)
  }

  /// Parses an optional basis cell (empty means reported).
  static func basis(
    _ text: String, field: String, file: String, line: Int, problems: inout ProblemList
  ) -> Basis {
    guard !text.isEmpty else { return .reported }
    if let b = Basis(code: text) { return b }
    problems.error(
      file, line: line, field: field,
      "\(field) \(quotedForMessage(text)) is not \"reported\" or \"illustrative\"")
    return .reported
  }
}

extension String {
  /// `nil` for the empty string.
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
