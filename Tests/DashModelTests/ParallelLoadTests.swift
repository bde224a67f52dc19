import Foundation
import Testing

@testable import DashModel

/// `finance.csv` above 1 MB is read in parallel chunks; the result must be
/// the same as a serial read, even when a quoted line break straddles the
/// guessed split or a duplicate row sits in the other chunk.
@Suite("Parallel loading")
struct ParallelLoadTests {
  func bigFixture(quoteAtMiddle: Bool) -> Fixture {
    var orgs = ["code,name,kind"]
    var members = ["org,footprint,share"]
    var finance = ["entity,year,scenario,gbp_m,basis,source"]
    for i in 0..<3000 {
      orgs.append("O\(i),\"Org \(i), Ltd\",ccg")
      members.append("O\(i),E\(i % 2 + 1),1")
    }
    var n = 0
    for i in 0..<3000 {
      for y in FinancialYear.all {
        for s in Scenario.allCases {
          n += 1
          // A long quoted source with a line break in it near the middle of the file.
          let source = quoteAtMiddle && n % 997 == 0 ? "\"note,\nsecond line of the note\"" : "src"
          finance.append("O\(i),\(y.label),\(s.code),\(Double(i) + Double(y.index) / 10),illustrative,\(source)")
        }
      }
    }
    finance.append("O5,2020/21,plan,1,,")  // duplicate of a row in the first chunk, at the end
    finance.append("O7,2020/21,plan,oops,,")
    return Fixture([
      "footprints.csv": "code,name,region\nE1,One,North\nE2,Two,South\n",
      "organisations.csv": orgs.joined(separator: "\n") + "\n",
      "memberships.csv": members.joined(separator: "\n") + "\n",
      "alignment.csv": "org,footprint,stance\n",
      "finance.csv": finance.joined(separator: "\n") + "\n",
    ])
  }

  func problems(_ path: String, parallelism: Int) -> [String] {
    guard case .failure(let f) = DatasetLoader.load(directory: path, parallelism: parallelism) else { return [] }
    return f.problems.items.map(\.description)
  }

  @Test(arguments: [false, true])
  func parallelAndSerialReadsAgree(quoteAtMiddle: Bool) throws {
    let f = bigFixture(quoteAtMiddle: quoteAtMiddle)
    defer { f.remove() }
    let serial = problems(f.path, parallelism: 1)
    let parallel = problems(f.path, parallelism: 2)
    let four = problems(f.path, parallelism: 4)
    #expect(serial.count == 2)
    #expect(serial.contains { $0.contains("a second row for O5 2020/21 plan (the first is on line") })
    #expect(serial.contains { $0.contains("gbp_m \"oops\" is not a number") })
    #expect(parallel == serial)
    #expect(four == serial)
  }

