#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads `finance.csv`, the one file that can run to a million rows.
///
/// Rows are parsed from bytes in parallel chunks that all write one dense
/// grid. Each chunk records which slots it wrote, so a row repeated across
/// chunks is found as surely as in a serial read; a duplicate's first line is
/// looked up only when there is one to report.
enum FinanceRows {
  static let file = "finance.csv"
  static let required = ["entity", "year", "scenario", "gbp_m"]
  static let optional = ["basis", "source", "note"]

  /// Where the columns are, and what resolves codes.
  struct Columns: Sendable {
    var entity, year, scenario, gbp, basis, source, note: Int
    var codes: CodeLookup
    var usable: Bool

    init(_ table: CSVTable, references: References) {
      entity = table.column("entity")
      year = table.column("year")
      scenario = table.column("scenario")
      gbp = table.column("gbp_m")
      basis = table.column("basis")
      source = table.column("source")
      note = table.column("note")
      codes = references.codes
      usable = references.usable
    }

    /// Whether the bytes are exactly `word`. Literal words are static
    /// strings: no allocation, no reference count, no lazy initialisation.
    @inline(__always)
    static func same(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
      guard b.count == word.utf8CodeUnitCount, let p = b.baseAddress else { return false }
      return memcmp(p, word.utf8Start, b.count) == 0
    }

    /// The scenario's raw value when written exactly as the vocabulary's word; -1 otherwise.
    @inline(__always)
    func scenarioIndex(_ b: UnsafeBufferPointer<UInt8>) -> Int { FinanceVocabulary.shared.scenarios.index(of: b) }

    /// The grid slot of a row, or `nil` (with problems noted) when the row is unusable.
    @inline(__always)
    func slot(_ row: CSVRow, problems: inout ProblemList, unknown: inout UnknownCodes) -> Int? {
      let line = row.line
      var ok = true
      let entityID = codes.find(row.trimmedBytes(entity))
      if entityID == nil {
        ok = false
        if usable {
          let text = row.string(entity)
          unknown.note(
            text.isEmpty
              ? "entity is empty" : "entity \(quotedForMessage(text)) is not a footprint or organisation code",
            field: "entity", line: line)
        }
      }
      var outOfRange = false
      let yearValue = FinancialYear.parse(row.trimmedBytes(year), outOfRange: &outOfRange)
      if yearValue == nil {
        ok = false
        let text = row.string(year)
        problems.error(
          file, line: line, field: "year",
          outOfRange
            ? "year \(text) is outside the STP period 2015/16 to 2020/21"
            : "year \(quotedForMessage(text)) is not a financial year like 2020/21")
      }
      var scenarioIndex = scenarioIndex(row.trimmedBytes(scenario))
      if scenarioIndex >= 0 {
        // The usual spelling, matched from bytes.
      } else if let s = Scenario(code: row.string(scenario)) {
        scenarioIndex = s.rawValue
      } else {
        ok = false
        problems.error(
          file, line: line, field: "scenario",
          "scenario \(quotedForMessage(row.string(scenario))) is not do_nothing, plan or outturn")
      }
      guard ok, let entityID, let yearValue else { return nil }
      return FinanceTable.slot(entity: entityID, year: yearValue.index, scenario: scenarioIndex)
    }
  }

  /// One chunk's state: the shared grid, what this chunk wrote, and the
  /// rows that repeated a slot.
  struct Chunk: Sendable {
    let grid: FinanceGrid
    /// This chunk's number: the high byte of the provenance ids it writes.
    let number: UInt32
    /// The slots this chunk wrote, to find rows repeated across chunks
    /// (`nil` when the file is read in one chunk).
    let written: SlotBitmap?
    /// (source, note) pairs met in this chunk; a slot holds one's place + 1.
    var provenances: [FinanceTable.Provenance] = []
    var provenanceLookup: [FinanceTable.Provenance: UInt32] = [:]
    /// Figures that are not whole thousandths.
    var side: [Int: Double] = [:]
    var repeats: [(slot: Int, line: Int)] = []
    var unknown = UnknownCodes()

    init(grid: FinanceGrid, number: Int, shared: Bool) {
      self.grid = grid
      self.number = UInt32(number)
      written = shared ? SlotBitmap(count: grid.count) : nil
    }

    /// Stores a row's figure, or notes a repeat when its slot is taken.
    /// `value` is used when `milli` is ``Milli/elsewhere``.
    @inline(__always)
    mutating func store(slot: Int, milli: Int32, value: Double, basis: UInt8, provenance: UInt32, line: Int) {
      if grid.basis(slot) != 0 {
        repeats.append((slot, line))
        return
      }
      grid.write(slot, milli: milli, basis: basis, provenance: provenance)
      if milli == Milli.elsewhere { side[slot] = value }
      written?.insert(slot)
    }

