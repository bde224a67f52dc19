import DashModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the fuzzer drives: each target takes any bytes, runs one part of
/// STPDash on them and checks what must hold whatever the bytes are.
///
/// A target returns `nil` when all is well and a description of what broke
/// otherwise; the fuzzing driver turns that into a crash libFuzzer records,
/// and the test suite replays the committed corpora through the same calls.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The CSV scanner: bounded progress, fields inside the input, and what
  /// it reads written back by the CSV writer reads the same again.
  case csv
  /// Each data file in turn, the others valid: in memory and streamed
  /// through tiny windows on two threads, the same answer.
  case footprints, organisations, memberships, finance, alignment
  /// The optional files, the others valid.
  case indicators, hexmap
  /// The dispute files, the others valid.
  case changes, referrals, designations, notes
  /// The whole loader on a directory made from the input (five files
  /// separated by a form-feed line; two more for the optional files).
  case loader
  /// The flag journal: never more than a hundred problems kept, and every
  /// event read back from its own written line exactly.
  case journal
  /// VisibleText and DisplayWidth: nothing that acts on a terminal comes
  /// out, and padding and truncation give the widths they promise.
  case text

  /// Runs the target on one input.
  public func run(_ bytes: UnsafeRawBufferPointer) -> String? {
    let input = Array(bytes.bindMemory(to: UInt8.self))
    switch self {
    case .csv: return CSVTarget.run(input)
    case .footprints, .organisations, .memberships, .finance, .alignment, .indicators, .hexmap, .changes,
      .referrals, .designations:
      return FileTarget.run(input, file: rawValue + ".csv")
    case .notes: return FileTarget.run(input, file: "footprint_notes.csv")
    case .loader: return LoaderTarget.run(input)
    case .journal: return JournalTarget.run(input)
    case .text: return TextTarget.run(input)
    }
  }

  /// Runs the target on an array of bytes.
  public func run(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBytes { run($0) }
  }
}
