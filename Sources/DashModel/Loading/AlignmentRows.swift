/// Reads `alignment.csv`: stances of member bodies, possibly several dated ones per pair.
enum AlignmentRows {
  static let file = "alignment.csv"
  static let required = ["org", "footprint", "stance"]
  static let optional = ["as_of", "note", "source", "basis", "caveat", "source_kind"]

  /// Parses every record; the membership check is done by the loader.
  /// `plain: false` reads every record the general way (see ``PlainRecordReader``).
  static func read(
    _ table: CSVTable, references: References, plain: Bool = true, problems: inout ProblemList
  ) -> StanceRecords {
    var reader = Reader(table, references: references)
    table.forEachRecord(&reader, plain: plain, problems: &problems)
    reader.unknown.report(file: file, into: &problems)
    reader.out.texts = reader.texts.strings
    return reader.out
  }

  /// The stances read so far, and what reading them needs.
  struct Reader: StraightRecordReader, ~Copyable {
    let org, footprint, stance, asOf, note, source, basis, caveat, sourceKind: Int
    let references: References
    let cells: PlainCells
    /// Made once, read per record without a lazy global's check.
    let stanceWords = Stance.table
    let stances = Stance.byIndex
    let bases = FinanceVocabulary.shared.bases
    let basisValues = RowChecks.bases
    var out = StanceRecords()
    var seen: PairSet
    var hints = References.Hints()
    let texts = Interner()
    var unknown = UnknownCodes()
    /// Whether the file begins `org,footprint,stance,as_of`: its rows are
    /// then read straight when they end as a row read before did.
    let straight: Bool
    var head = PairHead()
    var tails = RememberedTails<StanceRecords.Texts>()

    init(_ table: CSVTable, references: References) {
      org = table.column("org")
      footprint = table.column("footprint")
      stance = table.column("stance")
      asOf = table.column("as_of")
      note = table.column("note")
      source = table.column("source")
      basis = table.column("basis")
      caveat = table.column("caveat")
      sourceKind = table.column("source_kind")
      straight = ["org", "footprint", "stance", "as_of"].map(table.column) == [0, 1, 2, 3]
      self.references = references
      cells = PlainCells(fields: table.header.count)
      out.reserve(table.estimatedRecords)
      seen = PairSet(organisations: references.organisationCount, records: table.estimatedRecords, extra: true)
    }

    /// A record of plain codes, a stance and a date or none, ending as a
    /// record read before did (its note, source, basis and caveat then
    /// read as that one's were); a record that ends otherwise is split,
    /// and its ending held for the records after it when it read cleanly.
    /// `nil`: not begun plainly.
    @inline(__always)
    mutating func straightRecord(
      _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
    ) -> Int? {
      guard let pair = head.read(base, count: count, at: start, references: references, hints: &hints) else {
        return nil
      }
      let stanceEnd = RepeatedCode.plainEnd(base, count: count, at: pair.next)
      guard stanceEnd >= 0,
        let s = stanceWords.index(UnsafeBufferPointer(start: base + pair.next, count: stanceEnd - pair.next))
      else { return nil }
      let dateStart = stanceEnd + 1
      let dateEnd = ByteScan.toByteBelow(0x2D, base, from: dateStart, count: count)
      guard dateEnd < count, base[dateEnd] == 0x2C else { return nil }
      var date: Int32 = 0
      if dateEnd > dateStart {
        guard let d = EventDate.parse(UnsafeBufferPointer(start: base + dateStart, count: dateEnd - dateStart)) else {
          return nil
        }
        date = d.code
      }
      let tailStart = dateEnd + 1
      guard let (length, t) = tails.match(base, count: count, at: tailStart) else {
        return splitHoldingEnding(
          base, count: count, at: start, atEnd: atEnd, line: line, endingStart: tailStart, problems: &problems)
      }
      let next = tailStart + length
      if let first = seen.insert(org: pair.org, footprint: pair.footprint, extra: Self.day(date), line: line) {
        problems.error(
          file, line: line,
          Self.repeated(
            pair.orgText(base, from: start), pair.footprintText(base),
            CSVRow.text(UnsafeBufferPointer(start: base + dateStart, count: dateEnd - dateStart), escapes: false), first
          ))
        return next
      }
      out.append(
        org: pair.org, footprint: pair.footprint, stance: stances[s], date: date, note: t.note, source: t.source,
        basis: t.basis, line: line, caveat: t.caveat)
      return next
    }

    var recordCount: Int { out.count }

    mutating func holdEnding(_ p: UnsafePointer<UInt8>, count: Int) {
      tails.remember(p, count: count, value: out.lastTexts)
    }

