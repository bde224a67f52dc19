/// Reads `memberships.csv`.
enum MembershipRows {
  static let file = "memberships.csv"
  static let required = ["org", "footprint"]
  static let optional = ["share"]

  /// Parses every membership; unknown codes and repeated pairs are errors.
  /// `plain: false` reads every record the general way (see ``PlainRecordReader``).
  static func read(
    _ table: CSVTable, references: References, plain: Bool = true, problems: inout ProblemList
  ) -> (memberships: MembershipList, lines: [Int32]) {
    var reader = Reader(table, references: references)
    table.forEachRecord(&reader, plain: plain, problems: &problems)
    reader.unknown.report(file: file, into: &problems)
    reader.out.finish()
    return (reader.out, reader.lines)
  }

  /// The memberships read so far, and what reading them needs.
  struct Reader: StraightRecordReader, ~Copyable {
    let org: Int
    let footprint: Int
    let share: Int
    let references: References
    let cells: PlainCells
    /// Kept by column as they are read.
    var out: MembershipList
    var lines: [Int32] = []
    var seen: PairSet
    var unknown = UnknownCodes()
    var hints = References.Hints()
    /// Whether the file begins `org,footprint,` and has a column after
    /// them: its rows are then read straight when they end as a row read
    /// before did.
    let straight: Bool
    var head = PairHead()
    var tails = RememberedTails<Double>()

    init(_ table: CSVTable, references: References) {
      org = table.column("org")
      footprint = table.column("footprint")
      share = table.column("share")
      straight = ["org", "footprint"].map(table.column) == [0, 1] && table.header.count > 2
      self.references = references
      cells = PlainCells(fields: table.header.count)
      out = MembershipList(capacity: table.estimatedRecords)
      lines.reserveCapacity(table.estimatedRecords)
      seen = PairSet(organisations: references.organisationCount, records: table.estimatedRecords, extra: false)
    }

    /// A record of plain codes ending as a record read before did (its
    /// share then read as that one's was); a record that ends otherwise is
    /// split, and its ending held for the records after it when it read
    /// cleanly. `nil`: not begun plainly.
    @inline(__always)
    mutating func straightRecord(
      _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
    ) -> Int? {
      guard let pair = head.read(base, count: count, at: start, references: references, hints: &hints) else {
        return nil
      }
      guard let (length, share) = tails.match(base, count: count, at: pair.next) else {
        return splitHoldingEnding(
          base, count: count, at: start, atEnd: atEnd, line: line, endingStart: pair.next, problems: &problems)
      }
      if let first = add(org: pair.org, footprint: pair.footprint, share: share, line: line) {
        problems.error(
          file, line: line, Self.repeated(pair.orgText(base, from: start), pair.footprintText(base), first))
      }
      return pair.next + length
    }

    var recordCount: Int { out.count }

    mutating func holdEnding(_ p: UnsafePointer<UInt8>, count: Int) {
      if let last = out.last { tails.remember(p, count: count, value: last.share) }
    }

    /// A record of known codes and a share of 0 to 1 written plainly (or
    /// none), split into its cells.
    mutating func splitRecord(
      _ base: UnsafePointer<UInt8>, count: Int, at start: Int, atEnd: Bool, line: Int, problems: inout ProblemList
    ) -> Int {
      let next = cells.split(base, count: count, at: start, atEnd: atEnd)
      guard next >= 0 else { return -1 }
      guard !cells.escapes(share),
        let (o, f) = references.pair(cells, base, org: org, footprint: footprint, hints: &hints)
      else { return -1 }
      var shareValue = 1.0
      let shareBytes = cells.bytes(base, share)
      if let p = shareBytes.baseAddress, !shareBytes.isEmpty {
        guard let v = DecimalParser.parse(p, count: shareBytes.count), v > 0, v <= 1 else { return -1 }
        shareValue = v
      }
      if let first = add(org: o, footprint: f, share: shareValue, line: line) {
        problems.error(
          file, line: line,
          Self.repeated(
            CSVRow.text(cells.bytes(base, org), escapes: false),
            CSVRow.text(cells.bytes(base, footprint), escapes: false),
            first))
      }
      return next
    }

    mutating func general(_ row: inout CSVRow, problems: inout ProblemList) {
      let line = row.line
      let o = references.organisation(row, org, hints: &hints, unknown: &unknown, problems: &problems)
      let f = references.footprint(row, footprint, hints: &hints, unknown: &unknown, problems: &problems)
      var shareValue = 1.0
      var shareOK = true
      if !row.isBlank(share) {
        if let v = row.number(share), v > 0, v <= 1 {
          shareValue = v
        } else {
          problems.error(
            file, line: line, field: "share",
            "share \(quotedForMessage(row.string(share))) is not a number above 0 and at most 1")
          shareOK = false
        }
      }
      guard let o, let f, shareOK else { return }
      if let first = add(org: o, footprint: f, share: shareValue, line: line) {
        problems.error(file, line: line, Self.repeated(row.string(org), row.string(footprint), first))
      }
    }

    /// Keeps a membership; for a repeated pair, keeps nothing and answers
    /// the line the pair was first listed on.
    mutating func add(org o: Int, footprint f: Int, share: Double, line: Int) -> Int? {
      if let first = seen.insert(org: o, footprint: f, line: line) { return first }
      out.append(Membership(org: OrganisationID(o), footprint: FootprintID(f), share: share))
      lines.append(Int32(truncatingIfNeeded: line))
      return nil
    }

    /// What a repeated pair is told, given its codes as written.
    static func repeated(_ org: String, _ footprint: String, _ first: Int) -> String {
      "\(org) is listed in \(footprint) twice (first on line \(first))"
    }
  }

  /// Warns when an organisation's shares add up to more than the whole of it.
  static func checkShares(
    _ memberships: MembershipList, lines: [Int32], organisations: Organisations, problems: inout ProblemList
  ) {
    var total = [Double](repeating: 0, count: organisations.count)
    var firstLine = [Int32](repeating: 0, count: organisations.count)
    for (i, m) in zip(lines.indices, memberships) {
      total[m.org.index] += m.share
      if firstLine[m.org.index] == 0 { firstLine[m.org.index] = lines[i] }
    }
    for (o, t) in total.enumerated() where t > 1.000_001 {
      problems.warning(
        file, line: Int(firstLine[o]), field: "share",
        "the shares of \(organisations[OrganisationID(o)].code) add up to \(formatShare(t)), more than the whole organisation; its figures are counted more than once"
      )
    }
  }

  static func formatShare(_ v: Double) -> String {
    let r = (v * 1000).rounded() / 1000
    return String(r)
  }
}
