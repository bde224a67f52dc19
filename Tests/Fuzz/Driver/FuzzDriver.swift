import FuzzTargets

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Built two ways. With -DFUZZING and -sanitize=fuzzer (scripts/fuzz), main
// hands over to libFuzzer, which calls the entry points below with the
// target named by STPDASH_FUZZ_TARGET. Otherwise a replay driver: run a
// target over files (a crash the fuzzer saved, a corpus) and say what broke.

/// Writes a line to standard error.
func complain(_ text: String) {
  var bytes = Array(text.utf8)
  _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

#if FUZZING
  /// libFuzzer's own driver, for programs that have their own main.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// The target being fuzzed (set once, before fuzzing starts).
  nonisolated(unsafe) var selected: FuzzTarget = .csv

  /// libFuzzer's entry point: one input for the selected target.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if let failure = selected.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)) {
      complain("stpdash-fuzz: \(selected.rawValue): \(failure)\n")
      abort()
    }
    return 0
  }
#endif

@main
enum Driver {
  static func main() {
    #if FUZZING
      let name = getenv("STPDASH_FUZZ_TARGET").map { String(cString: $0) } ?? ""
      guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        complain("stpdash-fuzz: set STPDASH_FUZZ_TARGET to one of: \(names)\n")
        exit(2)
      }
      selected = target
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, testOneInput))
    #else
      replay(Array(CommandLine.arguments.dropFirst()))
    #endif
  }

  static func replay(_ args: [String]) {
    guard let name = args.first, let target = FuzzTarget(rawValue: name), args.count > 1 else {
      let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
      complain("usage: stpdash-fuzz \(names) FILE...\n")
      exit(64)
    }
    var failed = 0
    for path in args.dropFirst() {
      guard let bytes = readAll(path) else {
        complain("\(path): cannot be read\n")
        failed += 1
        continue
      }
      if let failure = target.run(bytes) {
        print("\(path): \(failure)")
        failed += 1
      }
    }
    print("\(target.rawValue): \(args.count - 1 - failed) of \(args.count - 1) inputs pass")
    exit(failed == 0 ? 0 : 1)
  }

  static func readAll(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&chunk, 1, chunk.count, f)
      if n <= 0 { break }
      out += chunk[0..<n]
    }
    return out
  }
}
