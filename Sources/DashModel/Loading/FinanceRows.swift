#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads `finance.csv`, the one file that can run to a million rows.
///
/// Rows are parsed from bytes in parallel chunks; each chunk fills its own
/// dense grid, and the grids are merged in file order, so duplicates across
/// chunks are found exactly as in a serial read. A duplicate's first line is
/// looked up only when there is one to report.
enum FinanceRows {
  static let file = "finance.csv"
  static let required = ["entity", "year", "scenario", "gbp_m"]
  static let optional = ["basis", "source"]

  /// Where the columns are, and what resolves codes.
  struct Columns: Sendable {
    var entity, year, scenario, gbp, basis, source: Int
    var codes: CodeLookup
    var usable: Bool

    init(_ table: CSVTable, references: References) {
      entity = table.column("entity")
      year = table.column("year")
      scenario = table.column("scenario")
      gbp = table.column("gbp_m")
      basis = table.column("basis")
      source = table.column("source")
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

    /// 0, 1, 2 for do_nothing, plan, outturn written exactly; -1 otherwise.
    @inline(__always)
    func scenarioIndex(_ b: UnsafeBufferPointer<UInt8>) -> Int {
      switch b.count {
      case 10: return Self.same(b, "do_nothing") ? 0 : -1
      case 4: return Self.same(b, "plan") ? 1 : -1
      case 7: return Self.same(b, "outturn") ? 2 : -1
      default: return -1
      }
    }

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

  /// One chunk's output: a dense grid plus the rows that repeated a slot.
  struct Chunk: Sendable {
    var grid: FinanceGrid
    var sources: [String] = [""]
    var sourceLookup: [String: Int32] = [:]
    var lastSource: [UInt8] = []
    var lastSourceID: Int32 = 0
    /// Recent distinct sources as raw bytes: a source met again is found by
    /// comparing bytes, without making a string (a few dozen at most).
    var rawSources: [(bytes: [UInt8], escapes: Bool, id: Int32)] = []
    var repeats: [(slot: Int, line: Int)] = []
    var unknown = UnknownCodes()
    /// The lowest and highest slot written, so merging need not visit the rest.
    var low = Int.max
    var high = -1

    init(slots: Int) { grid = FinanceGrid(slots: slots) }

    /// The id of a source text, added to `sources` when new.
    mutating func intern(_ text: String) -> Int32 {
      if let known = sourceLookup[text] { return known }
      let id = Int32(sources.count)
      sources.append(text)
      sourceLookup[text] = id
      return id
    }

    /// The id of a source given as raw bytes (between the quotes, escapes
    /// not yet undone). Its own cache: the general reader's bytes are
    /// unescaped, so the two must never be compared.
    mutating func sourceID(bytes b: UnsafeBufferPointer<UInt8>, escapes: Bool) -> Int32 {
      if b.isEmpty { return 0 }
      for k in rawSources.indices where rawSources[k].escapes == escapes && rawSources[k].bytes.count == b.count {
        let same = rawSources[k].bytes.withUnsafeBufferPointer { known in
          guard let l = known.baseAddress, let n = b.baseAddress else { return false }
          return memcmp(l, n, b.count) == 0
        }
        if same { return rawSources[k].id }
      }
      var s = 0
      var e = b.count
      while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
      while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
      guard e > s else { return 0 }
      let id = intern(CSVRow.text(UnsafeBufferPointer(rebasing: b[s..<e]), escapes: escapes))
      if rawSources.count < 32 { rawSources.append((Array(b), escapes, id)) }
      return id
    }

    mutating func sourceID(_ b: UnsafeBufferPointer<UInt8>, row: CSVRow, slot: Int) -> Int32 {
      if b.isEmpty { return 0 }
      // Sources repeat row after row: compare bytes before making a string.
      if b.count == lastSource.count,
        lastSource.withUnsafeBufferPointer({ last in
          guard let l = last.baseAddress, let n = b.baseAddress else { return false }
          return memcmp(l, n, b.count) == 0
        })
      {
        return lastSourceID
      }
      let id = intern(row.string(slot))
      lastSource = Array(b)
      lastSourceID = id
      return id
    }
  }

  /// Parses every row into a table for the given numbers of footprints and organisations.
  static func read(
    _ table: CSVTable, references: References, footprintCount: Int, organisationCount: Int,
    codeOf: @escaping @Sendable (Int) -> String, parallelism: Int, fastPath: Bool = true, problems: inout ProblemList
  ) -> FinanceTable {
    let columns = Columns(table, references: references)
    let slots = (footprintCount + organisationCount) * FinanceTable.slotsPerEntity
    // The general handling of one row: every check, every message.
    let general: @Sendable (inout Chunk, inout CSVRow, inout ProblemList) -> Void = { chunk, row, problems in
      guard let slot = columns.slot(row, problems: &problems, unknown: &chunk.unknown) else { return }
      var value = Double.nan
      let gbpBytes = row.trimmedBytes(columns.gbp)
      var ok = true
      if !gbpBytes.isEmpty {
        if !row.hasEscapes(columns.gbp), let base = gbpBytes.baseAddress,
          let v = DecimalParser.parse(base, count: gbpBytes.count)
        {
          value = v
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
        if Columns.same(basisBytes, "illustrative") {
          basisValue = Basis.illustrative.rawValue
        } else if Columns.same(basisBytes, "reported") {
          basisValue = Basis.reported.rawValue
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
      let grid = chunk.grid
      if grid.bases[slot] != 0 {
        chunk.repeats.append((slot, row.line))
        return
      }
      grid.values[slot] = value
      grid.bases[slot] = basisValue
      grid.sourceIDs[slot] = chunk.sourceID(row.trimmedBytes(columns.source), row: row, slot: columns.source)
      if slot < chunk.low { chunk.low = slot }
      if slot > chunk.high { chunk.high = slot }
    }
    let fast = FinanceFastPath(table: table, columns: columns)
    let storage = table.document.storage
    let chunks =
      fastPath
      ? table.forEachChunk(parts: parallelism, makeState: { Chunk(slots: slots) }) {
        chunk, base, from, to, firstLine, problems in
        let fields = FieldBuffer(capacity: table.header.count + 1)
        return fast.read(storage: storage, from: from, to: to, firstLine: firstLine, chunk: &chunk) {
          offset, line, chunk in
          table.readOne(base: base, at: offset, line: line, fields: fields, problems: &problems) { row, problems in
            general(&chunk, &row, &problems)
          }
        }
      }
      // The general reader alone (tests compare the two).
      : table.forEachChunk(parts: parallelism, makeState: { Chunk(slots: slots) }, body: general)

    // Merge the chunks in file order; the first chunk's grid becomes the table.
    var merged = FinanceTable(footprintCount: 0, organisationCount: 0)
    var repeats: [(slot: Int, line: Int)] = []
    var unknown = UnknownCodes()
    for (k, output) in chunks.enumerated() {
      let chunk = output.state
      problems.append(contentsOf: output.problems)
      unknown.merge(chunk.unknown, lineOffset: output.lineOffset)
      repeats += chunk.repeats.map { ($0.slot, $0.line + output.lineOffset) }
      if k == 0 {
        merged = FinanceTable(footprintCount: footprintCount, grid: chunk.grid, sources: chunk.sources)
        continue
      }
      var remap = [Int32](repeating: 0, count: chunk.sources.count)
      var lookup: [String: Int32] = [:]
      for (i, s) in merged.sources.enumerated() { lookup[s] = Int32(i) }
      for (i, s) in chunk.sources.enumerated() where i > 0 {
        if let id = lookup[s] {
          remap[i] = id
        } else {
          remap[i] = Int32(merged.sources.count)
          merged.sources.append(s)
        }
      }
      let from = chunk.grid
      let into = merged.grid
      guard chunk.high >= chunk.low else { continue }
      for slot in chunk.low...chunk.high where from.bases[slot] != 0 {
        if into.bases[slot] != 0 {
          // Line unknown here: found below, only when there are repeats.
          repeats.append((slot, -1))
          continue
        }
        into.values[slot] = from.values[slot]
        into.bases[slot] = from.bases[slot]
        into.sourceIDs[slot] = remap[Int(from.sourceIDs[slot])]
      }
    }
    if chunks.isEmpty { merged = FinanceTable(footprintCount: footprintCount, organisationCount: organisationCount) }
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
