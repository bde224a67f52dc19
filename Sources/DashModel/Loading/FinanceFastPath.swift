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
    case entity, year, scenario, gbp, basis, source, other
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
    var value = Double.nan
    var basis = Basis.reported.rawValue
    var sourceStart = 0
    var sourceEnd = 0
    var sourceEscapes = false
  }

  /// Bytes read at a time.
  static let window = 4 << 20

  let roles: [Role]
  let columns: FinanceRows.Columns

  init(table: CSVTable, columns: FinanceRows.Columns) {
    var roles = [Role](repeating: .other, count: table.header.count)
    for (slot, role) in [
      (columns.entity, Role.entity), (columns.year, .year), (columns.scenario, .scenario), (columns.gbp, .gbp),
      (columns.basis, .basis), (columns.source, .source),
    ] where slot >= 0 && slot < roles.count {
      roles[slot] = role
    }
    self.roles = roles
    self.columns = columns
  }

  /// Reads the records starting in `[from, to)` of the file behind `storage`,
  /// the first on line `firstLine`. `general` reads one record the general
  /// way, given its absolute offset and line, and returns where it stopped.
  func read(
    storage: ByteStorage, from: Int, to: Int, firstLine: Int, chunk: inout FinanceRows.Chunk,
    general: (Int, Int, inout FinanceRows.Chunk) -> (offset: Int, line: Int)
  ) -> (offset: Int, line: Int) {
    let total = storage.count
    var capacity = Self.window
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var windowStart = from
    var length = 0
    var p = 0
    var line = firstLine
    func refill(at offset: Int) {
      windowStart = offset
      length = storage.copy(into: buffer, length: min(capacity, total - offset), at: offset)
      p = 0
    }
    refill(at: from)
    let grid = chunk.grid
    return roles.withUnsafeBufferPointer { roles in
      while windowStart + p < to {
        let atEnd = windowStart + length >= total
        switch parseRow(buffer, length: length, at: p, atEnd: atEnd, roles: roles) {
        case .blank(let next):
          p = next
          line += 1
        case .row(let next, let r):
          p = next
          line += 1
          let slot = FinanceTable.slot(entity: r.entity, year: r.year, scenario: r.scenario)
          if grid.bases[slot] != 0 {
            chunk.repeats.append((slot, line - 1))
            continue
          }
          grid.values[slot] = r.value
          grid.bases[slot] = r.basis
          grid.sourceIDs[slot] =
            r.sourceEnd > r.sourceStart
            ? chunk.sourceID(
              bytes: UnsafeBufferPointer(start: buffer + r.sourceStart, count: r.sourceEnd - r.sourceStart),
              escapes: r.sourceEscapes)
            : 0
          if slot < chunk.low { chunk.low = slot }
          if slot > chunk.high { chunk.high = slot }
        case .needMore:
          if p == 0 {
            // A row longer than the window: make the window bigger.
            capacity *= 2
            buffer.deallocate()
            buffer = .allocate(capacity: capacity)
          }
          refill(at: windowStart + p)
        case .unusual:
          // The general reader reads this record again, from the file itself.
          let end = general(windowStart + p, line, &chunk)
          line = end.line
          refill(at: end.offset)
        }
      }
      return (windowStart + p, line)
    }
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
      if p < count && base[p] == 0x22 {
        // Quoted: to the closing quote; a line break inside is for the general reader.
        p += 1
        s = p
        while true {
          while p < count && base[p] != 0x22 && base[p] != 0x0A && base[p] != 0x0D { p += 1 }
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
        while p < count {
          let b = base[p]
          if b > 0x2C {
            p += 1
            continue
          }
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
      if field < fieldCount {
        let b = UnsafeBufferPointer(start: base + s, count: e - s)
        switch roles[field] {
        case .entity:
          guard !escapes, let id = columns.codes.find(b) else { return .unusual }
          r.entity = id
        case .year:
          var out = false
          guard let y = FinancialYear.parse(b, outOfRange: &out) else { return .unusual }
          r.year = y.index
        case .scenario:
          r.scenario = columns.scenarioIndex(b)
          if r.scenario < 0 { return .unusual }
        case .gbp:
          if !b.isEmpty {
            guard !escapes, let v = DecimalParser.parse(base + s, count: e - s) else { return .unusual }
            r.value = v
          }
        case .basis:
          if !b.isEmpty {
            if FinanceRows.Columns.same(b, "illustrative") {
              r.basis = Basis.illustrative.rawValue
            } else if !FinanceRows.Columns.same(b, "reported") {
              return .unusual
            }
          }
        case .source:
          r.sourceStart = s
          r.sourceEnd = e
          r.sourceEscapes = escapes
        case .other:
          break
        }
      }
      field += 1
      // After a field: separator, line end or end of input.
      if p >= count {
        // Only reached at the end of the file (otherwise `needMore` above).
        guard field == fieldCount, r.entity >= 0, r.year >= 0, r.scenario >= 0 else { return .unusual }
        return .row(next: p, r)
      }
      let b = base[p]
      if b == 0x2C {
        p += 1
        if p >= count {
          if !atEnd { return .needMore }
          field += 1
          guard field == fieldCount, r.entity >= 0, r.year >= 0, r.scenario >= 0 else { return .unusual }
          return .row(next: p, r)
        }
        continue
      }
      if b != 0x0A && b != 0x0D { return .unusual }
      p += 1
      if b == 0x0D {
        if p >= count && !atEnd { return .needMore }
        if p < count && base[p] == 0x0A { p += 1 }
      }
      guard field == fieldCount, r.entity >= 0, r.year >= 0, r.scenario >= 0 else { return .unusual }
      return .row(next: p, r)
    }
  }
}
