/// Resolves footprint and organisation codes in rows that refer to them.
struct References: Sendable {
  let codes: CodeLookup
  let footprintCount: Int
  /// Organisations' ids follow the footprints' in `codes`.
  var organisationCount: Int { codes.count - footprintCount }
  /// False when footprints or organisations could not be read, so that every
  /// reference is not reported as unknown as well.
  let usable: Bool

  /// The last footprint and organisation found, as guesses for the next row.
  struct Hints {
    var footprint = -1
    var organisation = -1
  }

  /// The organisation and footprint a plain record's cells name exactly
  /// (unquoted, or quoted without doubled quotes), or `nil`: the general
  /// reader then reads the record and says what is wrong.
  @inline(__always)
  func pair(
    _ cells: borrowing PlainCells, _ base: UnsafePointer<UInt8>, org: Int, footprint: Int, hints: inout Hints
  ) -> (org: Int, footprint: Int)? {
    guard !cells.escapes(org), !cells.escapes(footprint),
      let o = organisation(cells.bytes(base, org), hints: &hints),
      let f = self.footprint(cells.bytes(base, footprint), hints: &hints)
    else { return nil }
    return (o, f)
  }

  /// The footprint a code names exactly, or `nil` (the general reader then says why).
  @inline(__always)
  func footprint(_ b: UnsafeBufferPointer<UInt8>, hints: inout Hints) -> Int? {
    guard let id = codes.find(b, hint: &hints.footprint), id < footprintCount else { return nil }
    return id
  }

  /// The organisation a code names exactly, or `nil`.
  @inline(__always)
  func organisation(_ b: UnsafeBufferPointer<UInt8>, hints: inout Hints) -> Int? {
    guard let id = codes.find(b, hint: &hints.organisation), id >= footprintCount else { return nil }
    return id - footprintCount
  }

  func footprint(
    _ row: CSVRow, _ slot: Int, hints: inout Hints, unknown: inout UnknownCodes, problems: inout ProblemList
  ) -> Int? {
    let b = row.trimmedBytes(slot)
    if let id = footprint(b, hints: &hints) { return id }
    guard usable else { return nil }
    let text = row.string(slot)
    if text.isEmpty {
      unknown.note("footprint is empty", field: "footprint", line: row.line)
    } else if codes.find(b) != nil {
      unknown.note(
        "footprint \(quotedForMessage(text)) is an organisation's code, not a footprint's", field: "footprint",
        line: row.line)
    } else {
      unknown.note("footprint \(quotedForMessage(text)) is not in footprints.csv", field: "footprint", line: row.line)
    }
    return nil
  }

  func organisation(
    _ row: CSVRow, _ slot: Int, hints: inout Hints, unknown: inout UnknownCodes, problems: inout ProblemList
  ) -> Int? {
    let b = row.trimmedBytes(slot)
    if let id = organisation(b, hints: &hints) { return id }
    guard usable else { return nil }
    let text = row.string(slot)
    if text.isEmpty {
      unknown.note("org is empty", field: "org", line: row.line)
    } else if codes.find(b) != nil {
      unknown.note(
        "org \(quotedForMessage(text)) is a footprint's code, not an organisation's", field: "org", line: row.line)
    } else {
      unknown.note("org \(quotedForMessage(text)) is not in organisations.csv", field: "org", line: row.line)
    }
    return nil
  }
}
