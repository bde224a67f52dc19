import Dispatch

/// Reads `organisations.csv`.
///
/// Rows are parsed in parallel chunks; codes are registered in file order,
/// so ids and duplicate messages are the same as in a serial read. The first
/// chunk registers its codes as soon as it is parsed, while the others are
/// still parsing; the rest follow in order.
enum OrganisationRows {
  static let file = "organisations.csv"
  static let required = ["code", "name", "kind"]
  static let optional = ["source"]

  /// One chunk's organisations, with their codes' bytes.
  struct Chunk: Sendable {
    var number = 0
    var organisations: [Organisation] = []
    var lines: [Int32] = []
    /// Every code's bytes (as text: doubled quotes undone), one after another.
    var codeBytes: [UInt8] = []
    /// Where each code ends in `codeBytes`.
    var codeEnds: [Int32] = []
    var codeHashes: [UInt64] = []
    /// Equal sources share one string (50,000 rows citing a few sources).
    var sources = Interner()
    /// Set once the chunk's codes are registered: the rows whose code was
    /// already taken, with the id that took it.
    var duplicates: [(row: Int, id: Int)]? = nil
  }

  /// Registers a chunk's codes in `codes`, in order.
  static func register(_ c: inout Chunk, codes: CodeIndex) {
    let chunk = c
    let repeats = chunk.codeBytes.withUnsafeBufferPointer { all in
      codes.insertAll(count: chunk.organisations.count, hashes: chunk.codeHashes) { i in
        let start = i == 0 ? 0 : Int(chunk.codeEnds[i - 1])
        return UnsafeBufferPointer(rebasing: all[start..<Int(chunk.codeEnds[i])])
      }
    }
    c.duplicates = repeats.map { ($0.position, $0.id) }
  }

  /// Parses every organisation, registering codes after the footprints' in `codes`.
  static func read(
    _ table: CSVTable, codes: CodeIndex, lines: inout [Int], parallelism: Int, problems: inout ProblemList
  ) -> Organisations {
    let footprintCount = codes.count
    let code = table.column("code")
    let name = table.column("name")
    let kind = table.column("kind")
    let source = table.column("source")
    var timer = PhaseTimer()
    codes.reserve(codes.count + table.estimatedRecords)
    let row: @Sendable (inout Chunk, inout CSVRow, inout ProblemList) -> Void = { chunk, row, problems in
      let line = row.line
      let b = row.trimmedBytes(code)
      guard RowChecks.codeText(row, code, file: file, problems: &problems) != nil else { return }
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
      if row.hasEscapes(code) {
        let bytes = Array(row.string(code).utf8)
        chunk.codeBytes += bytes
        chunk.codeHashes.append(bytes.withUnsafeBufferPointer { CodeLookup.hash($0) })
      } else {
        chunk.codeBytes.append(contentsOf: b)
        chunk.codeHashes.append(CodeLookup.hash(b))
      }
      chunk.codeEnds.append(Int32(chunk.codeBytes.count))
    }
    var chunks = table.forEachChunk(parts: parallelism, makeState: { Chunk(number: $0) }) {
      chunk, from, to, firstLine, problems in
      let end = table.scanRange(from: from, to: to, firstLine: firstLine, problems: &problems) { r, p in
        row(&chunk, &r, &p)
      }
      // The first chunk comes first in the file: its codes can be registered
      // while the other chunks are still being parsed.
      if chunk.number == 0 { register(&chunk, codes: codes) }
      return end
    }
    timer.mark("  organisation chunks (\(chunks.count))")
    defer { timer.mark("  organisation codes") }
    var parts: [[Organisation]] = []
    let total = chunks.reduce(0) { $0 + $1.state.organisations.count }
    lines.reserveCapacity(lines.count + total)
    for k in chunks.indices {
      var c = chunks[k].state
      let offset = chunks[k].lineOffset
      problems.append(contentsOf: chunks[k].problems)
      chunks[k].state = Chunk()
      if c.duplicates == nil { register(&c, codes: codes) }
      let duplicates = c.duplicates ?? []
      if duplicates.isEmpty {
        // The chunk's array is kept as a part of the whole: no copy.
        parts.append(c.organisations)
        for l in c.lines { lines.append(Int(l) + offset) }
        continue
      }
      var kept: [Organisation] = []
      var next = 0
      for i in c.organisations.indices {
        let line = Int(c.lines[i]) + offset
        if next < duplicates.count && duplicates[next].row == i {
          RowChecks.duplicateCode(
            c.organisations[i].code, id: duplicates[next].id, line: line, footprintCount: footprintCount,
            lines: lines, file: file, problems: &problems)
          next += 1
          continue
        }
        lines.append(line)
        kept.append(c.organisations[i])
      }
      parts.append(kept)
    }
    timer.mark("  organisation codes (loop)")
    return Organisations(parts: parts)
  }
}
