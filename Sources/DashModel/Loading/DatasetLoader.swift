import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads a data directory, checking everything, and either returns a whole
/// ``Dataset`` or every problem found.
public enum DatasetLoader {
  /// The data files, in the order problems are listed.
  public static let fileNames = [
    "footprints.csv", "organisations.csv", "memberships.csv", "finance.csv", "alignment.csv",
  ]

  /// Loads the directory at `directory`.
  ///
  /// - Parameter parallelism: how many threads may parse `finance.csv`.
  public static func load(directory: String, parallelism: Int = activeProcessorCount()) -> Result<Dataset, LoadFailure>
  {
    var problems = ProblemList()
    var isDirectory = false
    if !directoryExists(directory, isDirectory: &isDirectory) {
      problems.error(directory, "no such directory")
      return .failure(LoadFailure(problems: problems, directory: directory))
    }
    if !isDirectory {
      problems.error(directory, "not a directory")
      return .failure(LoadFailure(problems: problems, directory: directory))
    }

    // Read the five files at once; the big one dominates.
    let documents = ChunkSlots<Result<CSVDocument, FileReadError>>(count: fileNames.count)
    DispatchQueue.concurrentPerform(iterations: fileNames.count) { i in
      let name = fileNames[i]
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      do throws(FileReadError) {
        documents.store(i, .success(try CSVDocument.read(path: path, fileName: name)))
      } catch {
        documents.store(i, .failure(error))
      }
    }
    func document(_ i: Int, required: Bool) -> CSVDocument? {
      guard let result = documents.take(i) else { return nil }
      switch result {
      case .success(let doc): return doc
      case .failure(let error):
        if error.isMissing {
          if required {
            problems.error(fileNames[i], "the file is missing; a data directory needs \(fileNames[i])")
          } else {
            problems.warning(fileNames[i], "the file is missing; treated as empty")
          }
        } else {
          problems.error(fileNames[i], "cannot be read: \(error.reason)")
        }
        return nil
      }
    }

    var codes = CodeIndex(capacity: 1024)
    var footprintLines: [String: Int] = [:]
    var footprints: [Footprint] = []
    var referencesUsable = true
    if let doc = document(0, required: true),
      let table = CSVTable.open(
        doc, required: FootprintRows.required, optional: FootprintRows.optional, problems: &problems)
    {
      footprints = FootprintRows.read(table, codes: &codes, lines: &footprintLines, problems: &problems)
    } else {
      referencesUsable = false
    }
    var organisations: [Organisation] = []
    if let doc = document(1, required: true),
      let table = CSVTable.open(
        doc, required: OrganisationRows.required, optional: OrganisationRows.optional, problems: &problems)
    {
      organisations = OrganisationRows.read(
        table, codes: &codes, footprintCodes: footprintLines, problems: &problems)
    } else {
      referencesUsable = false
    }

    let references = References(codes: codes, footprintCount: footprints.count, usable: referencesUsable)
    var memberships: [Membership] = []
    var membershipLines: [Int] = []
    if let doc = document(2, required: false),
      let table = CSVTable.open(
        doc, required: MembershipRows.required, optional: MembershipRows.optional, problems: &problems)
    {
      (memberships, membershipLines) = MembershipRows.read(table, references: references, problems: &problems)
      MembershipRows.checkShares(memberships, lines: membershipLines, organisations: organisations, problems: &problems)
    }

    let fpCodes = footprints.map(\.code)
    let orgCodes = organisations.map(\.code)
    var finance = FinanceTable(footprintCount: footprints.count, organisationCount: organisations.count)
    if let doc = document(3, required: false),
      let table = CSVTable.open(
        doc, required: FinanceRows.required, optional: FinanceRows.optional, problems: &problems)
    {
      let fpCount = fpCodes.count
      finance = FinanceRows.read(
        table, references: references, footprintCount: footprints.count, organisationCount: organisations.count,
        codeOf: { id in id < fpCount ? fpCodes[id] : orgCodes[id - fpCount] },
        parallelism: parallelism, problems: &problems)
    }

    var alignment: [AlignmentRecord] = []
    if let doc = document(4, required: false),
      let table = CSVTable.open(
        doc, required: AlignmentRows.required, optional: AlignmentRows.optional, problems: &problems)
    {
      alignment = AlignmentRows.read(table, references: references, problems: &problems)
      var members = Set<Int64>()
      for m in memberships { members.insert(Dataset.key(org: m.org, footprint: m.footprint)) }
      for r in alignment where !members.contains(Dataset.key(org: r.org, footprint: r.footprint)) {
        problems.error(
          AlignmentRows.file, line: r.line,
          "\(orgCodes[r.org]) is not a member of \(fpCodes[r.footprint]) in memberships.csv, so it has no stance there")
      }
    }

    problems.sortByLocation(fileOrder: fileNames)
    if problems.hasErrors {
      return .failure(LoadFailure(problems: problems, directory: directory))
    }
    return .success(
      Dataset(
        footprints: footprints, organisations: organisations, memberships: memberships, finance: finance,
        alignment: alignment, warnings: problems.items, codes: codes))
  }

  /// The number of processors the system lets this process use.
  public static func activeProcessorCount() -> Int {
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
