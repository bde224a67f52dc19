import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the side thread reads: memberships and stances.
struct SideResult: Sendable {
  var memberships: [Membership] = []
  var membershipLines: [Int32] = []
  var alignment = StanceRecords()
  var indexes: Dataset.Indexes?
  var problems = ProblemList()
}

/// Loads a data directory, checking everything, and either returns a whole
/// ``Dataset`` or every problem found.
public enum DatasetLoader {
  /// The data files, in the order problems are listed.
  public static let fileNames = [
    "footprints.csv", "organisations.csv", "memberships.csv", "finance.csv", "alignment.csv",
  ]

  /// Files a data directory may have; nothing is said when they are not there.
  public static let optionalFileNames = ["indicators.csv", "hexmap.csv"]

  /// Loads the directory at `directory`.
  ///
  /// - Parameter parallelism: how many threads may parse `finance.csv`.
  public static func load(directory: String, parallelism: Int = activeProcessorCount()) -> Result<Dataset, LoadFailure>
  {
    load(directory: directory, tuning: LoadTuning(parallelism: parallelism))
  }

  /// How a load reads its files: tests vary every part and check that the
  /// answer never changes.
  package struct LoadTuning: Sendable {
    /// How many threads may parse `finance.csv` and `organisations.csv`.
    package var parallelism: Int
    /// Which reader layers take `finance.csv`'s rows.
    package var mode: FinanceReadMode = .canonical
    /// Files at least this large (organisations aside) are streamed through windows.
    package var streamAbove: Int = ByteStorage.streamThreshold
    /// The window a streamed file is read through.
    package var window: Int = 256 << 10

    package init(
      parallelism: Int, mode: FinanceReadMode = .canonical, streamAbove: Int = ByteStorage.streamThreshold,
      window: Int = 256 << 10
    ) {
      self.parallelism = parallelism
      self.mode = mode
      self.streamAbove = streamAbove
      self.window = window
    }
  }

