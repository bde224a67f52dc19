import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The dense grid behind a ``FinanceTable``: per slot, the figure in
/// thousandths of £m and its basis in one 32-bit word; the provenance
/// (source and note) per entity, with a slot's own only where it differs.
///
/// A figure written with at most three decimals — what money in £m has — is
/// held exactly in 30 bits of thousandths (to ±£536,870m; `Double(m) / 1000`
/// is the very double the text parses to), beside its basis in 2 bits;
/// anything else is kept in a side table. An entity's rows nearly always
/// cite one source, so its provenance is kept once for the entity; a row
/// citing another is written to a plane of per-slot exceptions whose pages
/// the kernel hands out only where one is written. Four bytes a slot and
/// four an entity, instead of nine a slot: at national scale most of the
/// memory a load touches is this grid.
///
/// Slots are atomics written with relaxed ordering (plain moves): each slot
/// is written by one chunk of the file, unless the file repeats a row across
/// chunks — which is found afterwards from each chunk's record of what it
/// wrote, and is an error. An entity's provenance is set once, by the first
/// row written (a compare-and-swap from zero); a later row with another
/// provenance writes its own slot's exception.
final class FinanceGrid: @unchecked Sendable {
  let count: Int
  /// Per slot: thousandths (30 bits, signed) shifted left 2, or'ed with the basis; 0 is no row.
  let words: UnsafeMutablePointer<Atomic<UInt32>>
  /// Per entity: the provenance id + 1 of its first row written (0: none yet).
  let entityProvenance: UnsafeMutablePointer<Atomic<UInt32>>
  /// Per slot: the provenance id + 1 when it differs from its entity's (0: the entity's).
  let exceptions: UnsafeMutablePointer<Atomic<UInt32>>

  /// Two anonymous mappings, which the kernel hands out zeroed (so every
  /// slot starts as "no row anywhere") and untouched: pages are touched
  /// only by the threads that write them (or made ready beforehand), and a
  /// few exceptions touch a few small pages.
  /// `reserved`: memory made ready earlier (``Reservation``), used when it
  /// has room for `slots`.
  init(slots: Int, reserved: Reservation? = nil) {
    count = slots
    let n = max(1, slots)
    // The words, then the entities' provenance: laid out for the room there is.
    let room = reserved.map { $0.slots >= n ? $0.slots : n } ?? n
    let entities = (room + FinanceTable.slotsPerEntity - 1) / FinanceTable.slotsPerEntity
    if let reserved, reserved.slots >= n {
      reserved.wait()
      main = reserved.mapping
      // The words beyond this grid's were touched for nothing: handed back.
      main.release(from: n * MemoryLayout<UInt32>.stride, to: room * MemoryLayout<UInt32>.stride)
    } else {
      main = Mapping(bytes: Self.mainBytes(slots: n))
    }
    side = Mapping(bytes: n * MemoryLayout<UInt32>.stride + 64)
    words = main.base.bindMemory(to: Atomic<UInt32>.self, capacity: n)
    entityProvenance = (main.base + room * MemoryLayout<UInt32>.stride).bindMemory(
      to: Atomic<UInt32>.self, capacity: entities)
    exceptions = side.base.bindMemory(to: Atomic<UInt32>.self, capacity: n)
  }

  /// The bytes of the words and the entities' provenance for `n` slots.
  static func mainBytes(slots n: Int) -> Int {
    let entities = (n + FinanceTable.slotsPerEntity - 1) / FinanceTable.slotsPerEntity
    return (n + entities) * MemoryLayout<UInt32>.stride + 64
  }

  private let main: Mapping
  private let side: Mapping

  /// Memory for a grid of up to `slots` slots, its pages made ready on
  /// another thread while the codes are read: the first write to a fresh
  /// page costs the kernel (and, in a virtual machine, its host) far more
  /// than the write, and the figures' threads should not wait for it.
  final class Reservation: @unchecked Sendable {
    let slots: Int
    fileprivate let mapping: Mapping
    private let ready = DispatchGroup()

    init(slots: Int) {
      self.slots = max(1, slots)
      let mapping = Mapping(bytes: FinanceGrid.mainBytes(slots: self.slots))
      self.mapping = mapping
      DispatchQueue.global().async(group: ready) { mapping.touch() }
    }

    /// Waits until every page is ready.
    func wait() { ready.wait() }

    deinit { ready.wait() }
  }

