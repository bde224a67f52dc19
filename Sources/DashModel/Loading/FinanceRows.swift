/// Reads `finance.csv`, the one file that can run to a million rows.
///
/// Rows are parsed from bytes in parallel chunks; each chunk fills its own
/// dense grid, and the grids are merged in file order, so duplicates across
/// chunks are found exactly as in a serial read.
enum FinanceRows {
  static let file = "finance.csv"
  static let required = ["entity", "year", "scenario", "gbp_m"]
  static let optional = ["basis", "source"]

  /// One chunk's output: a dense grid plus the rows that repeated a slot.
  struct Chunk {
    var values: [Double]
    var bases: [UInt8]
    var sourceIDs: [Int32]
    var lines: [Int32]
    var sources: [String] = [""]
    var sourceLookup: [String: Int32] = [:]
    var lastSource: [UInt8] = []
    var lastSourceID: Int32 = 0
    var repeats: [(slot: Int, line: Int)] = []
    var unknown = UnknownCodes()

    init(slots: Int) {
      values = [Double](repeating: .nan, count: slots)
      bases = [UInt8](repeating: 0, count: slots)
      sourceIDs = [Int32](repeating: 0, count: slots)
      lines = [Int32](repeating: 0, count: slots)
    }

    mutating func sourceID(_ b: UnsafeBufferPointer<UInt8>, row: CSVRow, slot: Int) -> Int32 {
      if b.isEmpty { return 0 }
      if b.count == lastSource.count && b.elementsEqual(lastSource) { return lastSourceID }
      let text = row.string(slot)
      let id: Int32
      if let known = sourceLookup[text] {
        id = known
      } else {
        id = Int32(sources.count)
        sources.append(text)
        sourceLookup[text] = id
      }
      lastSource = Array(b)
      lastSourceID = id
      return id
    }
  }

