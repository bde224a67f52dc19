#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The hot loop of reading `finance.csv`: each field is parsed the moment
/// its end is found, with no span buffer and no second look at its bytes.
///
/// The chunk is read with `pread` into a small window that is reused, so the
/// scan causes no page faults and holds a few megabytes however large the
/// file. Only rows that are entirely ordinary take this path. Anything else —
/// a line break inside quotes, an unknown code, a bad number, the wrong
/// number of fields — is read again from the row's start by the general
/// reader, which reports problems exactly as it always does. So this path
/// decides nothing a user can see; it only makes the common case cheap.
struct FinanceFastPath {
  /// What each field of a row is, by position.
  enum Role: UInt8 {
    case entity, year, scenario, gbp, basis, source, note, other
  }

  /// How one row went.
  enum Outcome {
    /// A blank line, skipped.
    case blank(next: Int)
    /// A good row, parsed.
    case row(next: Int, Parsed)
    /// The row runs past the window: read more and try again.
    case needMore
    /// Something the general reader must handle.
    case unusual
  }

  /// A row's values.
  struct Parsed {
    var entity = -1
    var year = -1
    var scenario = -1
    /// The figure in thousandths (``Milli/empty`` when `gbp_m` is empty,
    /// ``Milli/elsewhere`` when `value` holds it instead).
    var milli = Milli.empty
    var value = Double.nan
    var basis = Basis.reported.rawValue
    var sourceStart = 0
    var sourceEnd = 0
    var sourceEscapes = false
    var noteStart = 0
    var noteEnd = 0
    var noteEscapes = false
    /// The row's provenance id when already known (a tail read before),
    /// else ``Parsed/unknown``.
    var provenance = Parsed.unknown

    static let unknown = UInt32.max

    /// Whether the row has a source or a note.
    var hasText: Bool { sourceEnd > sourceStart || noteEnd > noteStart }
  }

  let roles: [Role]
  let columns: FinanceRows.Columns
  /// The file's words (a local copy: no lazy global on the hot path).
  let vocabulary = FinanceVocabulary.shared
  /// The six years as seven-byte words.
  let yearWords: [UInt64] = FinanceVocabulary.shared.years

  init(table: CSVTable, columns: FinanceRows.Columns) {
    var roles = [Role](repeating: .other, count: table.header.count)
    for (slot, role) in [
      (columns.entity, Role.entity), (columns.year, .year), (columns.scenario, .scenario), (columns.gbp, .gbp),
      (columns.basis, .basis), (columns.source, .source), (columns.note, .note),
    ] where slot >= 0 && slot < roles.count {
      roles[slot] = role
    }
    self.roles = roles
    self.columns = columns
  }

