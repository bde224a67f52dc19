import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the side threads read: memberships and stances.
struct SideResult: Sendable {
  /// The memberships, compact (each was read as a whole value, then kept by column).
  var memberships = MembershipList([])
  var alignment = StanceRecords()
  var indexes: Dataset.Indexes?
  var problems = ProblemList()
}

/// Loads a data directory, checking everything, and either returns a whole
/// ``Dataset`` or every problem found.
public enum DatasetLoader {
  /// The files a data directory needs or is expected to have, in the order problems are listed.
  public static var fileNames: [String] { DataFiles.all.filter { $0.need != .optional }.map(\.name) }

  /// Files a data directory may have; nothing is said when they are not there.
  public static var optionalFileNames: [String] { DataFiles.all.filter { $0.need == .optional }.map(\.name) }

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
    /// Files at least this large are streamed through windows.
    package var streamAbove: Int = ByteStorage.streamThreshold
    /// The window a streamed file is read through.
    package var window: Int = 256 << 10
    /// Whether organisations, memberships and stances take their plain parsers first
    /// (``PlainRecordReader``), or read every record the general way.
    package var plainRecords = true

    package init(
      parallelism: Int, mode: FinanceReadMode = .canonical, streamAbove: Int = ByteStorage.streamThreshold,
      window: Int = 256 << 10, plainRecords: Bool = true
    ) {
      self.parallelism = parallelism
      self.mode = mode
      self.streamAbove = streamAbove
      self.window = window
      self.plainRecords = plainRecords
    }
  }

  /// Loads a directory with the reading tuned (see ``LoadTuning``), phase by phase.
  package static func load(directory: String, tuning: LoadTuning) -> Result<Dataset, LoadFailure> {
    var run = LoadRun(directory: directory, tuning: tuning)
    guard run.checkDirectory() else { return .failure(run.failure) }
    run.readFiles()
    let (footprints, organisations) = run.readCodes()
    let side = run.startSideThreads(footprints: footprints, organisations: organisations)
    let finance = run.readFinance(footprints: footprints, organisations: organisations)
    let (indicators, hexes) = run.readExtras()
    let disputes = run.readDisputes(footprintCount: footprints.count)
    let sideResult = side.finish()
    run.timer.mark("waiting for memberships and stances")
    run.problems.append(contentsOf: sideResult.problems)
    run.problems.sortByLocation(fileOrder: DataFiles.all.map(\.name))
    if run.problems.hasErrors { return .failure(run.failure) }
    let dataset = Dataset(
      footprints: footprints, organisations: organisations, memberships: sideResult.memberships, finance: finance,
      alignment: sideResult.alignment, warnings: run.problems.items, codes: run.codes, indexes: sideResult.indexes,
      indicators: indicators, hexes: hexes, hasIndicatorsFile: run.present.contains(DataFiles.indicators.name),
      hasHexMapFile: run.present.contains(DataFiles.hexmap.name), disputes: disputes)
    run.timer.mark("indexes")
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
}

/// One load, phase by phase: the directory checked, every file read at
/// once, the codes (footprints, organisations), memberships and stances on
/// side threads, the figures, the optional extras.
struct LoadRun {
  let directory: String
  let tuning: DatasetLoader.LoadTuning
  var problems = ProblemList()
  var timer = PhaseTimer()
  /// Sized again once the organisations are counted (see OrganisationRows).
  let codes = CodeIndex(capacity: 1024)
  /// Whether the footprints and organisations were read, so codes can be checked.
  var referencesUsable = true
  var references = References(codes: CodeIndex(capacity: 0).lookup, footprintCount: 0, usable: false)
  /// Each file's bytes (or why not), by name, until taken.
  var documents: [String: Result<CSVDocument, FileReadError>] = [:]
  /// The names of the files that were there.
  var present: Set<String> = []
  /// Memory for the figures' grid, made ready while the codes are read.
  var gridReservation: FinanceGrid.Reservation?

  init(directory: String, tuning: DatasetLoader.LoadTuning) {
    self.directory = directory
    self.tuning = tuning
  }

  var failure: LoadFailure { LoadFailure(problems: problems, directory: directory) }

  mutating func checkDirectory() -> Bool {
    var st = stat()
    guard stat(directory, &st) == 0 else {
      problems.error(directory, "no such directory")
      return false
    }
    guard (st.st_mode & S_IFMT) == S_IFDIR else {
      problems.error(directory, "not a directory")
      return false
    }
    return true
  }

