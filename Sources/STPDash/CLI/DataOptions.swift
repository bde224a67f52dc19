import ArgumentParser
import DashModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// `--data` and `--flags`, shared by every command.
struct DataOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The data directory (default: the bundled sample-data/).", valueName: "DIR"))
  var data: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The flag journal: a CSV file, or a team's PostgreSQL database as postgresql://USER@HOST:PORT/DB (default: $STPDASH_FLAGS, else flags.csv in the data directory).",
      valueName: "FILE|URL"))
  var flags: String?

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Show the data as known on this day: stances, flags, changes, referrals, designations and ratings dated later are left out, and every figure follows.",
      valueName: "YYYY-MM-DD"))
  var asOf: String?

  func validate() throws {
    if let asOf, Day(iso: asOf.trimmingWhitespace()) == nil {
      throw ValidationError(AsOfWords.malformed(asOf))
    }
  }

  /// The day of `--as-of`, if given.
  var asOfDay: Day? { asOf.flatMap { Day(iso: $0.trimmingWhitespace()) } }

  /// The data directory to use.
  func directory() throws(BatchError) -> String {
    try DataLocation.resolve(explicit: data)
  }

  /// Whether the journal was named (`--flags` or `$STPDASH_FLAGS`), not the default.
  var flagsNamed: Bool {
    flags != nil || !(ProcessInfo.processInfo.environment["STPDASH_FLAGS"] ?? "").isEmpty
  }

  /// The flag journal for a data directory: `--flags`, else `$STPDASH_FLAGS`,
  /// else `flags.csv` in it. A path, or a PostgreSQL URL.
  func flagsPath(directory: String) -> String {
    if let flags { return flags }
    if let env = ProcessInfo.processInfo.environment["STPDASH_FLAGS"], !env.isEmpty { return env }
    return directory.hasSuffix("/") ? directory + "flags.csv" : directory + "/flags.csv"
  }
}

/// Finds the data directory when `--data` is not given.
enum DataLocation {
  /// `--data` if given; else `$STPDASH_DATA`; else the bundled `sample-data/`,
  /// found by walking up from the working directory, then from the binary.
  static func resolve(explicit: String?) throws(BatchError) -> String {
    if let explicit { return explicit }
    if let env = ProcessInfo.processInfo.environment["STPDASH_DATA"], !env.isEmpty { return env }
    for start in [FileManager.default.currentDirectoryPath, executableDirectory()].compactMap({ $0 }) {
      if let found = findSampleData(from: start) { return found }
    }
    throw BatchError(
      "no data directory found: pass --data DIR (a folder with footprints.csv, organisations.csv, memberships.csv, finance.csv, alignment.csv), or run stpdash inside its repository to use the bundled sample-data/"
    )
  }

  static func findSampleData(from start: String) -> String? {
    var dir = URL(fileURLWithPath: start).standardizedFileURL
    for _ in 0..<12 {
      let candidate = dir.appendingPathComponent("sample-data")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("footprints.csv").path) {
        return relativeIfShorter(candidate.path)
      }
      let parent = dir.deletingLastPathComponent()
      if parent.path == dir.path { break }
      dir = parent
    }
    return nil
  }

  static func executableDirectory() -> String? {
    guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
      return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
    }
    return URL(fileURLWithPath: path).deletingLastPathComponent().path
  }

  /// A path relative to the working directory when that reads better.
  static func relativeIfShorter(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if path == cwd + "/sample-data" { return "sample-data" }
    return path
  }
}

/// `--delivery PCT`, shared by the commands that show plans.
struct DeliveryOption: ParsableArguments {
  // Unconditional, so `--delivery -500` is read as a (wrong) number and
  // refused as one, not taken for an option.
  @Option(
    name: .long, parsing: .unconditional,
    help: ArgumentHelp(
      "Percent of planned savings delivered, \(Delivery.minimum)-\(Delivery.maximum), or \"\(DeliveryScheme.observedWord)\": each footprint at the rate its latest outturn shows.",
      valueName: "PCT"))
  var delivery: String = "100"

  func validate() throws {
    guard DeliveryScheme(setting: delivery) == nil else { return }
    if let n = Int(delivery.trimmingWhitespace()), !(Delivery.minimum...Delivery.maximum).contains(n) {
      throw ValidationError("--delivery must be between \(Delivery.minimum) and \(Delivery.maximum)")
    }
    throw ValidationError(
      "--delivery must be a whole percent, \(Delivery.minimum) to \(Delivery.maximum), or \"\(DeliveryScheme.observedWord)\""
    )
  }

  /// Every footprint's delivery.
  var scheme: DeliveryScheme { DeliveryScheme(setting: delivery) ?? .full }

  /// The uniform delivery setting (100 % under `observed`).
  var setting: Delivery { scheme.uniform ?? .full }
}

/// `--assume-refusing`: a what-if in which these bodies refuse the plan in
/// every footprint they belong to (as `x` in the dashboard; never saved);
/// `--refusing`: which stances count as refusing (as `!`).
struct WhatIfOption: ParsableArguments {
  @Option(
    name: .customLong("assume-refusing"),
    help: ArgumentHelp(
      "Assume these organisations refuse (codes or unambiguous names, comma-separated or repeated): their planned savings count as at risk.",
      valueName: "ORG[,ORG…]"))
  var assumeRefusing: [String] = []

  @Option(
    name: .customLong("refusing"),
    help: ArgumentHelp(
      "Which stances count as refusing the plan, besides flags and assumed refusals: refused (the default), dissenting (refused and dissenting), or conditional (those and conditional too).",
      valueName: "STANCES"))
  var refusing: String = RefusingRule.refused.code

  func validate() throws {
    if RefusingRule(code: refusing) == nil {
      throw ValidationError(
        "--refusing must be one of: \(RefusingRule.allCases.map(\.code).joined(separator: ", ")) (got \"\(VisibleText.sanitize(refusing))\")"
      )
    }
  }

  /// The refusals every figure counts: stances under the rule, the active flags, the bodies named.
  func refusals(_ ws: Workspace) throws(BatchError) -> Refusals {
    Refusals(rule: RefusingRule(code: refusing) ?? .refused, flags: ws.flagSet, assumed: try organisations(ws))
  }

  /// The organisations named, resolved against the data.
  func organisations(_ ws: Workspace) throws(BatchError) -> Set<OrganisationID> {
    var out = Set<OrganisationID>()
    for value in assumeRefusing {
      // A whole value first (names may hold commas), then its pieces.
      if ws.dataset.findOrganisations(value).count == 1, let o = try? ws.organisation(value) {
        out.insert(o)
        continue
      }
      for piece in value.split(separator: ",") {
        let p = String(piece).trimmingWhitespace()
        if !p.isEmpty { out.insert(try ws.organisation(p)) }
      }
    }
    return out
  }

  /// Their codes, for what an export records.
  func codes(_ ws: Workspace, _ orgs: Set<OrganisationID>) -> [String] {
    orgs.map { ws.dataset.organisations[$0].code }.sorted()
  }
}
