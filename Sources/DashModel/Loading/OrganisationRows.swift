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

  /// One chunk's organisations, stored compactly, with their codes' hashes.
  struct Chunk: Sendable {
    var number = 0
    var part = Organisations.Part()
    var lines: [Int32] = []
    var codeHashes: [UInt64] = []
    /// Equal sources share one string (50,000 rows citing a few sources).
    var sources = Interner()
    /// Set once the chunk's codes are registered: the rows whose code was
    /// already taken, with the id that took it.
    var duplicates: [(row: Int, id: Int)]? = nil
  }

  /// Registers a chunk's codes in `codes`, in order.
  static func register(_ c: inout Chunk, codes: CodeIndex) {
    let part = c.part
    let repeats = part.bytes.withUnsafeBufferPointer { all in
      codes.insertAll(count: part.count, hashes: c.codeHashes) { i in
        UnsafeBufferPointer(rebasing: all[part.codeRange(i)])
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
      let kindValue = OrganisationKind(row: row, slot: kind)
      if kindValue == nil {
        let kindText = row.string(kind)
        problems.error(
          file, line: line, field: "kind",
          "kind \(quotedForMessage(kindText)) is not one of \(OrganisationKind.validCodes)")
      }
      let sourceID = chunk.sources.id(row, source, field: "source", file: file, problems: &problems)
      // Code and name as bytes; only a cell with doubled quotes or non-ASCII
      // ends (a no-break space to trim, say) goes through a String.
      func plain(_ slot: Int) -> Bool {
        let t = row.trimmedBytes(slot)
        return !row.hasEscapes(slot) && (t.isEmpty || (t[0] < 0x80 && t[t.count - 1] < 0x80))
      }
      var nameBytes = row.trimmedBytes(name)
      // Checked as written (a String would replace bad UTF-8 unseen).
      let nameValid = RowChecks.checkText(
        nameBytes, field: "name", line: line, file: file, limit: RowChecks.nameLimit, problems: &problems)
      let namePlain = plain(name)
      let codePlain = plain(code)
      var nameText: [UInt8] = []
      if !namePlain { nameText = Array(row.string(name).utf8) }
      let codeASCII = !b.contains { $0 >= 0x80 }  // else composed (NFC), as every code is compared
      let codeText = codePlain && codeASCII ? [] : Array(row.string(code).nfc.utf8)
      nameText.withUnsafeBufferPointer { n in
        if !namePlain { nameBytes = n }
        if !nameValid {
          nameBytes = UnsafeBufferPointer(start: nil, count: 0)
        } else if nameBytes.isEmpty {
          problems.error(file, line: line, field: "name", "name is empty")
        }
        codeText.withUnsafeBufferPointer { c in
          let codeBytes = codePlain && codeASCII ? b : c
          chunk.part.append(code: codeBytes, name: nameBytes, kind: kindValue ?? .other, source: sourceID)
          chunk.codeHashes.append(CodeLookup.hash(codeBytes))
        }
      }
      chunk.lines.append(Int32(truncatingIfNeeded: line))
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
    var parts: [Organisations.Part] = []
    let total = chunks.reduce(0) { $0 + $1.state.part.count }
    lines.reserveCapacity(lines.count + total)
    for k in chunks.indices {
      var c = chunks[k].state
      let offset = chunks[k].lineOffset
      problems.append(contentsOf: chunks[k].problems)
      chunks[k].state = Chunk()
      if c.duplicates == nil { register(&c, codes: codes) }
      c.part.texts = c.sources.strings
      let duplicates = c.duplicates ?? []
      if duplicates.isEmpty {
        // The chunk's storage is kept as a part of the whole: no copy.
        parts.append(c.part)
        for l in c.lines { lines.append(Int(l) + offset) }
        continue
      }
      var next = 0
      for i in 0..<c.part.count {
        let line = Int(c.lines[i]) + offset
        if next < duplicates.count && duplicates[next].row == i {
          RowChecks.duplicateCode(
            c.part.organisation(i).code, id: duplicates[next].id, line: line, footprintCount: footprintCount,
            lines: lines, file: file, problems: &problems)
          next += 1
          continue
        }
        lines.append(line)
      }
      parts.append(c.part.removing(duplicates.map(\.row)))
    }
    timer.mark("  organisation codes (loop)")
    return Organisations(parts: parts)
  }
}
