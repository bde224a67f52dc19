import Dispatch

/// Reads `organisations.csv`.
///
/// Rows are parsed in parallel chunks (while the footprints are read on
/// another thread); codes are registered in file order after the
/// footprints', so ids and duplicate messages are the same as in a serial
/// read. Each chunk's codes are registered as soon as the footprints' are in
/// and it and every chunk before it are parsed, while later chunks are still
/// parsing (``CodeRegistrar``).
enum OrganisationRows {
  static let file = "organisations.csv"
  static let required = ["code", "name", "kind"]
  static let optional = ["source"]

  /// One chunk's organisations, stored compactly, with their codes' hashes.
  struct Chunk: Sendable {
    /// Room for about `n` organisations in `bytes` bytes of the file.
    mutating func reserve(_ n: Int, bytes: Int) {
      part.reserve(n, bytes: bytes)
      lines.reserveCapacity(n)
      codeHashes.reserveCapacity(n)
    }

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
    c.duplicates = register(c.part, hashes: c.codeHashes, codes: codes)
  }

  /// Registers a part's codes in `codes`, in order: the rows whose code was
  /// already taken, with the id that took it.
  static func register(_ part: Organisations.Part, hashes: [UInt64], codes: CodeIndex) -> [(row: Int, id: Int)] {
    let repeats = part.codeBytes.withUnsafeBufferPointer { all in
      codes.insertAll(count: part.count, hashes: hashes) { i in UnsafeBufferPointer(rebasing: all[part.codeRange(i)]) }
    }
    return repeats.map { ($0.position, $0.id) }
  }

  /// Registers the chunks' codes in file order as they are parsed: the
  /// thread that parses the next chunk in line registers it, and any parsed
  /// after it that were waiting, while the other thread parses on. A chunk
  /// is registered only when the one before it ended where it starts (a
  /// guessed split inside a quoted field stops the registering there; the
  /// chunk read again from that point is registered after the parse).
  final class CodeRegistrar: Sendable {
    struct Parsed: Sendable {
      var from: Int
      var end: Int
      var part: Organisations.Part
      var hashes: [UInt64]
    }

    struct State {
      var waiting: [Int: Parsed] = [:]
      var next = 0
      var lastEnd = 0
      var busy = false
      var stopped = false
      /// Codes that must go in first are still going in (``release()``).
      var held: Bool
      /// How many codes were in the index before the first chunk's (set again on release).
      var earlier: Int
      var duplicates: [Int: [(row: Int, id: Int)]] = [:]

      /// The next chunk in line if it is parsed and no thread is registering
      /// (that thread becomes the one registering).
      mutating func take() -> (Int, Parsed)? {
        guard !stopped, !held, let job = waiting[next] else {
          busy = false
          return nil
        }
        guard next == 0 || job.from == lastEnd else {
          stopped = true
          busy = false
          waiting = [:]
          return nil
        }
        waiting[next] = nil
        busy = true
        return (next, job)
      }
    }

    let codes: CodeIndex
    let state: Locked<State>

    /// A registrar for `codes`; `held`: none is registered until ``release()``.
    init(codes: CodeIndex, held: Bool = false) {
      self.codes = codes
      state = Locked(State(held: held, earlier: codes.count))
    }

    /// How many codes were in the index before the first chunk's.
    var earlier: Int { state.withLock { $0.earlier } }

    /// The codes that go first are in: the chunks parsed so far are
    /// registered now, on this thread, and the rest as they come.
    func release() {
      let count = codes.count
      register(
        state.withLock { s -> (Int, Parsed)? in
          s.held = false
          s.earlier = count
          return s.busy ? nil : s.take()
        })
    }

    /// Chunk `number`, bytes `[from, end)`, is parsed.
    func parsed(_ number: Int, from: Int, end: Int, part: Organisations.Part, hashes: [UInt64]) {
      register(
        state.withLock { s -> (Int, Parsed)? in
          guard !s.stopped else { return nil }
          s.waiting[number] = Parsed(from: from, end: end, part: part, hashes: hashes)
          return s.busy ? nil : s.take()
        })
    }

