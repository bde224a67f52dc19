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

  /// A whole number of at most 18 digits written plainly (digits only), or `nil`.
  static func wholeNumber(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !b.isEmpty, b.count <= 18 else { return nil }
    var n = 0
    for byte in b {
      let d = Int(byte) - 0x30
      guard d >= 0 && d <= 9 else { return nil }
      n = n * 10 + d
    }
    return n
  }
}