  /// Parses every row into a table for the given numbers of footprints and organisations.
  static func read(
    _ table: CSVTable, references: References, footprintCount: Int, organisationCount: Int,
    codeOf: @escaping @Sendable (Int) -> String, parallelism: Int, problems: inout ProblemList
  ) -> FinanceTable {
    let entity = table.column("entity")
    let year = table.column("year")
    let scenario = table.column("scenario")
    let gbp = table.column("gbp_m")
    let basis = table.column("basis")
    let source = table.column("source")
    let slots = (footprintCount + organisationCount) * FinanceTable.slotsPerEntity
    let usable = references.usable
    let codes = references.codes

    let chunks = table.forEachChunk(parts: parallelism, makeState: { Chunk(slots: slots) }) {
      chunk, row, problems in
      let line = row.line
      var ok = true
      let entityBytes = row.trimmedBytes(entity)
      let entityID = codes.find(entityBytes)
      if entityID == nil {
        ok = false
        if usable {
          let text = row.string(entity)
          chunk.unknown.note(
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
      let scenarioIndex: Int
      if row.equals(scenario, "do_nothing") {
        scenarioIndex = 0
      } else if row.equals(scenario, "plan") {
        scenarioIndex = 1
      } else if row.equals(scenario, "outturn") {
        scenarioIndex = 2
      } else if let s = Scenario(code: row.string(scenario)) {
        scenarioIndex = s.rawValue
      } else {
        scenarioIndex = -1
        ok = false
        problems.error(
          file, line: line, field: "scenario",
          "scenario \(quotedForMessage(row.string(scenario))) is not do_nothing, plan or outturn")
      }
      var value = Double.nan
      let gbpBytes = row.trimmedBytes(gbp)
      if !gbpBytes.isEmpty {
        if !row.hasEscapes(gbp), let base = gbpBytes.baseAddress,
          let v = DecimalParser.parse(base, count: gbpBytes.count)
        {
          value = v
        } else {
          ok = false
          let text = row.string(gbp)
          let hint = text.contains(",") ? " (write 1234.5: no thousands separators)" : ""
          problems.error(file, line: line, field: "gbp_m", "gbp_m \(quotedForMessage(text)) is not a number\(hint)")
        }
      }
      var basisValue = Basis.reported.rawValue
      if !row.isBlank(basis) {
        if row.equals(basis, "illustrative") {
          basisValue = Basis.illustrative.rawValue
        } else if row.equals(basis, "reported") {
          basisValue = Basis.reported.rawValue
        } else if let b = Basis(code: row.string(basis)) {
          basisValue = b.rawValue
        } else {
          ok = false
          problems.error(
            file, line: line, field: "basis",
            "basis \(quotedForMessage(row.string(basis))) is not \"reported\" or \"illustrative\"")
        }
      }
      guard ok, let entityID, let yearValue else { return }
      let slot = FinanceTable.slot(entity: entityID, year: yearValue.index, scenario: scenarioIndex)
      if chunk.lines[slot] != 0 {
        chunk.repeats.append((slot, line))
        return
      }
      chunk.lines[slot] = Int32(truncatingIfNeeded: line)
      chunk.values[slot] = value
      chunk.bases[slot] = basisValue
      chunk.sourceIDs[slot] = chunk.sourceID(row.trimmedBytes(source), row: row, slot: source)
    }

    // Merge the chunks in file order.
    var merged = FinanceTable(footprintCount: 0, organisationCount: 0)
    var mergedLines: [Int32] = []
    var first = true
    var unknown = UnknownCodes()
    for output in chunks {
      var chunk = output.state
      unknown.merge(chunk.unknown, lineOffset: output.lineOffset)
      problems.append(contentsOf: output.problems)
      let offset = Int32(output.lineOffset)
      if first {
        first = false
        merged = FinanceTable(footprintCount: footprintCount, organisationCount: organisationCount)
        merged.values = chunk.values
        merged.bases = chunk.bases
        merged.sourceIDs = chunk.sourceIDs
        merged.sources = chunk.sources
        mergedLines = chunk.lines
        chunk.values = []
        chunk.bases = []
        for (slot, line) in chunk.repeats {
          reportRepeat(slot: slot, line: line, first: Int(mergedLines[slot]), codeOf: codeOf, problems: &problems)
        }
        continue
      }
      // Map this chunk's source ids onto the merged list.
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
      chunk.lines.withUnsafeBufferPointer { lines in
        for slot in 0..<lines.count where lines[slot] != 0 {
          let line = lines[slot] + offset
          if mergedLines[slot] != 0 {
            reportRepeat(
              slot: slot, line: Int(line), first: Int(mergedLines[slot]), codeOf: codeOf, problems: &problems)
            continue
          }
          mergedLines[slot] = line
          merged.values[slot] = chunk.values[slot]
          merged.bases[slot] = chunk.bases[slot]
          merged.sourceIDs[slot] = remap[Int(chunk.sourceIDs[slot])]
        }
      }
      for (slot, line) in chunk.repeats {
        reportRepeat(
          slot: slot, line: line + Int(offset), first: Int(mergedLines[slot]), codeOf: codeOf, problems: &problems)
      }
    }
    if first { merged = FinanceTable(footprintCount: footprintCount, organisationCount: organisationCount) }
    unknown.report(file: file, into: &problems)
    return merged
  }

  static func reportRepeat(
    slot: Int, line: Int, first: Int, codeOf: (Int) -> String, problems: inout ProblemList
  ) {
    let entity = slot / FinanceTable.slotsPerEntity
    let rest = slot % FinanceTable.slotsPerEntity
    let year = FinancialYear(index: rest / Scenario.allCases.count)
    let scenario = Scenario(rawValue: rest % Scenario.allCases.count) ?? .doNothing
    problems.error(
      file, line: line,
      "a second row for \(codeOf(entity)) \(year.label) \(scenario.code) (the first is on line \(first))")
  }
}
