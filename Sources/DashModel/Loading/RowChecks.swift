/// Checks shared by the row readers.
enum RowChecks {
  /// The longest code, in bytes (ODS and ONS codes have 3 to 9).
  static let codeLimit = 64
  /// The longest name, leader or role, in bytes.
  static let nameLimit = 1_000
  /// The longest note or source, in bytes.
  static let noteLimit = 10_000
  /// The largest figure, either way, in £ million (ten trillion pounds):
  /// anything larger is a mistake, and would overflow sums.
  static let moneyLimit = 10_000_000.0
  /// The largest population of a footprint (England has about 56 million).
  static let populationLimit = 100_000_000

  /// Checks a code cell's text: present, valid UTF-8, short, and with no
  /// space, control, formatting or direction character (nothing that could
  /// hide in a message or act on a terminal). Returns `""` for a plain ASCII
  /// code (the caller has its bytes), the text otherwise, `nil` when wrong.
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
    if plain && b.count <= codeLimit { return "" }
    if let bad = invalidUTF8(b) {
      problems.error(file, line: row.line, field: "code", notUTF8("code", at: bad, of: b))
      return nil
    }
    let text = row.string(slot)
    if b.count > codeLimit {
      problems.error(
        file, line: row.line, field: "code",
        "code \(quotedForMessage(text)) is \(NumberFormat.grouped(b.count)) bytes long; a code has at most \(codeLimit)"
      )
      return nil
    }
    if text.unicodeScalars.contains(where: { s in
      s.properties.isWhitespace || VisibleText.escape(s) != nil || s.properties.generalCategory == .format
    }) {
      problems.error(
        file, line: row.line, field: "code",
        "code \(quotedForMessage(text)) contains a space, control, formatting or direction character")
      return nil
    }
    return text
  }

  /// The offset of the first byte that is not part of valid UTF-8, or `nil`.
  static func invalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      if c < 0x80 {
        i += 1
        continue
      }
      // The continuation bytes a lead byte needs, and the range of the
      // first (which rules out overlong forms and surrogates).
      let need: Int
      let low: UInt8
      let high: UInt8
      switch c {
      case 0xC2...0xDF: (need, low, high) = (1, 0x80, 0xBF)
      case 0xE0: (need, low, high) = (2, 0xA0, 0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: (need, low, high) = (2, 0x80, 0xBF)
      case 0xED: (need, low, high) = (2, 0x80, 0x9F)
      case 0xF0: (need, low, high) = (3, 0x90, 0xBF)
      case 0xF1...0xF3: (need, low, high) = (3, 0x80, 0xBF)
      case 0xF4: (need, low, high) = (3, 0x80, 0x8F)
      default: return i
      }
      guard i + need < n else { return i }
      if b[i + 1] < low || b[i + 1] > high { return i }
      var k = 2
      while k <= need {
        if b[i + k] < 0x80 || b[i + k] > 0xBF { return i }
        k += 1
      }
      i += need + 1
    }
    return nil
  }

  /// "field is not valid UTF-8 …", for a message.
  static func notUTF8(_ field: String, at offset: Int, of b: UnsafeBufferPointer<UInt8>) -> String {
    let byte = String(b[offset], radix: 16, uppercase: true)
    return
      "\(field) is not valid UTF-8 (byte 0x\(byte.count < 2 ? "0" : "")\(byte) at position \(offset + 1) of the cell); save the file as UTF-8"
  }

  /// A cell of free text (a name, a leader, a note, a source), checked:
  /// valid UTF-8 and at most `limit` bytes. Problems name the field.
  static func text(
    _ row: CSVRow, _ slot: Int, field: String, file: String, limit: Int, problems: inout ProblemList
  ) -> String {
    let b = row.trimmedBytes(slot)
    guard checkText(b, field: field, line: row.line, file: file, limit: limit, problems: &problems) else { return "" }
    return row.string(slot)
  }

  /// Checks a text cell's bytes (see ``text(_:_:field:file:limit:problems:)``).
  static func checkText(
    _ b: UnsafeBufferPointer<UInt8>, field: String, line: Int, file: String, limit: Int, problems: inout ProblemList
  ) -> Bool {
    if b.count > limit {
      problems.error(
        file, line: line, field: field,
        "\(field) is \(NumberFormat.grouped(b.count)) bytes long; at most \(NumberFormat.grouped(limit)) are read")
      return false
    }
    if let bad = invalidUTF8(b) {
      problems.error(file, line: line, field: field, notUTF8(field, at: bad, of: b))
      return false
    }
    return true
  }

  /// Checks a code cell (present, no spaces, not seen before) and registers
  /// it in `codes`, recording its line in `lines` by id. Ids below
  /// `footprintCount` are footprints' (for the message when an organisation
  /// reuses one).
  static func code(
    _ row: CSVRow, _ slot: Int, file: String, codes: CodeIndex, lines: inout [Int], footprintCount: Int = 0,
    problems: inout ProblemList
  ) -> String? {
    guard let checked = codeText(row, slot, file: file, problems: &problems) else { return nil }
    // A code that is not plain ASCII is kept composed (NFC), so two codes
    // that differ only in how an accent is written are one code.
    let text = checked.isEmpty ? row.string(slot) : row.string(slot).nfc
    let (id, inserted) =
      row.hasEscapes(slot) || !checked.isEmpty ? codes.insert(text) : codes.insert(bytes: row.trimmedBytes(slot))
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
      let normalised = code.utf8.contains { $0 >= 0x80 } ? "; codes are compared in Unicode form NFC" : ""
      problems.error(file, line: line, field: "code", "duplicate code \(code) (first on line \(first)\(normalised))")
    }
  }

  /// The bases in word order (`allCases` makes a new array each time it is read).
  static let bases = Basis.allCases

  /// Parses an optional basis cell from bytes (empty means reported).
  static func basis(_ row: CSVRow, _ slot: Int, field: String, file: String, problems: inout ProblemList) -> Basis {
    let b = row.trimmedBytes(slot)
    if b.isEmpty { return .reported }
    let exact = FinanceVocabulary.shared.bases.index(of: b)
    if exact >= 0 { return Self.bases[exact] }
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
