/// Reads `organisations.csv`.
///
/// Rows are parsed in parallel chunks; codes are then registered in file
/// order on one thread, so ids and duplicate messages are the same as in a
/// serial read.
enum OrganisationRows {
  static let file = "organisations.csv"
  static let required = ["code", "name", "kind"]
  static let optional = ["source"]

  /// One chunk's organisations, with where each code's bytes are.
  struct Chunk: Sendable {
    var organisations: [Organisation] = []
    var lines: [Int32] = []
    var codeStarts: [Int] = []
    var codeLengths: [Int32] = []
    /// Equal sources share one string (50,000 rows citing a few sources).
    var sources = Interner()
  }

  /// Parses every organisation, registering codes after the footprints' in `codes`.
  static func read(
    _ table: CSVTable, codes: CodeIndex, lines: inout [Int], parallelism: Int, problems: inout ProblemList
  ) -> [Organisation] {
    let footprintCount = codes.count
    let code = table.column("code")
    let name = table.column("name")
    let kind = table.column("kind")
    let source = table.column("source")
    var timer = PhaseTimer()
    let documentBase = table.document.withBytes { UInt(bitPattern: $0.baseAddress) }
    var chunks = table.forEachChunk(parts: parallelism, makeState: { _ in Chunk() }) { chunk, row, problems in
      let line = row.line
      let b = row.trimmedBytes(code)
      guard RowChecks.codeText(row, code, file: file, problems: &problems) != nil, let start = b.baseAddress else {
        return
      }
      let nameText = row.string(name)
      if nameText.isEmpty { problems.error(file, line: line, field: "name", "name is empty") }
      let kindValue = OrganisationKind(row: row, slot: kind)
      if kindValue == nil {
        let kindText = row.string(kind)
        problems.error(
          file, line: line, field: "kind",
          "kind \(quotedForMessage(kindText)) is not one of \(OrganisationKind.validCodes)")
      }
      chunk.organisations.append(
        Organisation(
          code: row.string(code), name: nameText, kind: kindValue ?? .other,
          source: chunk.sources.text(row, source).nilIfEmpty))
      chunk.lines.append(Int32(truncatingIfNeeded: line))
      chunk.codeStarts.append(Int(UInt(bitPattern: start) &- documentBase))
      chunk.codeLengths.append(Int32(b.count))
    }
    timer.mark("  organisation chunks (\(chunks.count))")
    defer { timer.mark("  organisation codes") }
    // Register codes in file order.
    var out: [Organisation] = []
    let total = chunks.reduce(0) { $0 + $1.state.organisations.count }
    out.reserveCapacity(total)
    codes.reserve(codes.count + total)
    table.document.withBytes { buf in
      guard let base = buf.baseAddress else { return }
      for k in chunks.indices {
        let output = chunks[k]
        // Each chunk's organisations are copied once, then freed.
        chunks[k].state = Chunk()
        problems.append(contentsOf: output.problems)
        let c = output.state
        for i in c.organisations.indices {
          let line = Int(c.lines[i]) + output.lineOffset
          let org = c.organisations[i]
          let bytes = UnsafeBufferPointer(start: base + c.codeStarts[i], count: Int(c.codeLengths[i]))
          let (id, inserted) = org.code.utf8.count == bytes.count ? codes.insert(bytes: bytes) : codes.insert(org.code)
          guard inserted else {
            RowChecks.duplicateCode(
              org.code, id: id, line: line, footprintCount: footprintCount, lines: lines, file: file,
              problems: &problems)
            continue
          }
          lines.append(line)
          out.append(org)
        }
      }
    }
    timer.mark("  organisation codes (loop)")
    return out
  }
}
