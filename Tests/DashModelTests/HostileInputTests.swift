import Foundation
import Testing

@testable import DashModel

/// Files anyone can hand an analyst, built to break the loader: each is
/// refused with its file, line and what to do, or read safely — never a
/// crash, a hang, or a flood. The numbers are the cases of the hostile-input
/// review; the command-line side of each is in the STPDash tests.
@Suite("Hostile input: the model")
struct HostileInputTests {
  /// The fixture's finance file with one more row.
  func finance(plus row: String) -> String { Fixture.finance + row + "\n" }

  func messages(_ problems: [Problem]) -> String { problems.map(\.description).joined(separator: "\n") }

  // 1, 2. Figures beyond any real budget (they overflow sums and charts).
  @Test(arguments: ["1.7e308", "-1.7e308", "1e308", "1e300", "10000001", "99999999999999999999999"])
  func anImplausibleFigureIsRefusedWithItsLine(_ figure: String) {
    let f = Fixture(["finance.csv": finance(plus: "C1,2019/20,plan,\(figure),,")])
    defer { f.remove() }
    let lastLine = Fixture.finance.split(separator: "\n").count + 1
    for mode in [FinanceReadMode.canonical, .fieldByField, .general] {
      let problems: [Problem]
      switch DatasetLoader.load(directory: f.path, tuning: .init(parallelism: 1, mode: mode)) {
      case .success: problems = []
      case .failure(let failure): problems = failure.problems.items
      }
      #expect(problems.count == 1, "\(mode): \(messages(problems))")
      let p = problems.first
      #expect(p?.file == "finance.csv" && p?.line == lastLine, "\(mode): \(messages(problems))")
      #expect(p?.message.contains("not a plausible figure in £ million") == true, "\(mode): \(messages(problems))")
    }
  }

  @Test func theLargestFiguresAllowedStillAddUpToFiniteTotals() throws {
    // Every member at the limit in every year: sums stay finite, and the
    // plan never "reaches balance" it does not reach.
    var rows = ["entity,year,scenario,gbp_m"]
    for code in ["C1", "T1", "K1", "C2", "T2"] {
      for year in FinancialYear.all {
        rows.append("\(code),\(year.label),do_nothing,9999999.999")
        rows.append("\(code),\(year.label),plan,9999999")
      }
    }
    let f = Fixture(["finance.csv": rows.joined(separator: "\n") + "\n"])
    defer { f.remove() }
    let analysis = Analysis(try f.load())
    for t in [analysis.england] + analysis.footprintTrajectories {
      for scenario in [Scenario.doNothing, .plan] {
        for year in FinancialYear.all {
          let v = try #require(t.value(scenario, year))
          #expect(v.isFinite && v > 9_999_999)
        }
      }
      #expect(t.planBalanceYear == nil)
    }
  }

  // 3. Populations beyond any country's (their sum overflowed).
  @Test(arguments: ["9223372036854775807", "100000001", "99999999999999999999", "-5", "1e6", "1.5"])
  func anImplausiblePopulationIsRefused(_ population: String) {
    let footprints = """
      code,name,region,population
      E1,Alpha Vale,North,\(population)
      E2,Beta Coast,London,500000
      """
    let f = Fixture(["footprints.csv": footprints + "\n"])
    defer { f.remove() }
    let problems = f.problems()
    #expect(problems.count == 1, "\(messages(problems))")
    #expect(problems.first?.file == "footprints.csv" && problems.first?.line == 2, "\(messages(problems))")
    #expect(problems.first?.field == "population", "\(messages(problems))")
  }

  @Test func populationsAtTheLimitAddUpWithoutOverflow() throws {
    let footprints = """
      code,name,region,population
      E1,Alpha Vale,North,100000000
      E2,Beta Coast,London,100000000
      """
    let f = Fixture(["footprints.csv": footprints + "\n"])
    defer { f.remove() }
    let analysis = Analysis(try f.load())
    let rows = LeagueTable.rows(analysis, delivery: .full, refusals: Refusals())
    #expect(rows.count == 2)
    #expect(rows.allSatisfy { $0.perHead.map(\.isFinite) ?? true })
  }

