import DashModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A national-scale data directory made up for benchmarks and tests:
/// `footprints` × `organisations` each, six years × three scenarios for every
/// footprint and organisation, in the data contract. Deterministic for a seed.
///
/// It exercises what real files hold: quoted names with commas and quotes,
/// empty `gbp_m` cells, every stance, organisations split between two
/// footprints, and several sources.
struct SyntheticData {
  var footprints: Int
  var organisationsPerFootprint: Int
  var seed: UInt64

  /// SplitMix64: tiny, fast and the same everywhere.
  struct Random {
    var state: UInt64

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
      range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
  }

  static let regions = ["North", "Midlands and East", "London", "South"]
  static let kinds = [
    "ccg", "acute-trust", "mental-health-trust", "community-trust", "ambulance-trust", "council", "other",
  ]
  static let ratings = ["", "Outstanding", "Advanced", "Making progress", "Needs most improvement", ""]
  static let sources = [
    "", "synthetic", "Synthetic, run 1", "Synthetic \"board paper\" (p. 4)", "https://example.org/stp?id=1",
  ]

  func footprintCode(_ f: Int) -> String { "F" + pad(f, 6) }
  func orgCode(_ f: Int, _ i: Int) -> String { "O" + pad(f * organisationsPerFootprint + i, 8) }

  func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
  }

  /// Writes the five files into `directory` (which must exist).
  func write(to directory: String) throws(BatchError) {
    var rng = Random(state: seed)
    var fp = TextSink(path: directory + "/footprints.csv")
    var orgs = TextSink(path: directory + "/organisations.csv")
    var members = TextSink(path: directory + "/memberships.csv")
    var finance = TextSink(path: directory + "/finance.csv")
    var stances = TextSink(path: directory + "/alignment.csv")
    fp.line("code,name,region,leader,leader_role,population,population_basis,rating,source")
    orgs.line("code,name,kind,source")
    members.line("org,footprint,share")
    finance.line("entity,year,scenario,gbp_m,basis,source")
    stances.line("org,footprint,stance,as_of,note,source,basis")
    let years = FinancialYear.all.map(\.label)

    func money(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 3, grouping: false) }
    func financeRows(_ entity: String, size: Double, rng: inout Random) {
      let savings = 0.6 + 0.5 * rng.unit()
      let slip = 0.2 + 0.6 * rng.unit()
      let source = Self.sources[rng.int(0...Self.sources.count - 1)]
      let quotedSource = CSVWriter.quote(source)
      for (y, year) in years.enumerated() {
        let dn = size * (0.15 + 0.17 * Double(y)) * (0.9 + 0.2 * rng.unit())
        let plan = dn * (1 - savings * Double(y) / 5)
        let out = plan + (dn - plan) * slip
        for (scenario, value) in [("do_nothing", dn), ("plan", plan), ("outturn", out)] {
          // About one figure in a hundred is not known: an empty cell.
          let cell = rng.unit() < 0.01 ? "" : money(value)
          finance.line("\(entity),\(year),\(scenario),\(cell),illustrative,\(quotedSource)")
        }
      }
    }

    for f in 0..<footprints {
      let code = footprintCode(f)
      let name =
        f % 7 == 0
        ? CSVWriter.quote("Synthetic \(f), \"North\" Vale")
        : (f % 5 == 0 ? CSVWriter.quote("Footprint \(f), East") : "Footprint \(f)")
      let population = rng.int(250_000...3_000_000)
      fp.line(
        "\(code),\(name),\(Self.regions[f % 4]),Leader \(f),\"Chief Executive, Trust \(f)\",\(population),illustrative,\(Self.ratings[f % Self.ratings.count]),synthetic"
      )
      financeRows(code, size: Double(population) * 0.0004, rng: &rng)
      for i in 0..<organisationsPerFootprint {
        let org = orgCode(f, i)
        let kind = Self.kinds[(f + i) % Self.kinds.count]
        let orgName = i % 9 == 0 ? CSVWriter.quote("Org \(f)-\(i), \"Trust\" Ltd") : "Org \(f)-\(i)"
        orgs.line("\(org),\(orgName),\(kind),\(CSVWriter.quote(Self.sources[i % Self.sources.count]))")
        // Every tenth organisation is split with the next footprint.
        let split = i % 10 == 9 && footprints > 1
        members.line("\(org),\(code),\(split ? "0.6" : "1")")
        if split { members.line("\(org),\(footprintCode((f + 1) % footprints)),0.4") }
        financeRows(org, size: Double(rng.int(5...120)), rng: &rng)
        for target in split ? [code, footprintCode((f + 1) % footprints)] : [code] {
          let u = rng.unit()
          let stance =
            u < 0.55 ? "aligned" : u < 0.75 ? "conditional" : u < 0.87 ? "dissenting" : u < 0.93 ? "refused" : "unknown"
          let dated = rng.unit() < 0.3
          let note = rng.unit() < 0.1 ? CSVWriter.quote("Board said \"not yet\", pending review") : ""
          stances.line(
            "\(org),\(target),\(stance),\(dated ? "2016-1\(rng.int(0...2))-1\(rng.int(0...9))" : ""),\(note),synthetic,illustrative"
          )
        }
      }
    }
    for sink in [fp, orgs, members, finance, stances] {
      var s = sink
      try s.close()
    }
  }
}

/// Buffered text output to a file, written in large blocks.
struct TextSink {
  let path: String
  var buffer: [UInt8] = []
  var fd: Int32 = -1
  var failed: Int32 = 0

  init(path: String) {
    self.path = path
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 { failed = errno }
    buffer.reserveCapacity(1 << 20)
  }

  mutating func line(_ s: String) {
    buffer.append(contentsOf: s.utf8)
    buffer.append(0x0A)
    if buffer.count >= 1 << 20 { flush() }
  }

  mutating func flush() {
    guard fd >= 0, failed == 0 else { return }
    var done = 0
    while done < buffer.count {
      let n = buffer[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if n <= 0 {
        failed = errno
        break
      }
      done += n
    }
    buffer.removeAll(keepingCapacity: true)
  }

  mutating func close() throws(BatchError) {
    flush()
    if fd >= 0 { _ = systemClose(fd) }
    if failed != 0 { throw BatchError("cannot write \(path): \(String(cString: strerror(failed)))") }
  }
}

/// `close`, from whichever C library this system has.
func systemClose(_ fd: Int32) -> Int32 {
  #if canImport(Glibc)
    Glibc.close(fd)
  #else
    Darwin.close(fd)
  #endif
}