  /// Reads the records starting in `[from, to)` of `table`'s file, the first
  /// on line `firstLine`, through a window. Rows the fast layers do not take
  /// are read from the same window by the table's general reader, which
  /// calls `general` for each good record.
  func read(
    table: CSVTable, from: Int, to: Int, firstLine: Int, canonicalLayer: Bool, chunk: inout FinanceRows.Chunk,
    problems: inout ProblemList, general: (inout FinanceRows.Chunk, inout CSVRow, inout ProblemList) -> Void
  ) -> (offset: Int, line: Int) {
    let window = ByteWindow(table.document.storage, capacity: table.document.storage.window)
    let fields = FieldBuffer(capacity: table.header.count + 1)
    var p = 0
    var line = firstLine
    window.fill(at: from)
    // The window's state in locals: the hot loop reads no class property.
    var buffer = UnsafePointer(window.buffer)
    var length = window.length
    var windowStart = window.start
    var atEnd = window.atEnd
    var truncated = window.truncated
    func refill(at offset: Int) {
      window.fill(at: offset)
      buffer = UnsafePointer(window.buffer)
      length = window.length
      windowStart = window.start
      atEnd = window.atEnd
      truncated = window.truncated
      p = 0
    }
    // The last few provenances' raw bytes (source then note): rows repeat
    // them, so they are compared here before the chunk interns anything.
    var recent = RecentKeys()
    // The usual column order takes the straight-line parser first.
    let usual = canonicalLayer && FinanceCanonicalRow.applies(to: roles)
    let tailWords = UnsafeMutablePointer<UInt64>.allocate(capacity: FinanceCanonicalRow.words)
    defer { tailWords.deallocate() }
    var canonical = FinanceCanonicalRow(codes: columns.codes, words: tailWords)
    // The provenance of the row the straight parser last read in full, for
    // it to keep that row's tail (``FinanceCanonicalRow/parse``).
    var kept = Parsed.unknown
    return roles.withUnsafeBufferPointer { roles in
      yearWords.withUnsafeBufferPointer { years in
        guard let years = years.baseAddress else { return (from, firstLine) }
        while windowStart + p < to {
          if truncated {
            table.reportChanged(&problems)
            return (table.document.count, line)
          }
          let outcome: Outcome
          if usual, let row = canonical.parse(buffer, count: length, at: p, atEnd: atEnd, years: years, kept: kept) {
            outcome = row
          } else {
            outcome = parseRow(buffer, length: length, at: p, atEnd: atEnd, roles: roles)
          }
          switch outcome {
          case .blank(let next):
            p = next
            line += 1
          case .row(let next, let r):
            p = next
            line += 1
            let provenance = Self.provenance(
              of: r, in: buffer, line: line - 1, recent: &recent, chunk: &chunk, problems: &problems)
            // For the straight parser to keep this row's tail, if it read it
            // in full (it holds none otherwise), unless its provenance failed
            // its checks.
            kept = provenance != 0 || !r.hasText ? provenance : Parsed.unknown
            chunk.store(
              slot: FinanceTable.slot(entity: r.entity, year: r.year, scenario: r.scenario), milli: r.milli,
              value: r.value, basis: r.basis, provenance: provenance, line: line - 1)
          case .needMore:
            if p == 0 && !window.grow() {
              table.reportTooLong(line: line, &problems)
              return (table.document.count, line)
            }
            refill(at: windowStart + p)
          case .unusual:
            // The general reader reads this record again, from the window.
            if let next = table.readRecord(
              in: window, at: p, line: line, fields: fields, problems: &problems,
              { row, problems in general(&chunk, &row, &problems) })
            {
              (p, line) = next
            } else if p == 0 && !window.grow() {
              table.reportTooLong(line: line, &problems)
              return (table.document.count, line)
            } else {
              refill(at: windowStart + p)
            }
          }
        }
        return (windowStart + p, line)
      }
    }
  }

  /// A row's provenance id: known already (a tail read before), none (no
  /// source or note), one of the last few pairs met, or the chunk's id for
  /// a new pair, checked first (0 when the check fails).
  @inline(__always)
  static func provenance(
    of r: Parsed, in buffer: UnsafePointer<UInt8>, line: Int, recent: inout RecentKeys,
    chunk: inout FinanceRows.Chunk, problems: inout ProblemList
  ) -> UInt32 {
    if r.provenance != Parsed.unknown { return r.provenance }
    guard r.hasText else { return 0 }
    let flags = (r.sourceEscapes ? 1 : 0) | (r.noteEscapes ? 2 : 0)
    let source = UnsafeBufferPointer(start: buffer + r.sourceStart, count: r.sourceEnd - r.sourceStart)
    let note = UnsafeBufferPointer(start: buffer + r.noteStart, count: r.noteEnd - r.noteStart)
    if let known = recent.find(source, note, flags: flags) { return known }
    let id = chunk.provenanceID(
      source: source, sourceEscapes: r.sourceEscapes, note: note, noteEscapes: r.noteEscapes, line: line,
      problems: &problems)
    // A pair that failed its checks (id 0) is never reused unchecked:
    // each row that repeats it is reported, as the general reader does.
    if id != 0 { recent.remember(source, note, flags: flags, id: id) }
    return id
  }

