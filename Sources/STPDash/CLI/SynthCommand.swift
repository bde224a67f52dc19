import ArgumentParser

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// `stpdash synth`: writes a synthetic national-scale data directory (for benchmarks).
struct SynthCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "synth",
    abstract: "Write a synthetic data directory of N footprints × K organisations (for benchmarks and tests).",
    shouldDisplay: false)

  @Option(name: .long, help: "Footprints.") var footprints = 1000
  @Option(name: .long, help: "Organisations per footprint.") var orgs = 50
  @Option(name: .long, help: "Random seed (the same seed gives the same bytes).") var seed: UInt64 = 1
  @Option(name: .long, help: ArgumentHelp("Directory to write (created if missing).", valueName: "DIR")) var out: String

  func validate() throws {
    guard footprints >= 1, orgs >= 1 else { throw ValidationError("--footprints and --orgs must be at least 1") }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      do {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      } catch {
        throw BatchError("cannot create \(out): \(error)")
      }
      try SyntheticData(footprints: footprints, organisationsPerFootprint: orgs, seed: seed).write(to: out)
      Console.out("wrote \(footprints) footprints × \(orgs) organisations to \(out)\n")
    }
  }
}