  /// Loads a directory with the reading tuned (see ``LoadTuning``).
  package static func load(directory: String, tuning: LoadTuning) -> Result<Dataset, LoadFailure> {
    let parallelism = tuning.parallelism
    let mode = tuning.mode
    var problems = ProblemList()
    var timer = PhaseTimer()
    var referencesUsable = true
    var isDirectory = false
    if !directoryExists(directory, isDirectory: &isDirectory) {
      problems.error(directory, "no such directory")
      return .failure(LoadFailure(problems: problems, directory: directory))
    }
    if !isDirectory {
      problems.error(directory, "not a directory")
      return .failure(LoadFailure(problems: problems, directory: directory))
    }

    // Read the files at once; the big one dominates.
    let allNames = fileNames + optionalFileNames
    let documents = ChunkSlots<Result<CSVDocument, FileReadError>>(count: allNames.count)
    DispatchQueue.concurrentPerform(iterations: allNames.count) { i in
      let name = allNames[i]
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      // A large file is streamed through windows, never held whole.
      do throws(FileReadError) {
        documents.store(
          i,
          .success(
            try CSVDocument.read(
              path: path, fileName: name, streamAbove: tuning.streamAbove, window: tuning.window)))
      } catch {
        documents.store(i, .failure(error))
      }
    }
    timer.mark("read files")
    func document(_ i: Int, required: Bool, optional: Bool = false) -> CSVDocument? {
      guard let result = documents.take(i) else { return nil }
      switch result {
      case .success(let doc): return doc
      case .failure(let error):
        if error.isMissing {
          if optional { return nil }
          if required {
            problems.error(fileNames[i], "the file is missing; a data directory needs \(fileNames[i])")
          } else {
            problems.warning(fileNames[i], "the file is missing; treated as empty")
          }
        } else {
          problems.error(allNames[i], "cannot be read: \(error.reason)")
        }
        return nil
      }
    }

    // Sized again once the organisations are counted (see OrganisationRows).
    let codes = CodeIndex(capacity: 1024)
    var codeLines: [Int] = []
    var footprints: [Footprint] = []
    if let doc = document(0, required: true),
      let table = CSVTable.open(
        doc, required: FootprintRows.required, optional: FootprintRows.optional, problems: &problems)
    {
      footprints = FootprintRows.read(table, codes: codes, lines: &codeLines, problems: &problems)
    } else {
      referencesUsable = false
    }
    timer.mark("footprints")
    var organisations = Organisations([])
    // In a block of its own, so the file's bytes are freed once parsed.
    do {
      if let doc = document(1, required: true),
        let table = CSVTable.open(
          doc, required: OrganisationRows.required, optional: OrganisationRows.optional, problems: &problems)
      {
        organisations = OrganisationRows.read(
          table, codes: codes, lines: &codeLines, parallelism: parallelism, problems: &problems)
      } else {
        referencesUsable = false
      }
    }

    timer.mark("footprints and organisations")
    let references = References(codes: codes.lookup, footprintCount: footprints.count, usable: referencesUsable)
    let membershipsTable = document(2, required: false).flatMap {
      CSVTable.open($0, required: MembershipRows.required, optional: MembershipRows.optional, problems: &problems)
    }
    let financeTable = document(3, required: false).flatMap {
      CSVTable.open($0, required: FinanceRows.required, optional: FinanceRows.optional, problems: &problems)
    }
    let alignmentTable = document(4, required: false).flatMap {
      CSVTable.open($0, required: AlignmentRows.required, optional: AlignmentRows.optional, problems: &problems)
    }

    // Memberships and stances are read on two more threads while the finance
    // chunks are read on these; the stance thread then checks stances against
    // memberships and builds the indexes, all before finance is done.
    // Codes for messages, looked up when a message needs one.
    let fps = footprints
    let orgList = organisations
    let fpCount = footprints.count
    let orgCount = organisations.count
    let membershipResult = ChunkSlots<SideResult>(count: 1)
    let side = ChunkSlots<SideResult>(count: 1)
    let group = DispatchGroup()
    let membershipsDone = DispatchSemaphore(value: 0)
    let orgs = organisations
    DispatchQueue.global().async(group: group) {
      var clock = PhaseTimer()
      defer { clock.mark("  memberships (own thread)") }
      var result = SideResult()
      if let table = membershipsTable {
        (result.memberships, result.membershipLines) = MembershipRows.read(
          table, references: references, problems: &result.problems)
        MembershipRows.checkShares(
          result.memberships, lines: result.membershipLines, organisations: orgs, problems: &result.problems)
      }
      membershipResult.store(0, result)
      membershipsDone.signal()
    }
    DispatchQueue.global().async(group: group) {
      var clock = PhaseTimer()
      var result = SideResult()
      var stanceProblems = ProblemList()
      if let table = alignmentTable {
        result.alignment = AlignmentRows.read(table, references: references, problems: &stanceProblems)
      }
      clock.mark("  stances (own thread)")
      defer { clock.mark("  stance checks and indexes") }
      membershipsDone.wait()
      let members = membershipResult.take(0) ?? SideResult()
      result.memberships = members.memberships
      result.problems = members.problems
      result.problems.append(contentsOf: stanceProblems)
      if alignmentTable != nil {
        // Every stance must belong to a membership.
        var keys = PairSet(organisations: orgCount, records: result.memberships.count)
        for m in result.memberships { _ = keys.insert(org: m.org.index, footprint: m.footprint.index, line: 0) }
        let records = result.alignment
        for i in records.indices where !keys.contains(org: records.org(i).index, footprint: records.footprint(i).index)
        {
          let r = records[i]
          result.problems.error(
            AlignmentRows.file, line: r.line,
            "\(orgList[r.org].code) is not a member of \(fps[r.footprint.index].code) in memberships.csv, so it has no stance there"
          )
        }
      }
      // The indexes need no figures: built while finance.csv is read.
      if !result.problems.hasErrors {
        result.indexes = Dataset.Indexes(
          footprintCount: fpCount, organisationCount: orgCount, memberships: result.memberships,
          alignment: result.alignment)
      }
      side.store(0, result)
    }

    var finance = FinanceTable(footprintCount: footprints.count, organisationCount: organisations.count)
    if let table = financeTable {
      finance = FinanceRows.read(
        table, references: references, footprintCount: footprints.count, organisationCount: organisations.count,
        codeOf: { id in id < fpCount ? fps[id].code : orgList[OrganisationID(id - fpCount)].code },
        parallelism: parallelism, mode: mode, problems: &problems)
    }
    timer.mark("finance")
    var indicators: [IndicatorRecord] = []
    var hexes: [HexCell] = []
    let indicatorsDoc = document(fileNames.count, required: false, optional: true)
    let hexDoc = document(fileNames.count + 1, required: false, optional: true)
    if let doc = indicatorsDoc,
      let table = CSVTable.open(
        doc, required: IndicatorRows.required, optional: IndicatorRows.optional, problems: &problems)
    {
      indicators = IndicatorRows.read(table, references: references, problems: &problems)
    }
    if let doc = hexDoc,
      let table = CSVTable.open(doc, required: HexRows.required, optional: HexRows.optional, problems: &problems)
    {
      hexes = HexRows.read(table, references: references, problems: &problems)
    }
    group.wait()
    timer.mark("waiting for memberships and stances")
    let sideResult = side.take(0) ?? SideResult()
    problems.append(contentsOf: sideResult.problems)
    let memberships = sideResult.memberships
    let alignment = sideResult.alignment

    timer.mark("membership checks")
    problems.sortByLocation(fileOrder: allNames)
    if problems.hasErrors {
      return .failure(LoadFailure(problems: problems, directory: directory))
    }
    let dataset = Dataset(
      footprints: footprints, organisations: organisations, memberships: memberships, finance: finance,
      alignment: alignment, warnings: problems.items, codes: codes, indexes: sideResult.indexes,
      indicators: indicators, hexes: hexes, hasIndicatorsFile: indicatorsDoc != nil, hasHexMapFile: hexDoc != nil)
    timer.mark("indexes")
    return .success(dataset)
  }

  /// The number of processors the system lets this process use
  /// (`STPDASH_THREADS` overrides it, for measuring how reading scales).
  public static func activeProcessorCount() -> Int {
    if let env = getenv("STPDASH_THREADS"), let n = Int(String(cString: env)), n >= 1 { return n }
    #if canImport(Glibc)
      let n = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #else
      let n = Int(sysconf(_SC_NPROCESSORS_ONLN))
    #endif
    return max(1, n)
  }

  static func directoryExists(_ path: String, isDirectory: inout Bool) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0 else { return false }
    isDirectory = (st.st_mode & S_IFMT) == S_IFDIR
    return true
  }
}