  /// Zeroed memory: an anonymous mapping in small pages, else the heap.
  ///
  /// Not huge pages: in a virtual machine whose host takes back the memory
  /// its guest frees, a huge page the host must supply again cost up to
  /// 8 ms per MB to touch (40 MB: 4 to 330 ms from run to run), small pages
  /// 0.4 to 2.6 ms per MB; at 10× with the shell's runs between, the
  /// league's median went from 507 to 463 ms (BENCHMARKS.md).
  fileprivate final class Mapping: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let bytes: Int
    let mapped: Bool

    init(bytes: Int) {
      self.bytes = bytes
      var raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      if raw == MAP_FAILED { raw = nil }
      #if os(Linux)
        if let raw { _ = madvise(raw, bytes, MADV_NOHUGEPAGE) }
      #endif
      let base = raw ?? calloc(bytes, 1) ?? UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
      if raw == nil { memset(base, 0, bytes) }
      mapped = raw != nil
      self.base = base
    }

    func clear() { memset(base, 0, bytes) }

    /// Writes a zero in every page: the kernel hands each out now.
    func touch() {
      var offset = 0
      while offset < bytes {
        base.storeBytes(of: 0, toByteOffset: offset, as: UInt8.self)
        offset += 4096
      }
    }

    /// Hands back the whole pages in `from..<to` (a mapping's read as zero again).
    func release(from: Int, to: Int) {
      #if os(Linux)
        let page = 4096
        let start = (from + page - 1) / page * page
        let end = min(to, bytes) / page * page
        if mapped && end > start { _ = madvise(base + start, end - start, MADV_DONTNEED) }
      #endif
    }

    deinit {
      if mapped { munmap(base, bytes) } else { free(base) }
    }
  }

  @inline(__always) func basis(_ s: Int) -> UInt8 { UInt8(truncatingIfNeeded: words[s].load(ordering: .relaxed) & 3) }
  @inline(__always) func milliValue(_ s: Int) -> Int32 {
    Int32(bitPattern: words[s].load(ordering: .relaxed)) >> 2
  }
  @inline(__always) func provenanceID(_ s: Int) -> UInt32 {
    let own = exceptions[s].load(ordering: .relaxed)
    let id = own != 0 ? own : entityProvenance[s / FinanceTable.slotsPerEntity].load(ordering: .relaxed)
    return id &- 1
  }

  /// Writes a slot (`m` within ``Milli``'s 30 bits, `b` a basis of 1 to 3).
  @inline(__always)
  func write(_ s: Int, milli m: Int32, basis b: UInt8, provenance p: UInt32) {
    words[s].store(UInt32(bitPattern: m) << 2 | UInt32(b & 3), ordering: .relaxed)
    let want = p &+ 1
    let e = s / FinanceTable.slotsPerEntity
    let held = entityProvenance[e].load(ordering: .relaxed)
    if held == want { return }
    if held == 0 {
      let (set, first) = entityProvenance[e].compareExchange(expected: 0, desired: want, ordering: .relaxed)
      if set || first == want { return }
    }
    exceptions[s].store(want, ordering: .relaxed)
  }

  /// Forgets every row (after a wrong guess at where to split the file).
  func clear() {
    main.clear()
    side.clear()
  }
}

/// Figures as thousandths of £m in 30 bits, with two markers.
enum Milli {
  /// `gbp_m` was left empty: not known.
  static let empty: Int32 = -(1 << 29)
  /// The figure is not a whole number of thousandths in range: see the side table.
  static let elsewhere: Int32 = -(1 << 29) + 1
  /// The largest magnitude held directly (±£536,870m, the markers left out).
  static let limit: Int64 = (1 << 29) - 2

  /// The figure as exact thousandths, or `nil` when it is not one.
  @inline(__always)
  static func exact(_ v: Double) -> Int32? {
    let m = (v * 1000).rounded()
    guard abs(m) <= Double(limit), Double(Int32(m)) / 1000 == v else { return nil }
    return Int32(m)
  }
}

/// A footprint or an organisation: what a row of `finance.csv` or
/// `indicators.csv` is about.
public struct FinanceEntity: Hashable, Sendable {
  /// Footprints first, then organisations.
  package let index: Int

  package init(_ index: Int) { self.index = index }
}

/// Every figure of `finance.csv`, in one dense grid.
///
/// Entities are numbered footprints first (`0..<footprintCount`), then
/// organisations. Each entity has six years × three scenarios; a missing row
/// and an empty `gbp_m` both read as `nil` ("not known", never zero).
public struct FinanceTable: Sendable {
  /// Slots per entity: years × scenarios.
  public static let slotsPerEntity = FinancialYear.count * Scenario.allCases.count