  @Test func parallelValuesMatchSerialValues() throws {
    let f = bigFixture(quoteAtMiddle: true)
    defer { f.remove() }
    // Drop the two bad rows so it loads.
    let path = f.path + "/finance.csv"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.components(separatedBy: "\n").filter { !$0.hasPrefix("O5,2020/21,plan,1,") && !$0.contains("oops") }
      .joined(separator: "\n")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let a = try DatasetLoader.load(directory: f.path, parallelism: 1).get()
    let b = try DatasetLoader.load(directory: f.path, parallelism: 2).get()
    func grid(_ t: FinanceTable) -> (values: [Double], bases: [UInt8], sources: [String]) {
      let g = t.grid
      return (
        (0..<g.count).map { t.value(slot: $0) ?? .nan }, (0..<g.count).map { g.basis($0) },
        (0..<g.count).map { t.provenance(slot: $0)?.source ?? "" }
      )
    }
    let ga = grid(a.finance)
    let gb = grid(b.finance)
    #expect(ga.values.elementsEqual(gb.values) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    #expect(ga.bases == gb.bases)
    #expect(ga.sources == gb.sources)
    #expect(a.finance.sources.contains("note,\nsecond line of the note"))
    let o2999 = a.finance.entity(organisation: try #require(a.organisationID(code: "O2999")))
    #expect(b.finance.value(entity: o2999, year: .target, scenario: .outturn) == 2999.5)
  }
}

/// The grid keeps a figure and its basis in one word and a provenance per
/// entity, with a slot's own where its row cites another: every slot must
/// read back exactly what its row says, however the file is split.
@Suite("The finance grid reads back every row")
struct FinanceGridTests {
  @Test(arguments: [1, 2, 4])
  func everySlotReadsBackItsFigureAndSource(parallelism: Int) throws {
    var orgs = ["code,name,kind"]
    var members = ["org,footprint,share"]
    var finance = ["entity,year,scenario,gbp_m,basis,source,note"]
    var expected: [String: (value: Double?, source: String?, note: String?)] = [:]
    // Beyond 30 bits of thousandths (±536,870.910 £m), and at its edge.
    let large: [String] = ["600000.5", "-600000.001", "536870.910", "-536870.910", "536870.911", "0.0005", ""]
    var n = 0
    for i in 0..<2000 {
      orgs.append("O\(i),Org \(i),ccg")
      members.append("O\(i),E1,1")
      for y in FinancialYear.all {
        for sc in Scenario.allCases {
          n += 1
          // Most entities cite one source; some change source row by row,
          // some start with no source and cite one later.
          let source = i % 3 == 0 ? "" : (i % 3 == 1 ? "doc \(i)" : (n % 4 == 0 ? "" : "doc \(n % 5), p. \(n % 3)"))
          let note = n % 11 == 0 ? "note \(n % 2)" : ""
          let text = n % 97 == 0 ? large[(n / 97) % large.count] : "\(Double(i) + Double(n % 18) / 8)"
          finance.append("O\(i),\(y.label),\(sc.code),\(text),reported,\"\(source)\",\(note)")
          expected["O\(i) \(y.label) \(sc.code)"] = (
            Double(text), source.isEmpty ? nil : source, note.isEmpty ? nil : note
          )
        }
      }
    }
    let f = Fixture([
      "footprints.csv": "code,name,region\nE1,One,North\n",
      "organisations.csv": orgs.joined(separator: "\n") + "\n",
      "memberships.csv": members.joined(separator: "\n") + "\n",
      "alignment.csv": "org,footprint,stance\n",
      "finance.csv": finance.joined(separator: "\n") + "\n",
    ])
    defer { f.remove() }
    let d = try DatasetLoader.load(directory: f.path, parallelism: parallelism).get()
    var checked = 0
    for o in d.organisations.indices {
      let code = d.organisations[o].code
      let e = d.finance.entity(organisation: o)
      for y in FinancialYear.all {
        for sc in Scenario.allCases {
          let want = try #require(expected["\(code) \(y.label) \(sc.code)"])
          let at = "\(code) \(y.label) \(sc.code)"
          #expect(d.finance.value(entity: e, year: y, scenario: sc) == want.value, "value \(at)")
          #expect(d.finance.source(entity: e, year: y, scenario: sc) == want.source, "source \(at)")
          #expect(d.finance.note(entity: e, year: y, scenario: sc) == want.note, "note \(at)")
          #expect(d.finance.basis(entity: e, year: y, scenario: sc) == .reported, "basis \(at)")
          checked += 1
        }
      }
    }
    #expect(checked == 2000 * FinanceTable.slotsPerEntity)
  }