  /// Reads every file at once; the big one dominates. A large file is
  /// streamed through windows, never held whole.
  mutating func readFiles() {
    let files = DataFiles.all
    let slots = ChunkSlots<Result<CSVDocument, FileReadError>>(count: files.count)
    let (directory, tuning) = (self.directory, self.tuning)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let name = files[i].name
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      do throws(FileReadError) {
        slots.store(
          i,
          .success(
            try CSVDocument.read(path: path, fileName: name, streamAbove: tuning.streamAbove, window: tuning.window)))
      } catch {
        slots.store(i, .failure(error))
      }
    }
    for (i, f) in files.enumerated() { documents[f.name] = slots.take(i) }
    timer.mark("read files")
  }

  /// A file's table, its header checked; `nil` (and the problem said as the
  /// file's need has it) when it is missing or unreadable.
  mutating func table(_ file: DataFile) -> CSVTable? {
    guard let result = documents.removeValue(forKey: file.name) else { return nil }
    switch result {
    case .success(let doc):
      present.insert(file.name)
      return CSVTable.open(doc, required: file.requiredColumns, optional: file.optionalColumns, problems: &problems)
    case .failure(let error) where error.isMissing:
      switch file.need {
      case .required: problems.error(file.name, "the file is missing; a data directory needs \(file.name)")
      case .expected: problems.warning(file.name, "the file is missing; treated as empty")
      case .optional: break
      }
    case .failure(let error):
      problems.error(file.name, "cannot be read: \(error.reason)")
    }
    return nil
  }

  /// The footprints and organisations: every code the other files refer to.
  mutating func readCodes() -> ([Footprint], Organisations) {
    var codeLines: [Int] = []
    var footprints: [Footprint] = []
    let footprintTable = table(DataFiles.footprints)
    let organisationTable = table(DataFiles.organisations)
    // The figures' grid, sized from the codes' files (a little over) and
    // made ready on another thread while they are read.
    if let footprintTable, let organisationTable, case .success = documents[DataFiles.finance.name] {
      let entities = footprintTable.estimatedRecords + organisationTable.estimatedRecords
      gridReservation = FinanceGrid.Reservation(slots: entities * FinanceTable.slotsPerEntity)
    }
    if footprintTable == nil || organisationTable == nil { referencesUsable = false }
    // Room for every code at once: the footprints' go in on another thread
    // while the organisations are parsed, whose codes the registrar holds
    // back until the footprints' are in (ids and messages as in one pass).
    codes.reserve((footprintTable?.estimatedRecords ?? 0) + (organisationTable?.estimatedRecords ?? 0))
    let registrar = OrganisationRows.CodeRegistrar(codes: codes, held: true)
    let footprintsRead = ChunkSlots<FootprintRows.Read>(count: 1)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { [codes] in
      var read = FootprintRows.Read()
      if let table = footprintTable {
        read.footprints = FootprintRows.read(table, codes: codes, lines: &read.lines, problems: &read.problems)
      }
      footprintsRead.store(0, read)
      registrar.release()
    }
    let parsed = organisationTable.map {
      OrganisationRows.parse($0, registrar: registrar, parallelism: tuning.parallelism, plain: tuning.plainRecords)
    }
    group.wait()
    if let read = footprintsRead.take(0) {
      footprints = read.footprints
      codeLines = read.lines
      problems.append(contentsOf: read.problems)
    }
    timer.mark("footprints, organisations parsed")
    var organisations = Organisations([])
    if let parsed {
      organisations = OrganisationRows.finish(
        parsed, registrar: registrar, codes: codes, lines: &codeLines, problems: &problems)
    }
    timer.mark("footprints and organisations")
    references = References(codes: codes.lookup, footprintCount: footprints.count, usable: referencesUsable)
    return (footprints, organisations)
  }

  /// Memberships and stances, read on two more threads while the figures
  /// are read on these; the stance thread then builds the indexes, which
  /// place each stance in its membership's history and so find those that
  /// belong to none, all before the figures are done.
  mutating func startSideThreads(footprints: [Footprint], organisations: Organisations) -> SideThreads {
    SideThreads(
      memberships: table(DataFiles.memberships), alignment: table(DataFiles.alignment), references: references,
      footprints: footprints, organisations: organisations, plain: tuning.plainRecords)
  }

  /// The figures of `finance.csv`.
  mutating func readFinance(footprints fps: [Footprint], organisations orgs: Organisations) -> FinanceTable {
    var finance = FinanceTable(footprintCount: fps.count, organisationCount: orgs.count)
    if let table = table(DataFiles.finance) {
      let fpCount = fps.count
      finance = FinanceRows.read(
        table, references: references, footprintCount: fps.count, organisationCount: orgs.count,
        codeOf: { id in id < fpCount ? fps[id].code : orgs[OrganisationID(id - fpCount)].code },
        parallelism: tuning.parallelism, mode: tuning.mode, reserved: gridReservation, problems: &problems)
    }
    timer.mark("finance")
    return finance
  }

  /// The optional files: indicators and the hex map.
  mutating func readExtras() -> ([IndicatorRecord], [HexCell]) {
    let indicators = table(DataFiles.indicators).map {
      IndicatorRows.read($0, references: references, problems: &problems)
    }
    let hexes = table(DataFiles.hexmap).map { HexRows.read($0, references: references, problems: &problems) }
    return (indicators ?? [], hexes ?? [])
  }

  /// The optional dispute files: changes, referrals, designations, footprint notes.
  mutating func readDisputes(footprintCount: Int) -> Disputes {
    let changes = table(DataFiles.changes).map { ChangeRows.read($0, references: references, problems: &problems) }
    let referrals = table(DataFiles.referrals).map {
      ReferralRows.read($0, references: references, changes: changes ?? [], problems: &problems)
    }
    let designations = table(DataFiles.designations).map {
      DesignationRows.read($0, references: references, problems: &problems)
    }
    let notes = table(DataFiles.footprintNotes).map {
      FootprintNoteRows.read($0, references: references, problems: &problems)
    }
    return Disputes(
      footprintCount: footprintCount, changes: changes ?? [], referrals: referrals ?? [],
      designations: designations ?? [], notes: notes ?? [])
  }
}