  /// How many footprints lead the entity numbering.
  public let footprintCount: Int
  let grid: FinanceGrid
  /// Figures that are not whole thousandths, by slot.
  let side: [Int: Double]
  /// Each chunk's provenances (source, note), by the chunk number in the
  /// high byte of a slot's provenance id; the low bits count from 1.
  let provenances: [[Provenance]]

  /// Where a figure comes from, and the caveat that goes with it.
  struct Provenance: Sendable, Hashable {
    var source: String?
    var note: String?
  }

  /// Bits of a provenance id that count within a chunk.
  static let provenanceBits: UInt32 = 24

  /// Wraps a grid filled by the loader.
  init(footprintCount: Int, grid: FinanceGrid, side: [Int: Double], provenances: [[Provenance]]) {
    self.footprintCount = footprintCount
    self.grid = grid
    self.side = side
    self.provenances = provenances
  }

  /// Creates an empty table for the given numbers of footprints and organisations.
  public init(footprintCount: Int, organisationCount: Int) {
    self.footprintCount = footprintCount
    grid = FinanceGrid(slots: (footprintCount + organisationCount) * Self.slotsPerEntity)
    side = [:]
    provenances = []
  }

  @inline(__always)
  static func slot(entity: Int, year: Int, scenario: Int) -> Int {
    entity * slotsPerEntity + year * Scenario.allCases.count + scenario
  }

  /// Every footprint's entity, then every organisation's.
  public var entities: [FinanceEntity] { (0..<(grid.count / Self.slotsPerEntity)).map(FinanceEntity.init) }

  /// The entity of a footprint.
  @inline(__always)
  public func entity(footprint: FootprintID) -> FinanceEntity { FinanceEntity(footprint.index) }

  /// The entity of an organisation.
  @inline(__always)
  public func entity(organisation: OrganisationID) -> FinanceEntity {
    FinanceEntity(footprintCount + organisation.index)
  }

  @inline(__always)
  func checkedSlot(_ entity: FinanceEntity, _ year: FinancialYear, _ scenario: Scenario) -> Int? {
    let s = Self.slot(entity: entity.index, year: year.index, scenario: scenario.rawValue)
    return s >= 0 && s < grid.count ? s : nil
  }

  /// The figure in a slot, or `nil` when not known.
  @inline(__always)
  func value(slot s: Int) -> Double? {
    guard grid.basis(s) != 0 else { return nil }
    let m = grid.milliValue(s)
    if m == Milli.empty { return nil }
    if m == Milli.elsewhere { return side[s] }
    return Double(m) / 1000
  }

  /// The figure for an entity, year and scenario, or `nil` when not known.
  @inline(__always)
  public func value(entity: FinanceEntity, year: FinancialYear, scenario: Scenario) -> Double? {
    guard let s = checkedSlot(entity, year, scenario) else { return nil }
    return value(slot: s)
  }

  /// Whether a row exists for the slot (even one with an empty `gbp_m`).
  public func hasRow(entity: FinanceEntity, year: FinancialYear, scenario: Scenario) -> Bool {
    guard let s = checkedSlot(entity, year, scenario) else { return false }
    return grid.basis(s) != 0
  }

  /// The basis of the slot's row, or `nil` when there is no row.
  public func basis(entity: FinanceEntity, year: FinancialYear, scenario: Scenario) -> Basis? {
    guard let s = checkedSlot(entity, year, scenario) else { return nil }
    return Basis(rawValue: grid.basis(s))
  }

  func provenance(slot s: Int) -> Provenance? {
    guard grid.basis(s) != 0 else { return nil }
    let id = grid.provenanceID(s)
    let chunk = Int(id >> Self.provenanceBits)
    let local = Int(id & ((1 << Self.provenanceBits) - 1))
    guard local > 0, chunk < provenances.count, local <= provenances[chunk].count else { return nil }
    return provenances[chunk][local - 1]
  }

  /// The source text of the slot's row, or `nil`.
  public func source(entity: FinanceEntity, year: FinancialYear, scenario: Scenario) -> String? {
    guard let s = checkedSlot(entity, year, scenario) else { return nil }
    return provenance(slot: s)?.source
  }

  /// The caveat (`note`) of the slot's row, or `nil`.
  public func note(entity: FinanceEntity, year: FinancialYear, scenario: Scenario) -> String? {
    guard let s = checkedSlot(entity, year, scenario) else { return nil }
    return provenance(slot: s)?.note
  }