  /// `organisations.csv` above 1 MB: the chunks' codes are registered in
  /// file order as the chunks come, so ids, organisations and every
  /// duplicate message are a serial read's — with codes repeated from
  /// chunks far before, and a quoted name whose line breaks catch the
  /// guessed splits.
  func organisationsFixture(repeats: Bool, quoted: Bool, footprints: Int = 2) -> Fixture {
    var orgs = ["code,name,kind,source"]
    var members = ["org,footprint,share"]
    for i in 0..<60_000 {
      // Every 6,007th row repeats the code of a row two thirds of the way
      // back; with many footprints, every 9,001st a footprint's code.
      var code = repeats && i > 0 && i % 6007 == 0 ? "O\(i / 3)" : "O\(i)"
      if repeats && footprints > 2 && i % 9001 == 4 { code = "E\(i % footprints + 1)" }
      var name = "\"Organisation \(i), Ltd\""
      if quoted && i == 30_000 {
        // Some 300 KB of lines inside one quoted name, across the middle.
        name = "\"" + Array(repeating: "a line of a name,", count: 17_000).joined(separator: "\n") + "\""
      }
      orgs.append("\(code),\(name),ccg,\(i % 5 == 0 ? "register \(i % 3)" : "")")
      if i % 1000 == 0 { members.append("\(code),E1,1") }
    }
    let regions = ["North", "South", "London", "Midlands and East"]
    let footprintRows = (1...footprints).map { "E\($0),\"Footprint \($0), a long name\",\(regions[$0 % 4])" }
    return Fixture([
      "footprints.csv": "code,name,region\n" + footprintRows.joined(separator: "\n") + "\n",
      "organisations.csv": orgs.joined(separator: "\n") + "\n",
      "memberships.csv": members.joined(separator: "\n") + "\n",
      "alignment.csv": "org,footprint,stance\n",
      "finance.csv": "entity,year,scenario,gbp_m\n",
    ])
  }

  /// The footprints are read on one thread while the organisations are
  /// parsed on the others; the organisations' codes wait for theirs. With
  /// many footprints most chunks are parsed before the footprints are in.
  @Test func organisationsParsedWhileFootprintsAreReadAreASerialRead() throws {
    let f = organisationsFixture(repeats: true, quoted: true, footprints: 40_000)
    defer { f.remove() }
    func problems(_ parallelism: Int) -> [String] {
      guard case .failure(let failure) = DatasetLoader.load(directory: f.path, parallelism: parallelism) else {
        return []
      }
      return failure.problems.items.map(\.description)
    }
    let serial = problems(1)
    #expect(
      serial.contains {
        $0.hasPrefix("organisations.csv:9007: code E9006 is already a footprint's code (footprints.csv:9007)")
      })
    #expect(serial.contains { $0.contains("duplicate code O2002") })
    for threads in [2, 4] { #expect(problems(threads) == serial, "\(threads) threads") }
    let clean = organisationsFixture(repeats: false, quoted: false, footprints: 40_000)
    defer { clean.remove() }
    let one = try DatasetLoader.load(directory: clean.path, parallelism: 1).get()
    let two = try DatasetLoader.load(directory: clean.path, parallelism: 2).get()
    #expect(one.footprints.count == 40_000)
    #expect(two.organisations == one.organisations)
    #expect(two.organisationID(code: "O59999")?.index == 59_999)
    // The codes are read back from the index, after the footprints' 40,000.
    #expect(two.organisations[OrganisationID(59_999)].code == "O59999")
    #expect(two.organisations[OrganisationID(0)].code == "O0")
    #expect(two.memberships == one.memberships)
  }

