#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The dense grid behind a ``FinanceTable``: values, bases and source ids
/// per slot, in raw buffers written once while loading and read after.
final class FinanceGrid: @unchecked Sendable {
  let count: Int
  let values: UnsafeMutablePointer<Double>
  let bases: UnsafeMutablePointer<UInt8>
  let sourceIDs: UnsafeMutablePointer<Int32>

  /// The three arrays share one anonymous mapping, which the kernel hands
  /// out zeroed (so `bases` starts as "no row anywhere") and untouched, in
  /// huge pages where it can: pages are touched only by the threads that
  /// write them, a few thousand times fewer faults than 4 KB pages. Values and
  /// source ids are only ever read where a base says a row was written, so
  /// nothing needs filling.
  init(slots: Int) {
    count = slots
    let n = max(1, slots)
    let bytes = n * (MemoryLayout<Double>.stride + MemoryLayout<Int32>.stride + 1) + 64
    mappedBytes = bytes
    var raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    if raw == MAP_FAILED { raw = nil }
    if let raw {
      _ = madvise(raw, bytes, MADV_HUGEPAGE)
    }
    let base = raw ?? calloc(bytes, 1) ?? UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
    mapped = raw != nil
    block = base
    values = base.bindMemory(to: Double.self, capacity: n)
    sourceIDs = (base + n * MemoryLayout<Double>.stride).bindMemory(to: Int32.self, capacity: n)
    bases = (base + n * (MemoryLayout<Double>.stride + MemoryLayout<Int32>.stride)).bindMemory(
      to: UInt8.self, capacity: n)
  }

  private let block: UnsafeMutableRawPointer
  private let mappedBytes: Int
  private let mapped: Bool

  deinit {
    if mapped { munmap(block, mappedBytes) } else { free(block) }
  }
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
  /// Distinct source texts; index 0 is the empty source.
  public internal(set) var sources: [String]

  /// Wraps a grid filled by the loader.
  init(footprintCount: Int, grid: FinanceGrid, sources: [String]) {
    self.footprintCount = footprintCount
    self.grid = grid
    self.sources = sources
  }

  /// Creates an empty table for the given numbers of footprints and organisations.
  public init(footprintCount: Int, organisationCount: Int) {
    self.footprintCount = footprintCount
    grid = FinanceGrid(slots: (footprintCount + organisationCount) * Self.slotsPerEntity)
    sources = [""]
  }

  @inline(__always)
  static func slot(entity: Int, year: Int, scenario: Int) -> Int {
    entity * slotsPerEntity + year * Scenario.allCases.count + scenario
  }

  /// The entity number of a footprint index.
  @inline(__always)
  public func entity(footprint: Int) -> Int { footprint }

  /// The entity number of an organisation index.
  @inline(__always)
  public func entity(organisation: Int) -> Int { footprintCount + organisation }

  @inline(__always)
  func checkedSlot(_ entity: Int, _ year: FinancialYear, _ scenario: Scenario) -> Int? {
    let s = Self.slot(entity: entity, year: year.index, scenario: scenario.rawValue)
    return s >= 0 && s < grid.count ? s : nil
  }

  /// The figure for an entity, year and scenario, or `nil` when not known.
  @inline(__always)
  public func value(entity: Int, year: FinancialYear, scenario: Scenario) -> Double? {
    guard let s = checkedSlot(entity, year, scenario), grid.bases[s] != 0 else { return nil }
    let v = grid.values[s]
    return v.isNaN ? nil : v
  }

  /// Whether a row exists for the slot (even one with an empty `gbp_m`).
  public func hasRow(entity: Int, year: FinancialYear, scenario: Scenario) -> Bool {
    guard let s = checkedSlot(entity, year, scenario) else { return false }
    return grid.bases[s] != 0
  }

  /// The basis of the slot's row, or `nil` when there is no row.
  public func basis(entity: Int, year: FinancialYear, scenario: Scenario) -> Basis? {
    guard let s = checkedSlot(entity, year, scenario) else { return nil }
    return Basis(rawValue: grid.bases[s])
  }

  /// The source text of the slot's row, or `nil`.
  public func source(entity: Int, year: FinancialYear, scenario: Scenario) -> String? {
    guard let s = checkedSlot(entity, year, scenario), grid.bases[s] != 0 else { return nil }
    let id = Int(grid.sourceIDs[s])
    return id == 0 || id >= sources.count ? nil : sources[id]
  }

  /// Whether any row of the entity is illustrative.
  public func hasIllustrative(entity: Int) -> Bool {
    let s = entity * Self.slotsPerEntity
    guard s >= 0, s + Self.slotsPerEntity <= grid.count else { return false }
    for i in s..<(s + Self.slotsPerEntity) where grid.bases[i] == Basis.illustrative.rawValue { return true }
    return false
  }

  /// Whether the entity has any row at all.
  public func hasAnyRow(entity: Int) -> Bool {
    let s = entity * Self.slotsPerEntity
    guard s >= 0, s + Self.slotsPerEntity <= grid.count else { return false }
    for i in s..<(s + Self.slotsPerEntity) where grid.bases[i] != 0 { return true }
    return false
  }
}