  /// Whether any row carries a caveat (so trajectories need not look for one otherwise).
  public var hasNotes: Bool { provenances.contains { $0.contains { $0.note != nil } } }

  /// Every distinct source text, for tests and summaries.
  public var sources: Set<String> { Set(provenances.joined().compactMap(\.source)) }

  /// Whether any row of the entity is illustrative.
  public func hasIllustrative(entity: FinanceEntity) -> Bool {
    let s = entity.index * Self.slotsPerEntity
    guard s >= 0, s + Self.slotsPerEntity <= grid.count else { return false }
    for i in s..<(s + Self.slotsPerEntity) where grid.basis(i) == Basis.illustrative.rawValue { return true }
    return false
  }

  /// Whether the entity has any row at all.
  public func hasAnyRow(entity: FinanceEntity) -> Bool {
    let s = entity.index * Self.slotsPerEntity
    guard s >= 0, s + Self.slotsPerEntity <= grid.count else { return false }
    for i in s..<(s + Self.slotsPerEntity) where grid.basis(i) != 0 { return true }
    return false
  }

  /// How many rows the table holds.
  public var rowCount: Int {
    var n = 0
    for s in 0..<grid.count where grid.basis(s) != 0 { n += 1 }
    return n
  }
}

extension FinanceTable {
  /// Figures (rows with a value) by standing: reported, reported with a
  /// caveat, illustrative.
  public var standingCounts: BasisCounts {
    var out = BasisCounts(file: "finance.csv")
    let notes = hasNotes
    for s in 0..<grid.count where grid.basis(s) != 0 {
      guard value(slot: s) != nil else { continue }
      if grid.basis(s) == Basis.illustrative.rawValue {
        out.illustrative += 1
      } else if notes, provenance(slot: s)?.note != nil {
        out.caveat += 1
      } else {
        out.reported += 1
      }
    }
    return out
  }
}

/// How many figures of a file stand as each ``FigureStanding``.
public struct BasisCounts: Sendable, Hashable {
  /// The file counted.
  public var file: String
  /// Figures reported, no caveat.
  public var reported = 0
  /// Figures reported that carry a caveat.
  public var caveat = 0
  /// Figures made up to illustrate.
  public var illustrative = 0

  /// Counts for a file.
  public init(file: String, reported: Int = 0, caveat: Int = 0, illustrative: Int = 0) {
    self.file = file
    self.reported = reported
    self.caveat = caveat
    self.illustrative = illustrative
  }

  /// Every figure counted.
  public var total: Int { reported + caveat + illustrative }
}

extension Dataset {
  /// Figures by standing, per file: finance figures, populations, stance
  /// records, indicators.
  public var basisCounts: [BasisCounts] {
    var out = [finance.standingCounts]
    var pop = BasisCounts(file: "footprints.csv (populations)")
    for f in footprints where f.population != nil {
      if f.populationBasis == .illustrative {
        pop.illustrative += 1
      } else if f.note != nil {
        pop.caveat += 1
      } else {
        pop.reported += 1
      }
    }
    out.append(pop)
    var stances = BasisCounts(file: "alignment.csv")
    for i in alignment.indices {
      switch alignment[i].standing {
      case .illustrative: stances.illustrative += 1
      case .caveat: stances.caveat += 1
      case .reported: stances.reported += 1
      }
    }
    out.append(stances)
    if hasIndicatorsFile {
      var ind = BasisCounts(file: "indicators.csv")
      for r in indicatorRecords {
        if r.basis == .illustrative {
          ind.illustrative += 1
        } else if r.note != nil {
          ind.caveat += 1
        } else {
          ind.reported += 1
        }
      }
      out.append(ind)
    }
    return out
  }

  /// The records that name their kind of source, per file: how many rest on
  /// official pages, the press, campaigns and other sources.
  public var sourceKindCounts: [(file: String, counts: [SourceKind: Int])] {
    func tally(_ kinds: [SourceKind?]) -> [SourceKind: Int] {
      kinds.compactMap { $0 }.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
    let rows: [(String, [SourceKind?])] = [
      ("alignment.csv", alignment.indices.map { alignment[$0].sourceKind }),
      ("changes.csv", disputes.changes.map(\.sourceKind)),
      ("referrals.csv", disputes.referrals.map(\.sourceKind)),
      ("designations.csv", disputes.designations.map(\.sourceKind)),
      ("footprint_notes.csv", disputes.notes.map(\.sourceKind)),
    ]
    return rows.map { ($0.0, tally($0.1)) }.filter { !$0.counts.isEmpty }
  }
}