  // 4. A file that shrinks while it is read: a clear error, never SIGBUS.
  @Test func aStreamedFileCutShortIsReportedAsChanged() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).csv").path
    defer { unlink(path) }
    let text = Fixture.finance + String(repeating: "C1,2019/20,plan,1.5,,\n", count: 20_000)
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let fd = open(path, O_RDONLY)
    try #require(fd >= 0)
    let size = text.utf8.count
    // Opened at full size, then cut to a third before the rows are read.
    #expect(truncate(path, off_t(size / 3)) == 0)
    let document = CSVDocument(fileName: "finance.csv", storage: ByteStorage(streaming: fd, count: size))
    var problems = ProblemList()
    let table = try #require(
      CSVTable.open(document, required: ["entity", "year", "scenario", "gbp_m"], optional: [], problems: &problems))
    var rows = 0
    table.forEachRecord(problems: &problems) { _, _ in rows += 1 }
    let found = problems.items
    #expect(
      found.contains { $0.file == "finance.csv" && $0.message.contains("the file changed while it was being read") })
    #expect(rows < 20_000)
  }

  @Test func filesRewrittenWhileLoadingNeverCrashTheLoader() throws {
    // Another program truncates and rewrites finance.csv over and over
    // while it is loaded: each load either succeeds or says what went wrong.
    let f = Fixture()
    defer { f.remove() }
    let big = Fixture.finance + String(repeating: "C1,2019/20,plan,1.5,,\n", count: 200_000)
    let path = f.path + "/finance.csv"
    try big.write(toFile: path, atomically: false, encoding: .utf8)
    let stop = ManagedFlag()
    let writer = Thread {
      let bytes = Array(big.utf8)
      while !stop.isSet {
        let fd = open(path, O_WRONLY)
        if fd < 0 { continue }
        _ = ftruncate(fd, 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, bytes.count / 2) }
        _ = ftruncate(fd, off_t(bytes.count))
        close(fd)
      }
      stop.finish()
    }
    writer.start()
    defer {
      stop.set()
      stop.waitForFinish()
    }
    var outcomes = Set<String>()
    for _ in 0..<30 {
      switch DatasetLoader.load(
        directory: f.path, tuning: .init(parallelism: 2, streamAbove: 64 << 10, window: 16 << 10))
      {
      case .success: outcomes.insert("loaded")
      case .failure(let failure):
        #expect(!failure.problems.items.isEmpty)
        #expect(failure.problems.items.allSatisfy { $0.file == "finance.csv" }, "\(messages(failure.problems.items))")
        outcomes.insert("refused")
      }
    }
    #expect(!outcomes.isEmpty)
  }

  // 5. A FIFO in place of a data file: refused at once, never waited on.
  @Test(.timeLimit(.minutes(1)))
  func aFIFOInPlaceOfADataFileIsRefusedAtOnce() throws {
    let f = Fixture(removing: ["alignment.csv"])
    defer { f.remove() }
    #expect(mkfifo(f.path + "/alignment.csv", 0o600) == 0)
    let problems = f.problems()
    #expect(problems.count == 1, "\(messages(problems))")
    #expect(problems.first?.file == "alignment.csv")
    #expect(problems.first?.message.contains("not a regular file") == true, "\(messages(problems))")
  }

  // 6. A name of ten million characters: refused, not carried to every screen.
  @Test func aHugeNameIsRefusedWithItsLengthAndLine() {
    let organisations = Fixture.organisations + "\nX1,\(String(repeating: "a", count: 10_000_000)),ccg\n"
    let f = Fixture(["organisations.csv": organisations])
    defer { f.remove() }
    let problems = f.problems()
    #expect(problems.count == 1, "\(messages(problems))")
    let p = problems.first
    #expect(p?.file == "organisations.csv" && p?.line == 7 && p?.field == "name")
    #expect(p?.message == "name is 10,000,000 bytes long; at most 1,000 are read", "\(messages(problems))")
  }

  // 8. Codes with control, formatting or direction characters.
  @Test(arguments: ["C\u{9B}31m", "C\u{202E}9", "C\u{1B}[2J", "C\u{200B}1", "C 1", "C\u{7F}"])
  func aCodeThatCouldHideOrActIsRefused(_ code: String) {
    let organisations = Fixture.organisations + "\n\(code),Odd CCG,ccg\n"
    let f = Fixture(["organisations.csv": organisations])
    defer { f.remove() }
    let problems = f.problems()
    #expect(problems.count == 1, "\(messages(problems))")
    #expect(problems.first?.line == 7 && problems.first?.field == "code", "\(messages(problems))")
    #expect(
      problems.first?.message.contains("contains a space, control, formatting or direction character") == true,
      "\(messages(problems))")
    for p in problems {
      #expect(!p.description.unicodeScalars.contains { VisibleText.escape($0) != nil }, "the message shows it safely")
    }
  }

  // 11. One enormous line of commas: one message, memory bounded by the cap.
  @Test func aRecordOfMillionsOfFieldsIsOneProblem() {
    let organisations = Fixture.organisations + "\n" + String(repeating: ",", count: 3_000_000) + "\n"
    let f = Fixture(["organisations.csv": organisations])
    defer { f.remove() }
    let problems = f.problems()
    #expect(problems.count == 1, "\(messages(problems))")
    #expect(problems.first?.message == "expected 3 fields as in the header, found 3,000,001")
    #expect(FieldBuffer.limit < 10_000, "fields beyond the cap are counted, not kept")
  }

  // 12. Invalid UTF-8 in a name or a code: reported, never silently replaced.
  @Test(arguments: [
    ("X1,Bad \u{FF}name,ccg", "name"), ("X\u{FF}1,Fine name,ccg", "code"), ("X1,Cut \u{E2}\u{82},ccg", "name"),
  ])
  func invalidUTF8IsReportedWithFileLineAndField(_ row: String, _ field: String) throws {
    // The row's text is written as bytes: each scalar below 0x100 one byte.
    let head = Array((Fixture.organisations + "\n").utf8)
    let bytes = head + row.unicodeScalars.map { UInt8($0.value) } + [0x0A]
    let f = Fixture()
    defer { f.remove() }
    try Data(bytes).write(to: URL(fileURLWithPath: f.path + "/organisations.csv"))
    let problems = f.problems()
    #expect(problems.count == 1, "\(messages(problems))")
    let p = problems.first
    #expect(p?.file == "organisations.csv" && p?.line == 7 && p?.field == field, "\(messages(problems))")
    #expect(p?.message.contains("is not valid UTF-8") == true && p?.message.contains("save the file as UTF-8") == true)
  }

  // 9. A journal whose header has its own column order and an extra column.
  @Test func aJournalInAnyColumnOrderIsReadAndAppendedInItsOwnOrder() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("flags-\(UUID().uuidString).csv").path
    defer { unlink(path) }
    let header = "time,author,team,reason,footprint,org,event"
    let first = "2016-09-01T09:00:00Z,ana,north,\"Slow, and silent\",E1,C1,flag"
    try (header + "\n" + first + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    let journal = FlagJournal(path: path)
    try journal.append(
      FlagEvent(
        kind: .flag, org: "T1", footprint: "E1", reason: "Will not sign", author: "bo", time: "2016-09-02T09:00:00Z"))
    let h = try journal.read().get()
    #expect(h.problems.isEmpty, "\(messages(h.problems))")
    #expect(h.events.map(\.org) == ["C1", "T1"], "the acknowledged flag is there when read back")
    #expect(h.events.map(\.reason) == ["Slow, and silent", "Will not sign"])
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == Substring(header), "the header is never rewritten")
    #expect(lines.last == "2016-09-02T09:00:00Z,bo,,Will not sign,E1,T1,flag", "appended in the file's order")
  }

  // 10. A journal of garbage: a bounded list of problems and a count.
  @Test func aGarbageJournalKeepsAHundredProblemsAndCountsTheRest() {
    var bytes = Array((FlagJournal.header + "\n").utf8)
    for i in 0..<200_000 { bytes += Array("garbage \(i), no sense at all\n".utf8) }
    bytes += Array("flag,C1,E1,real,ana,2016-09-01T09:00:00Z\n".utf8)
    let h = FlagJournal.parse(bytes, fileName: "flags.csv")
    #expect(h.problems.count == FlagHistory.problemsKept)
    #expect(h.omittedProblems == 200_000 - FlagHistory.problemsKept)
    #expect(h.events.count == 1, "a good line after the garbage is still read")
    let lines = h.problemLines(limit: 10, fileName: "flags.csv")
    #expect(lines.count == 11)
    #expect(lines.last == "flags.csv: … and 199,990 more unreadable lines (skipped, left in the file)")
  }
}

/// A flag one thread sets and another waits on, with the waiter told when
/// the other thread has finished.
final class ManagedFlag: @unchecked Sendable {
  private let lock = NSCondition()
  private var raised = false
  private var finished = false

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return raised
  }

  func set() {
    lock.lock()
    raised = true
    lock.unlock()
  }

  func finish() {
    lock.lock()
    finished = true
    lock.broadcast()
    lock.unlock()
  }

  func waitForFinish() {
    lock.lock()
    while !finished { lock.wait() }
    lock.unlock()
  }
}