  /// Parses the row at `p`; bytes past `length` are not there yet unless `atEnd`.
  @inline(__always)
  func parseRow(
    _ base: UnsafePointer<UInt8>, length count: Int, at start: Int, atEnd: Bool, roles: UnsafeBufferPointer<Role>
  ) -> Outcome {
    var p = start
    let fieldCount = roles.count
    if p < count && (base[p] == 0x0A || base[p] == 0x0D) {
      if base[p] == 0x0D {
        if p + 1 >= count && !atEnd { return .needMore }
        if p + 1 < count && base[p + 1] == 0x0A { return .blank(next: p + 2) }
      }
      return .blank(next: p + 1)
    }
    var r = Parsed()
    var field = 0
    while true {
      var s = p
      var e = p
      var escapes = false
      // The usual forms, recognised without a byte-by-byte scan; anything
      // else goes on to the general scan below.
      if field < fieldCount, case let next = predict(base, count: count, at: p, role: roles[field], into: &r), next >= 0
      {
        p = next
        field += 1
        if let outcome = afterField(
          base, count: count, p: &p, field: &field, atEnd: atEnd, fieldCount: fieldCount, r: r)
        {
          return outcome
        }
        continue
      }
      if p < count && base[p] == 0x22 {
        // Quoted: to the closing quote; a line break inside is for the general reader.
        p += 1
        s = p
        while true {
          p = ByteScan.toQuoteOrLineEnd(base, from: p, count: count)
          if p >= count { return atEnd ? .unusual : .needMore }
          if base[p] != 0x22 { return .unusual }
          if p + 1 >= count && !atEnd { return .needMore }
          if p + 1 < count && base[p + 1] == 0x22 {
            escapes = true
            p += 2
            continue
          }
          break
        }
        e = p
        p += 1
      } else {
        while true {
          // Bytes above `,` are field text; below it are a few that matter.
          p = ByteScan.toByteBelow(0x2D, base, from: p, count: count)
          guard p < count else { break }
          let b = base[p]
          if b == 0x2C || b == 0x0A || b == 0x0D { break }
          if b == 0x22 { return .unusual }
          p += 1
        }
        if p >= count && !atEnd { return .needMore }
        e = p
        // Surrounding spaces are allowed; trim them.
        while s < e && (base[s] == 0x20 || base[s] == 0x09) { s += 1 }
        while e > s && (base[e - 1] == 0x20 || base[e - 1] == 0x09) { e -= 1 }
      }
      if field < fieldCount, !store(base, s, e, escapes: escapes, as: roles[field], into: &r) { return .unusual }
      field += 1
      if let outcome = afterField(base, count: count, p: &p, field: &field, atEnd: atEnd, fieldCount: fieldCount, r: r)
      {
        return outcome
      }
    }
  }

  /// Keeps a field's value in the row as its role says; `false` when the
  /// value is not in the usual form (the general reader then takes the row).
  @inline(__always)
  func store(
    _ base: UnsafePointer<UInt8>, _ s: Int, _ e: Int, escapes: Bool, as role: Role, into r: inout Parsed
  ) -> Bool {
    let b = UnsafeBufferPointer(start: base + s, count: e - s)
    switch role {
    case .entity:
      guard !escapes, let id = columns.codes.find(b) else { return false }
      r.entity = id
    case .year:
      guard b.count == 7 else { return false }
      var word: UInt64 = 0
      for i in 0..<7 { word |= UInt64(base[s + i]) << (8 * UInt64(i)) }
      guard let y = yearWords.firstIndex(of: word) else { return false }
      r.year = y
    case .scenario:
      r.scenario = columns.scenarioIndex(b)
      if r.scenario < 0 { return false }
    case .gbp:
      if !b.isEmpty {
        guard !escapes else { return false }
        if let (m, end) = DecimalParser.milli(base + s, from: 0, count: e - s), end == e - s {
          r.milli = m
        } else {
          // Anything else, and a figure too large to be real, is for the
          // general reader to take or report.
          guard let v = DecimalParser.parse(base + s, count: e - s), abs(v) <= RowChecks.moneyLimit else {
            return false
          }
          r.value = v
          r.milli = Milli.exact(v) ?? Milli.elsewhere
        }
      }
    case .basis:
      if !b.isEmpty {
        if FinanceRows.Columns.same(b, Basis.illustrative.word) {
          r.basis = Basis.illustrative.rawValue
        } else if !FinanceRows.Columns.same(b, Basis.reported.word) {
          return false
        }
      }
    case .source:
      r.sourceStart = s
      r.sourceEnd = e
      r.sourceEscapes = escapes
    case .note:
      r.noteStart = s
      r.noteEnd = e
      r.noteEscapes = escapes
    case .other:
      break
    }
    return true
  }