    /// Registers `first`, then each chunk in line after it that is parsed.
    private func register(_ first: (Int, Parsed)?) {
      var job = first
      while let (k, parsed) = job {
        let repeats = OrganisationRows.register(parsed.part, hashes: parsed.hashes, codes: codes)
        job = state.withLock { s in
          s.duplicates[k] = repeats
          s.lastEnd = parsed.end
          s.next += 1
          return s.take()
        }
      }
    }

    /// What registering chunk `number` found, if it was registered.
    func duplicates(of number: Int) -> [(row: Int, id: Int)]? { state.withLock { $0.duplicates[number] } }
  }

  /// Parses every organisation in chunks, each chunk's codes handed to
  /// `registrar` as it is done.
  static func parse(
    _ table: CSVTable, registrar: CodeRegistrar, parallelism: Int, plain: Bool = true
  ) -> [ChunkOutput<Chunk>] {
    var timer = PhaseTimer()
    defer { timer.mark("  organisation chunks") }
    let columns = Columns(table)
    let estimated = table.estimatedRecords
    let dataBytes = table.dataBytes
    // More chunks than threads: while the threads parse later chunks, the
    // earlier ones' codes are registered, and only the last one's are left
    // to register at the end. Tapered, so the last chunks are the smallest:
    // the thread done first waits only for a small chunk's parse and codes.
    let pieces = parallelism > 1 ? parallelism * 8 : 1
    return table.forEachChunk(parts: pieces, tapered: true, makeState: { Chunk(number: $0) }) {
      chunk, from, to, firstLine, problems in
      var reader = Reader(columns: columns, chunk: chunk)
      chunk = Chunk()
      // Sized once for the chunk's share of the rows (a guess from the
      // first lines; room never written is never touched).
      let rows = estimated * (to - from) / max(1, dataBytes) + 16
      reader.chunk.reserve(rows, bytes: to - from)
      let end = table.scanRange(
        from: from, to: to, firstLine: firstLine, reader: &reader, plain: plain, problems: &problems)
      chunk = reader.chunk
      registrar.parsed(chunk.number, from: from, end: end.offset, part: chunk.part, hashes: chunk.codeHashes)
      return end
    }
  }

  /// The organisations of the parsed chunks, their codes registered (the
  /// chunks the registrar did not take, after it), each repeated code
  /// reported and left out. `lines` holds each code's line by id (the
  /// footprints' first); the organisations' are added only once a repeated
  /// code needs them for its message, so a file without one never makes
  /// that list.
  static func finish(
    _ parsed: [ChunkOutput<Chunk>], registrar: CodeRegistrar, codes: CodeIndex, lines: inout [Int],
    problems: inout ProblemList
  ) -> Organisations {
    var timer = PhaseTimer()
    var chunks = parsed
    let footprintCount = registrar.earlier
    var parts: [Organisations.Part] = []
    // The lines of chunks without repeats, not yet in `lines`.
    var unlisted: [(lines: [Int32], offset: Int)] = []
    for k in chunks.indices {
      var c = chunks[k].state
      let offset = chunks[k].lineOffset
      problems.append(contentsOf: chunks[k].problems)
      chunks[k].state = Chunk()
      c.duplicates = registrar.duplicates(of: c.number)
      // A chunk read again after a wrong split: its codes come after those before it.
      if c.duplicates == nil { register(&c, codes: codes) }
      c.part.texts = c.sources.strings
      let duplicates = c.duplicates ?? []
      if duplicates.isEmpty {
        // The chunk's storage is kept as a part of the whole: no copy.
        parts.append(c.part)
        unlisted.append((c.lines, offset))
        continue
      }
      for (earlier, shift) in unlisted {
        for l in earlier { lines.append(Int(l) + shift) }
      }
      unlisted = []
      var next = 0
      for i in 0..<c.part.count {
        let line = Int(c.lines[i]) + offset
        if next < duplicates.count && duplicates[next].row == i {
          RowChecks.duplicateCode(
            c.part.code(i), id: duplicates[next].id, line: line, footprintCount: footprintCount,
            lines: lines, file: file, problems: &problems)
          next += 1
          continue
        }
        lines.append(line)
      }
      parts.append(c.part.removing(duplicates.map(\.row)))
    }
    timer.mark("  organisation codes (loop)")
    // Each kept organisation's code went into the index as the next id, in
    // file order: the index holds them from here on.
    return Organisations(parts: parts, codesIn: codes, firstID: footprintCount)
  }