  @Test(arguments: [false, true])
  func organisationsInChunksAreASerialRead(quoted: Bool) throws {
    func problems(_ path: String, parallelism: Int) -> [String] {
      guard case .failure(let f) = DatasetLoader.load(directory: path, parallelism: parallelism) else { return [] }
      return f.problems.items.map(\.description)
    }
    let f = organisationsFixture(repeats: true, quoted: quoted)
    defer { f.remove() }
    let serial = problems(f.path, parallelism: 1)
    // Six: the rows whose code a later row repeats (O6007, say) were themselves given another's.
    #expect(serial.filter { $0.contains("duplicate code") }.count == 6, "\(serial)")
    #expect(serial.contains { $0.hasPrefix("organisations.csv:6009: duplicate code O2002 (first on line 2004)") })
    for threads in [2, 4] {
      #expect(problems(f.path, parallelism: threads) == serial, "\(threads) threads")
    }
    // A name that long is refused, so the ids are checked on the other fixture.
    guard !quoted else { return }
    let clean = organisationsFixture(repeats: false, quoted: false)
    defer { clean.remove() }
    let one = try DatasetLoader.load(directory: clean.path, parallelism: 1).get()
    #expect(one.organisations.count == 60_000)
    for threads in [2, 4] {
      let many = try DatasetLoader.load(directory: clean.path, parallelism: threads).get()
      #expect(many.organisations == one.organisations, "\(threads) threads")
      for i in stride(from: 0, to: 60_000, by: 997) {
        #expect(many.organisationID(code: "O\(i)") == one.organisationID(code: "O\(i)"))
        #expect(many.organisationID(code: "O\(i)")?.index == i)
        // Each organisation's code, held by the index once registered, is its own.
        #expect(many.organisations[OrganisationID(i)].code == "O\(i)")
      }
      #expect(many.memberships == one.memberships)
    }
  }
}

@Suite("Chunked reading")
struct ChunkedReadingTests {
  @Test func aWrongSplitGuessFallsBackToASerialRead() throws {
    // One quoted field holds the first line break after the middle of the
    // file, so the guessed split lands inside quotes.
    let big = String(repeating: "a", count: 1_000_000) + "\n" + String(repeating: "b", count: 500_000)
    let text = "k,v\n1,x\n2,\"\(big)\"\n3,y\n4,\"bad\"z\n5,w\n"
    var problems = ProblemList()
    let doc = CSVDocument(fileName: "t.csv", bytes: Array(text.utf8))
    let table = try #require(CSVTable.open(doc, required: ["k", "v"], optional: [], problems: &problems))
    let chunks = table.forEachChunk(parts: 2, makeState: { _ in [String]() }) { keys, row, _ in
      keys.append(row.string(0) + "@" + String(row.line))
    }
    let keys = chunks.flatMap(\.state)
    #expect(keys == ["1@2", "2@3", "3@5", "5@7"])
    let found = chunks.flatMap { $0.problems.items }
    #expect(found.map(\.line) == [6], "the bad record is on physical line 6")
  }

  @Test func taperedChunksShrinkTowardsTheEndAndReadEveryRecordOnce() throws {
    var lines = ["k,v"]
    for i in 0..<200_000 { lines.append("\(i),v\(i)") }
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    let doc = CSVDocument(fileName: "t.csv", bytes: bytes)
    var problems = ProblemList()
    let table = try #require(CSVTable.open(doc, required: ["k"], optional: [], problems: &problems))
    let bounds = table.chunkBounds(parts: 18, tapered: true)
    let sizes = zip(bounds, bounds.dropFirst()).map { $1 - $0 }
    #expect(sizes.count == 18)
    // Four shares, then two, then one: each third about half the size of the one before.
    let thirds = [sizes[0..<6], sizes[6..<12], sizes[12..<18]].map { Double($0.reduce(0, +)) }
    #expect(abs(thirds[0] / thirds[1] - 2) < 0.05 && abs(thirds[1] / thirds[2] - 2) < 0.05, "\(sizes)")
    #expect(bounds.dropFirst().dropLast().allSatisfy { bytes[$0 - 1] == 0x0A }, "every split at a line end")
    let chunks = table.forEachChunk(parts: 18, tapered: true, makeState: { _ in [Int]() }) {
      keys, from, to, firstLine, problems in
      table.scanRange(from: from, to: to, firstLine: firstLine, problems: &problems) { row, _ in
        keys.append(Int(row.string(0)) ?? -1)
      }
    }
    #expect(chunks.flatMap(\.state) == Array(0..<200_000))
  }

  @Test func aRightSplitGuessShiftsLineNumbers() throws {
    var lines = ["k,v"]
    for i in 0..<200_000 { lines.append("\(i),v\(i)") }
    lines.append("bad,\"x\"y")
    let doc = CSVDocument(fileName: "t.csv", bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
    var problems = ProblemList()
    let table = try #require(CSVTable.open(doc, required: ["k"], optional: [], problems: &problems))
    let chunks = table.forEachChunk(parts: 2, makeState: { _ in [Int]() }) { seen, row, _ in
      if row.string(0) == "150000" { seen.append(row.line) }
    }
    #expect(chunks.count == 2, "the file is big enough to split")
    let second = try #require(chunks.last)
    #expect(second.state.map { $0 + second.lineOffset } == [150_002])
    #expect(chunks.flatMap { $0.problems.items }.map(\.line) == [200_002])
  }
}