    /// A record of known codes, a stance and basis written exactly, a date
    /// or none, texts without surrounding space (quoted or not), and no kind
    /// of source, split into its cells.
    mutating func splitRecord(
      _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
    ) -> Int {
      let next = cells.split(base, count: count, at: start, atEnd: atEnd)
      guard next >= 0 else { return -1 }
      let dateBytes = cells.bytes(base, asOf)
      let noteBytes = cells.bytes(base, note)
      let sourceBytes = cells.bytes(base, source)
      let caveatBytes = cells.bytes(base, caveat)
      let basisBytes = cells.bytes(base, basis)
      guard !cells.escapes(asOf),
        let (o, f) = references.pair(cells, base, org: org, footprint: footprint, hints: &hints),
        let s = stanceWords.index(cells.bytes(base, stance)),
        cells.bytes(base, sourceKind).isEmpty,
        PlainCells.isBare(noteBytes), PlainCells.isBare(sourceBytes), PlainCells.isBare(caveatBytes)
      else { return -1 }
      var basisValue = Basis.reported
      if !basisBytes.isEmpty {
        let b = bases.index(of: basisBytes)
        guard b >= 0 else { return -1 }
        basisValue = basisValues[b]
      }
      var date: Int32 = 0
      if !dateBytes.isEmpty {
        guard let d = EventDate.parse(dateBytes) else { return -1 }
        date = d.code
      }
      if let first = seen.insert(org: o, footprint: f, extra: Self.day(date), line: line) {
        problems.error(
          file, line: line,
          Self.repeated(
            CSVRow.text(cells.bytes(base, org), escapes: false),
            CSVRow.text(cells.bytes(base, footprint), escapes: false),
            CSVRow.text(dateBytes, escapes: false), first))
        return next
      }
      let texts = texts
      out.append(
        org: o, footprint: f, stance: stances[s], date: date,
        note: texts.id(
          noteBytes, escapes: cells.escapes(note), line: line, field: "note", file: file, problems: &problems),
        source: texts.id(
          sourceBytes, escapes: cells.escapes(source), line: line, field: "source", file: file, problems: &problems),
        basis: basisValue, line: line,
        caveat: texts.id(
          caveatBytes, escapes: cells.escapes(caveat), line: line, field: "caveat", file: file, problems: &problems))
      return next
    }

    mutating func general(_ row: inout CSVRow, problems: inout ProblemList) {
      let line = row.line
      let o = references.organisation(row, org, hints: &hints, unknown: &unknown, problems: &problems)
      let f = references.footprint(row, footprint, hints: &hints, unknown: &unknown, problems: &problems)
      let stanceValue = Stance(row: row, slot: stance)
      if stanceValue == nil {
        let stanceText = row.string(stance)
        problems.error(
          file, line: line, field: "stance",
          "stance \(quotedForMessage(stanceText)) is not one of \(Stance.validCodes)")
      }
      let dateBytes = row.trimmedBytes(asOf)
      let date: Int32 = dateBytes.isEmpty ? 0 : (EventDate.parse(dateBytes)?.code ?? -1)
      if date < 0 {
        let dateText = row.string(asOf)
        problems.error(
          file, line: line, field: "as_of",
          "as_of \(quotedForMessage(dateText)) is not a date like 2016-08-26, 2017-03, 2018 or 2016/17")
      }
      var kind: SourceKind? = nil
      if !row.trimmedBytes(sourceKind).isEmpty {
        kind = DisputeCells(row: row, file: file).sourceKind(sourceKind, problems: &problems)
        if kind == nil { return }
      }
      let basisValue = RowChecks.basis(row, basis, field: "basis", file: file, problems: &problems)
      guard let o, let f, let stanceValue else { return }
      if let first = seen.insert(org: o, footprint: f, extra: Self.day(date), line: line) {
        let dateText = dateBytes.isEmpty ? "" : row.string(asOf)
        problems.error(file, line: line, Self.repeated(row.string(org), row.string(footprint), dateText, first))
        return
      }
      out.append(
        org: o, footprint: f, stance: stanceValue, date: date,
        note: texts.id(row, note, field: "note", file: file, problems: &problems),
        source: texts.id(row, source, field: "source", file: file, problems: &problems), basis: basisValue, line: line,
        caveat: texts.id(row, caveat, field: "caveat", file: file, problems: &problems), sourceKind: kind)
    }

    /// The day of a date's code, which a pair may have one stance on (0 undated).
    static func day(_ date: Int32) -> Int32 { date == 0 ? 0 : (date - 1) >> 3 }

    /// What a second stance for a pair on one day is told, given the codes
    /// and date as written.
    static func repeated(_ org: String, _ footprint: String, _ date: String, _ first: Int) -> String {
      "a second stance for \(org) in \(footprint)\(date.isEmpty ? " without a date" : " on \(date)") (first on line \(first)); give each an as_of date"
    }
  }
}