    /// The provenance id of a (source, note) pair given as the raw bytes of
    /// the two cells (between their quotes; `escapes` when they hold doubled
    /// quotes).
    mutating func provenanceID(
      source: UnsafeBufferPointer<UInt8>, sourceEscapes: Bool, note: UnsafeBufferPointer<UInt8>, noteEscapes: Bool,
      line: Int, problems: inout ProblemList
    ) -> UInt32 {
      if source.isEmpty && note.isEmpty { return 0 }
      // A new pair: its texts are checked once (the last pair is found by
      // the callers without coming here), as trimmed, whichever reader came.
      func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = 0
        var e = b.count
        while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
        return UnsafeBufferPointer(rebasing: b[s..<e])
      }
      guard
        RowChecks.checkText(
          trimmed(source), field: "source", line: line, file: FinanceRows.file, limit: RowChecks.noteLimit,
          problems: &problems),
        RowChecks.checkText(
          trimmed(note), field: "note", line: line, file: FinanceRows.file, limit: RowChecks.noteLimit,
          problems: &problems)
      else { return 0 }
      func text(_ b: UnsafeBufferPointer<UInt8>, _ escapes: Bool) -> String? {
        var s = 0
        var e = b.count
        while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
        guard e > s else { return nil }
        return CSVRow.text(UnsafeBufferPointer(rebasing: b[s..<e]), escapes: escapes).nilIfEmpty
      }
      let key = FinanceTable.Provenance(source: text(source, sourceEscapes), note: text(note, noteEscapes))
      let id: UInt32
      if key.source == nil && key.note == nil {
        id = 0
      } else if let known = provenanceLookup[key] {
        id = known
      } else {
        provenances.append(key)
        id = number << FinanceTable.provenanceBits | UInt32(provenances.count)
        provenanceLookup[key] = id
      }
      return id
    }
  }

  /// Parses every row into a table for the given numbers of footprints and organisations.
  static func read(
    _ table: CSVTable, references: References, footprintCount: Int, organisationCount: Int,
    codeOf: @escaping @Sendable (Int) -> String, parallelism: Int, mode: FinanceReadMode = .canonical,
    reserved: FinanceGrid.Reservation? = nil, problems: inout ProblemList
  ) -> FinanceTable {
    let columns = Columns(table, references: references)
    let grid = FinanceGrid(
      slots: (footprintCount + organisationCount) * FinanceTable.slotsPerEntity, reserved: reserved)
    let general = generalRow(columns)
    let fast = FinanceFastPath(table: table, columns: columns)
    func readChunks(parallelism: Int) -> [ChunkOutput<Chunk>] {
      let shared = parallelism > 1
      // More chunks than threads, smaller towards the end: the threads take
      // them as they come free, so a thread slowed by other work
      // (memberships and stances are read at the same time) does not hold
      // up the end, and the one that finishes first waits little.
      let parts = parallelism > 1 ? parallelism * 9 : 1
      let make: @Sendable (Int) -> Chunk = { Chunk(grid: grid, number: $0, shared: shared) }
      return mode == .general
        ? table.forEachChunk(parts: parts, makeState: make, body: general)
        : table.forEachChunk(parts: parts, tapered: true, makeState: make) { chunk, from, to, firstLine, problems in
          fast.read(
            table: table, from: from, to: to, firstLine: firstLine, canonicalLayer: mode == .canonical,
            chunk: &chunk, problems: &problems, general: general)
        }
    }
    var chunks = readChunks(parallelism: parallelism)
    if chunks.contains(where: \.afterWrongSplit) {
      // A quoted line break spanned a guessed split, and chunks after it
      // wrote rows read from the middle of a record: read it all again.
      grid.clear()
      chunks = readChunks(parallelism: 1)
    }

    return merge(
      chunks, footprintCount: footprintCount, grid: grid, table: table, columns: columns, codeOf: codeOf,
      problems: &problems)
  }

  /// The general handling of one row: every check, every message (what the
  /// fast layers hand over when a row is not in the usual form).
  static func generalRow(_ columns: Columns) -> @Sendable (inout Chunk, inout CSVRow, inout ProblemList) -> Void {
    { chunk, row, problems in
      guard let slot = columns.slot(row, problems: &problems, unknown: &chunk.unknown) else { return }
      var value = Double.nan
      var milli = Milli.empty
      let gbpBytes = row.trimmedBytes(columns.gbp)
      var ok = true
      if !gbpBytes.isEmpty {
        if !row.hasEscapes(columns.gbp), let base = gbpBytes.baseAddress,
          let v = DecimalParser.parse(base, count: gbpBytes.count)
        {
          if abs(v) > RowChecks.moneyLimit {
            ok = false
            problems.error(
              file, line: row.line, field: "gbp_m",
              "gbp_m \(quotedForMessage(row.string(columns.gbp))) is not a plausible figure in £ million (more than \(NumberFormat.grouped(Int(RowChecks.moneyLimit))) either way)"
            )
          }
          value = v
          milli = Milli.exact(v) ?? Milli.elsewhere
        } else {
          ok = false
          let text = row.string(columns.gbp)
          let hint = text.contains(",") ? " (write 1234.5: no thousands separators)" : ""
          problems.error(
            file, line: row.line, field: "gbp_m", "gbp_m \(quotedForMessage(text)) is not a number\(hint)")
        }
      }
      var basisValue = Basis.reported.rawValue
      let basisBytes = row.trimmedBytes(columns.basis)
      if !basisBytes.isEmpty {
        let exact = FinanceVocabulary.shared.bases.index(of: basisBytes)
        if exact >= 0 {
          basisValue = FinanceVocabulary.shared.basisValues[exact]
        } else if let b = Basis(code: row.string(columns.basis)) {
          basisValue = b.rawValue
        } else {
          ok = false
          problems.error(
            file, line: row.line, field: "basis",
            "basis \(quotedForMessage(row.string(columns.basis))) is not \"reported\" or \"illustrative\"")
        }
      }
      guard ok else { return }
      let provenance = chunk.provenanceID(
        source: row.trimmedBytes(columns.source), sourceEscapes: row.hasEscapes(columns.source),
        note: row.trimmedBytes(columns.note), noteEscapes: row.hasEscapes(columns.note), line: row.line,
        problems: &problems)
      chunk.store(slot: slot, milli: milli, value: value, basis: basisValue, provenance: provenance, line: row.line)
    }
  }

  /// The chunks' figures as one table: their problems, unknown codes,
  /// figures kept aside and provenances joined, and every repeated row reported.
  static func merge(
    _ chunks: [ChunkOutput<Chunk>], footprintCount: Int, grid: FinanceGrid, table: CSVTable, columns: Columns,
    codeOf: (Int) -> String, problems: inout ProblemList
  ) -> FinanceTable {
    var repeats: [(slot: Int, line: Int)] = []
    var unknown = UnknownCodes()
    var side: [Int: Double] = [:]
    for output in chunks {
      problems.append(contentsOf: output.problems)
      unknown.merge(output.state.unknown, lineOffset: output.lineOffset)
      repeats += output.state.repeats.map { ($0.slot, $0.line + output.lineOffset) }
      side.merge(output.state.side) { first, _ in first }
    }
    // Rows two chunks both wrote: each chunk's map is checked against the
    // chunks' before it, gathered into the first map.
    let maps = chunks.compactMap(\.state.written)
    if let gathered = maps.first {
      for map in maps.dropFirst() { for slot in gathered.absorb(map) { repeats.append((slot, -1)) } }
    }
    var provenances: [[FinanceTable.Provenance]] = []
    for output in chunks {
      let n = Int(output.state.number)
      while provenances.count <= n { provenances.append([]) }
      provenances[n] = output.state.provenances
    }
    let merged = FinanceTable(footprintCount: footprintCount, grid: grid, side: side, provenances: provenances)
    unknown.report(file: file, into: &problems)
    if !repeats.isEmpty { reportRepeats(repeats, table: table, columns: columns, codeOf: codeOf, problems: &problems) }
    return merged
  }

  /// Reports each repeated slot with the line of its first row, found by one
  /// more pass over the file (this only happens when the file is wrong).
  static func reportRepeats(
    _ repeats: [(slot: Int, line: Int)], table: CSVTable, columns: Columns, codeOf: (Int) -> String,
    problems: inout ProblemList
  ) {
    let wanted = Set(repeats.map(\.slot))
    var lines: [Int: [Int]] = [:]
    var ignored = ProblemList()
    var unknown = UnknownCodes()
    table.forEachRecord(problems: &ignored) { row, _ in
      var quiet = ProblemList()
      guard let slot = columns.slot(row, problems: &quiet, unknown: &unknown), wanted.contains(slot) else { return }
      lines[slot, default: []].append(row.line)
    }
    for (slot, found) in lines.sorted(by: { ($0.value.first ?? 0) < ($1.value.first ?? 0) }) {
      guard let first = found.first else { continue }
      let entity = slot / FinanceTable.slotsPerEntity
      let rest = slot % FinanceTable.slotsPerEntity
      let year = FinancialYear(index: rest / Scenario.allCases.count)
      let scenario = Scenario(rawValue: rest % Scenario.allCases.count) ?? .doNothing
      for line in found.dropFirst() {
        problems.error(
          file, line: line,
          "a second row for \(codeOf(entity)) \(year.label) \(scenario.code) (the first is on line \(first))")
      }
    }
  }
}
