/// The usual `finance.csv` layout — `entity,year,scenario,gbp_m,basis,source`
/// in that order — read in one straight pass per row, with no per-field
/// dispatch on column roles.
///
/// It only accepts rows in their plainest form: an unquoted code, a year,
/// a scenario and a basis written exactly, a plain decimal or nothing, and a
/// source that is empty, plain or quoted on one line. For anything else it
/// answers `nil` and the row is read again by ``FinanceFastPath``'s
/// field-by-field parser (which in turn leaves the unusual to the general
/// reader), so it decides nothing a user can see.
struct FinanceCanonicalRow {
  let codes: CodeLookup
  let vocabulary = FinanceVocabulary.shared

  /// The last code read and the comma after it: rows of one entity come
  /// together, so most rows compare two words and need no scan and no
  /// lookup at all.
  private var lastCode = RepeatedCode()

  /// A row's tail — from the comma after its figure through its line end —
  /// in words of room, with the basis and provenance it was read as: an entity's
  /// rows nearly always repeat one basis and one source, so most rows
  /// compare a few words here and neither scan nor look up their source.
  /// Bytes equal to a tail read before read the same, so nothing is decided
  /// here that the full parse would not decide.
  private let tail: UnsafeMutablePointer<UInt64>
  /// The remembered tail's length in bytes (0: none).
  private var tailLength = 0
  private var tailBasis: UInt8 = 0
  private var tailProvenance: UInt32 = 0
  /// The tail of the row just parsed in full, remembered once the caller
  /// knows its provenance (the next ``parse``'s `kept`); 0: none held.
  private var pendingLength = 0
  private var pendingBasis: UInt8 = 0

  /// The longest tail remembered.
  static let tailCapacity = 64

  /// `words`: room for ``words`` words, which the caller owns and keeps
  /// while this parser is used.
  init(codes: CodeLookup, words: UnsafeMutablePointer<UInt64>) {
    self.codes = codes
    tail = words
    tail.initialize(repeating: 0, count: Self.words)
  }

  /// The words of room a parser needs for the tails it keeps.
  static let words = 2 * tailCapacity / 8

  /// The tail held until its provenance is known: the words after the remembered tail's.
  private var pending: UnsafeMutablePointer<UInt64> { tail + Self.tailCapacity / 8 }

  /// The remembered tail's bytes.
  private var tailBytes: UnsafePointer<UInt8> { UnsafeRawPointer(tail).assumingMemoryBound(to: UInt8.self) }

  /// Whether a header's roles are the usual layout.
  static func applies(to roles: [FinanceFastPath.Role]) -> Bool {
    roles == [.entity, .year, .scenario, .gbp, .basis, .source]
  }

  /// Reads the entity's code at `p` into `r`: where the year starts, or -1.
  @inline(__always)
  private mutating func entity(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, into r: inout FinanceFastPath.Parsed
  ) -> Int {
    let repeated = lastCode.match(base, count: count, at: start)
    if repeated >= 0 {
      r.entity = lastCode.id
      return repeated
    }
    let entityEnd = RepeatedCode.plainEnd(base, count: count, at: start)
    guard entityEnd >= 0 else { return -1 }
    // Files usually list entities in the order they were defined: the
    // same and the next id are tried before the hash table (no cache miss).
    var hint = lastCode.id
    guard let id = codes.find(UnsafeBufferPointer(start: base + start, count: entityEnd - start), hint: &hint) else {
      return -1
    }
    r.entity = id
    lastCode.remember(base, count: count, at: start, length: entityEnd - start, id: id)
    return entityEnd + 1
  }