  /// Where the columns are.
  struct Columns: Sendable {
    let code, name, kind, source: Int
    /// How many fields a record has.
    let fields: Int

    init(_ table: CSVTable) {
      fields = table.header.count
      code = table.column("code")
      name = table.column("name")
      kind = table.column("kind")
      source = table.column("source")
    }
  }

  /// One chunk's reader: its organisations so far.
  struct Reader: PlainRecordReader, ~Copyable {
    let columns: Columns
    var chunk: Chunk
    let cells: PlainCells
    /// Made once, read per record without a lazy global's check.
    let kindWords = OrganisationKind.table
    /// A name with its doubled quotes collapsed (reused).
    var collapsed: [UInt8] = []

    init(columns: Columns, chunk: Chunk) {
      self.columns = columns
      self.chunk = chunk
      cells = PlainCells(fields: columns.fields)
    }

    /// A record with a code of printable ASCII, a name that reads the same
    /// untrimmed and is valid UTF-8, a kind written exactly, and a source
    /// that reads the same untrimmed; names and sources quoted or not.
    mutating func plain(
      _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
    ) -> Int {
      let next = cells.split(base, count: count, at: start, atEnd: atEnd)
      guard next >= 0 else { return -1 }
      let code = cells.bytes(base, columns.code)
      let name = cells.bytes(base, columns.name)
      let source = cells.bytes(base, columns.source)
      guard !cells.escapes(columns.code), !code.isEmpty, code.count <= RowChecks.codeLimit,
        !code.contains(where: { $0 <= 0x20 || $0 >= 0x7F }),
        let k = kindWords.index(cells.bytes(base, columns.kind)),
        !name.isEmpty, name.count <= RowChecks.nameLimit, PlainCells.isBare(name), RowChecks.invalidUTF8(name) == nil,
        PlainCells.isBare(source)
      else { return -1 }
      let sourceID = chunk.sources.id(
        source, escapes: cells.escapes(columns.source), line: line, field: "source", file: file, problems: &problems)
      if cells.escapes(columns.name) {
        // Doubled quotes collapsed, as the general reader's text has them.
        collapsed.removeAll(keepingCapacity: true)
        var i = 0
        while i < name.count {
          collapsed.append(name[i])
          i += name[i] == 0x22 && i + 1 < name.count && name[i + 1] == 0x22 ? 2 : 1
        }
        let text = collapsed
        text.withUnsafeBufferPointer { add(code: code, name: $0, kindNumber: k, source: sourceID, line: line) }
      } else {
        add(code: code, name: name, kindNumber: k, source: sourceID, line: line)
      }
      return next
    }

    mutating func general(_ row: inout CSVRow, problems: inout ProblemList) {
      let line = row.line
      let (code, name, kind, source) = (columns.code, columns.name, columns.kind, columns.source)
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
          add(
            code: codePlain && codeASCII ? b : c, name: nameBytes, kind: kindValue ?? .other, source: sourceID,
            line: line)
        }
      }
    }

    /// Keeps an organisation in the chunk (its code is registered later, in file order).
    mutating func add(
      code: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, kind: OrganisationKind, source: Int32,
      line: Int
    ) {
      add(
        code: code, name: name, kindNumber: Organisations.Part.kinds.firstIndex(of: kind) ?? 0, source: source,
        line: line)
    }

    /// The same, the kind by its place in ``OrganisationKind/byIndex`` (as matched).
    mutating func add(
      code: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, kindNumber: Int, source: Int32, line: Int
    ) {
      chunk.part.append(code: code, name: name, kindNumber: kindNumber, source: source)
      chunk.codeHashes.append(CodeLookup.hash(code))
      chunk.lines.append(Int32(truncatingIfNeeded: line))
    }
  }
}
