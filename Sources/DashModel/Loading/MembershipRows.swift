/// Reads `memberships.csv`.
enum MembershipRows {
  static let file = "memberships.csv"
  static let required = ["org", "footprint"]
  static let optional = ["share"]

  /// Parses every membership; unknown codes and repeated pairs are errors.
  static func read(
    _ table: CSVTable, references: References, problems: inout ProblemList
  ) -> (memberships: [Membership], lines: [Int32]) {
    let org = table.column("org")
    let footprint = table.column("footprint")
    let share = table.column("share")
    var out: [Membership] = []
    var lines: [Int32] = []
    out.reserveCapacity(table.estimatedRecords)
    lines.reserveCapacity(table.estimatedRecords)
    var seen = PairSet(organisations: references.organisationCount, records: table.estimatedRecords)
    var unknown = UnknownCodes()
    var hints = References.Hints()
    table.forEachRecord(problems: &problems) { row, problems in
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
      if let first = seen.insert(org: o, footprint: f, line: line) {
        problems.error(
          file, line: line,
          "\(row.string(org)) is listed in \(row.string(footprint)) twice (first on line \(first))")
        return
      }
      out.append(Membership(org: OrganisationID(o), footprint: FootprintID(f), share: shareValue))
      lines.append(Int32(truncatingIfNeeded: line))
    }
    unknown.report(file: file, into: &problems)
    return (out, lines)
  }

  /// Warns when an organisation's shares add up to more than the whole of it.
  static func checkShares(
    _ memberships: [Membership], lines: [Int32], organisations: Organisations, problems: inout ProblemList
  ) {
    var total = [Double](repeating: 0, count: organisations.count)
    var firstLine = [Int](repeating: 0, count: organisations.count)
    for (i, m) in memberships.enumerated() {
      total[m.org.index] += m.share
      if firstLine[m.org.index] == 0 { firstLine[m.org.index] = Int(lines[i]) }
    }
    for (o, t) in total.enumerated() where t > 1.000_001 {
      problems.warning(
        file, line: firstLine[o], field: "share",
        "the shares of \(organisations[OrganisationID(o)].code) add up to \(formatShare(t)), more than the whole organisation; its figures are counted more than once"
      )
    }
  }

  static func formatShare(_ v: Double) -> String {
    let r = (v * 1000).rounded() / 1000
    return String(r)
  }
}