/// The memberships' and stances' threads, started together.
struct SideThreads {
  let group = DispatchGroup()
  let result = ChunkSlots<SideResult>(count: 1)

  init(
    memberships: CSVTable?, alignment: CSVTable?, references: References, footprints: [Footprint],
    organisations: Organisations, plain: Bool
  ) {
    let membershipResult = ChunkSlots<SideResult>(count: 1)
    let membershipsDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async(group: group) {
      var clock = PhaseTimer()
      defer { clock.mark("  memberships (own thread)") }
      var result = SideResult()
      if let table = memberships {
        let (read, lines) = MembershipRows.read(
          table, references: references, plain: plain, problems: &result.problems)
        MembershipRows.checkShares(read, lines: lines, organisations: organisations, problems: &result.problems)
        result.memberships = read
      }
      membershipResult.store(0, result)
      membershipsDone.signal()
    }
    let out = result
    DispatchQueue.global().async(group: group) {
      var clock = PhaseTimer()
      var result = SideResult()
      var stanceProblems = ProblemList()
      if let table = alignment {
        result.alignment = AlignmentRows.read(
          table, references: references, plain: plain, problems: &stanceProblems)
      }
      clock.mark("  stances (own thread)")
      defer { clock.mark("  stance checks and indexes") }
      membershipsDone.wait()
      let members = membershipResult.take(0) ?? SideResult()
      result.memberships = members.memberships
      result.problems = members.problems
      result.problems.append(contentsOf: stanceProblems)
      // The indexes need no figures: built while finance.csv is read. Each
      // stance is placed in its membership's history as they are built, so
      // a stance that belongs to none is found there.
      var unmatched: [StanceRecordID] = []
      let indexes = Dataset.Indexes(
        footprintCount: footprints.count, organisationCount: organisations.count, memberships: result.memberships,
        alignment: result.alignment, unmatched: &unmatched)
      Self.reportStrays(unmatched, in: &result, footprints: footprints, organisations: organisations)
      if !result.problems.hasErrors { result.indexes = indexes }
      out.store(0, result)
    }
  }

  /// Every stance must belong to a membership: `unmatched` are those that do not.
  static func reportStrays(
    _ unmatched: [StanceRecordID], in result: inout SideResult, footprints: [Footprint], organisations: Organisations
  ) {
    let records = result.alignment
    for i in unmatched {
      let r = records[i]
      result.problems.error(
        AlignmentRows.file, line: r.line,
        "\(organisations[r.org].code) is not a member of \(footprints[r.footprint.index].code) in memberships.csv, so it has no stance there"
      )
    }
  }

  /// Waits for both threads and takes what they read.
  func finish() -> SideResult {
    group.wait()
    return result.take(0) ?? SideResult()
  }
}