  /// Parses the row at `start`, or answers `nil` when it is not in the plain
  /// form or does not end inside the `count` bytes there are (`years`: the
  /// six years as words, ``FinancialYear/periodWords``). `kept`: the
  /// provenance the row before was given, or ``FinanceFastPath/Parsed/unknown``
  /// when it failed its checks (each row repeating it must be checked and
  /// reported again); when this parser read that row in full, its tail is
  /// kept for the rows after it. (Given with the next row rather than by a
  /// call of its own: the loop makes one call a row.)
  @inline(__always)
  mutating func parse(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, years: UnsafePointer<UInt64>, kept: UInt32
  ) -> FinanceFastPath.Outcome? {
    if pendingLength > 0 { keep(provenance: kept) }
    var r = FinanceFastPath.Parsed()
    var p = entity(base, count: count, at: start, into: &r)
    guard p >= 0 else { return nil }
    // Year: `20YY/ZZ,`, one compare of all seven bytes.
    guard p + 8 <= count, base[p + 7] == 0x2C else { return nil }
    let y = Int(base[p + 2] &- 0x30) &* 10 &+ Int(base[p + 3] &- 0x30) &- FinancialYear.firstStartYear % 100
    guard y >= 0, y < FinancialYear.count,
      UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self) & 0x00FF_FFFF_FFFF_FFFF == years[y]
    else { return nil }
    r.year = y
    p += 8
    // Scenario, by its first letter and then the whole word.
    guard p < count else { return nil }
    r.scenario = vocabulary.scenarios.candidate(base[p])
    guard r.scenario >= 0 else { return nil }
    let word = vocabulary.scenarios.words[r.scenario]
    guard p + word.count < count, base[p + word.count] == 0x2C, word.matches(base + p, available: count - p) else {
      return nil
    }
    p += word.count + 1
    // £m: empty, or digits with an optional point and up to three decimals.
    guard p < count else { return nil }
    if base[p] != 0x2C {
      guard let (m, end) = DecimalParser.milli(base, from: p, count: count), end < count, base[end] == 0x2C
      else { return nil }
      r.milli = m
      p = end
    }
    // The tail of a row before, byte for byte: the same basis and provenance.
    if tailLength > 0 && p + tailLength <= count && ByteScan.equal(base + p, tailBytes, tailLength) {
      r.basis = tailBasis
      r.provenance = tailProvenance
      return .row(next: p + tailLength, r)
    }
    return parseTail(base, count: count, at: p, atEnd: atEnd, row: r)
  }

  /// Parses the basis, the source and the line end of a row whose tail is
  /// not the one remembered (the first row of each entity, about one in
  /// eighteen): out of line, so that the usual row runs through less code.
  @inline(never)
  private mutating func parseTail(
    _ base: UnsafePointer<UInt8>, count: Int, at tailStart: Int, atEnd: Bool, row: FinanceFastPath.Parsed
  ) -> FinanceFastPath.Outcome? {
    var r = row
    var p = tailStart + 1
    // Basis: empty, `illustrative` or `reported`.
    guard p < count else { return nil }
    if base[p] != 0x2C {
      let basisIndex = vocabulary.bases.candidate(base[p])
      guard basisIndex >= 0 else { return nil }
      let basisWord = vocabulary.bases.words[basisIndex]
      r.basis = vocabulary.basisValues[basisIndex]
      guard p + basisWord.count < count, base[p + basisWord.count] == 0x2C,
        basisWord.matches(base + p, available: count - p)
      else { return nil }
      p += basisWord.count
    }
    p += 1
    // Source, then the end of the line.
    var end = p
    if p < count && base[p] == 0x22 {
      p += 1
      r.sourceStart = p
      while true {
        p = ByteScan.toQuoteOrLineEnd(base, from: p, count: count)
        guard p + 1 < count, base[p] == 0x22 else { return nil }
        guard base[p + 1] == 0x22 else { break }
        r.sourceEscapes = true
        p += 2
      }
      r.sourceEnd = p
      end = p + 1
    } else {
      while true {
        end = ByteScan.toByteBelow(0x2D, base, from: end, count: count)
        guard end < count else { break }
        let b = base[end]
        if b == 0x0A || b == 0x0D { break }
        if b == 0x2C || b == 0x22 { return nil }
        end += 1
      }
      (r.sourceStart, r.sourceEnd) = ByteScan.trimmed(base, from: p, to: end)
    }
    if end >= count { return atEnd ? .row(next: end, r) : nil }
    let next: Int
    if base[end] == 0x0A {
      next = end + 1
    } else {
      guard base[end] == 0x0D, end + 1 < count, base[end + 1] == 0x0A else { return nil }
      next = end + 2
    }
    // A tail that ends its line is kept to compare the next rows with.
    if next - tailStart <= Self.tailCapacity { hold(base + tailStart, count: next - tailStart, basis: r.basis) }
    return .row(next: next, r)
  }

  /// Holds the tail of the row being parsed until its provenance is known.
  @inline(never)
  private mutating func hold(_ p: UnsafePointer<UInt8>, count: Int, basis: UInt8) {
    UnsafeMutableRawPointer(pending).copyMemory(from: p, byteCount: count)
    (pendingLength, pendingBasis) = (count, basis)
  }

  /// Keeps the tail held (``hold(_:count:basis:)``), read as `provenance`,
  /// unless that is ``FinanceFastPath/Parsed/unknown``; holds none after.
  @inline(never)
  private mutating func keep(provenance: UInt32) {
    defer { pendingLength = 0 }
    guard provenance != FinanceFastPath.Parsed.unknown else { return }
    tail.update(from: pending, count: Self.tailCapacity / 8)
    (tailLength, tailBasis, tailProvenance) = (pendingLength, pendingBasis, provenance)
  }
}