  /// What follows a field: `nil` to read the next field, or how the row ended.
  @inline(__always)
  func afterField(
    _ base: UnsafePointer<UInt8>, count: Int, p: inout Int, field: inout Int, atEnd: Bool, fieldCount: Int, r: Parsed
  ) -> Outcome? {
    func done() -> Outcome {
      guard field == fieldCount, r.entity >= 0, r.year >= 0, r.scenario >= 0 else { return .unusual }
      return .row(next: p, r)
    }
    // Only reached at the end of the file (otherwise `needMore` earlier).
    if p >= count { return done() }
    let b = base[p]
    if b == 0x2C {
      p += 1
      if p >= count {
        if !atEnd { return .needMore }
        field += 1
        return done()
      }
      return nil
    }
    if b != 0x0A && b != 0x0D { return .unusual }
    p += 1
    if b == 0x0D {
      if p >= count && !atEnd { return .needMore }
      if p < count && base[p] == 0x0A { p += 1 }
    }
    return done()
  }

  /// Whether `b` ends a field.
  @inline(__always)
  func isEnd(_ b: UInt8) -> Bool { b == 0x2C || b == 0x0A || b == 0x0D }

  /// Parses a field of the expected form for its role, returning where the
  /// field ends, or -1 when it is not in that form (the general scan decides).
  @inline(never)
  func predict(_ base: UnsafePointer<UInt8>, count: Int, at p: Int, role: Role, into r: inout Parsed) -> Int {
    switch role {
    case .year: return predictYear(base, count: count, at: p, into: &r)
    case .scenario: return predictScenario(base, count: count, at: p, into: &r)
    case .basis: return predictBasis(base, count: count, at: p, into: &r)
    case .gbp: return predictValue(base, count: count, at: p, into: &r)
    default: return -1
    }
  }

  @inline(__always)
  func predictYear(_ base: UnsafePointer<UInt8>, count: Int, at p: Int, into r: inout Parsed) -> Int {
    // `20YY/ZZ`: the third and fourth digits say which of the six it can
    // be; one compare of all seven bytes says whether it is.
    guard p + 8 <= count, isEnd(base[p + 7]) else { return -1 }
    let y = Int(base[p + 2] &- 0x30) &* 10 &+ Int(base[p + 3] &- 0x30) &- FinancialYear.firstStartYear % 100
    guard y >= 0, y < yearWords.count,
      UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self) & 0x00FF_FFFF_FFFF_FFFF == yearWords[y]
    else { return -1 }
    r.year = y
    return p + 7
  }

  @inline(__always)
  func predictScenario(_ base: UnsafePointer<UInt8>, count: Int, at p: Int, into r: inout Parsed) -> Int {
    guard p < count else { return -1 }
    let index = vocabulary.scenarios.candidate(base[p])
    guard index >= 0 else { return -1 }
    let word = vocabulary.scenarios.words[index]
    let n = word.count
    guard p + n < count, isEnd(base[p + n]), word.matches(base + p, available: count - p) else { return -1 }
    r.scenario = index
    return p + n
  }

  @inline(__always)
  func predictBasis(_ base: UnsafePointer<UInt8>, count: Int, at p: Int, into r: inout Parsed) -> Int {
    guard p < count else { return -1 }
    if isEnd(base[p]) { return p }
    let index = vocabulary.bases.candidate(base[p])
    guard index >= 0 else { return -1 }
    let word = vocabulary.bases.words[index]
    let basis = vocabulary.basisValues[index]
    let n = word.count
    guard p + n < count, isEnd(base[p + n]), word.matches(base + p, available: count - p) else { return -1 }
    r.basis = basis
    return p + n
  }

  @inline(__always)
  func predictValue(_ base: UnsafePointer<UInt8>, count: Int, at p: Int, into r: inout Parsed) -> Int {
    guard p < count else { return -1 }
    if isEnd(base[p]) { return p }
    guard let (m, end) = DecimalParser.milli(base, from: p, count: count), end < count, isEnd(base[end]) else {
      return -1
    }
    r.milli = m
    return end
  }

}
