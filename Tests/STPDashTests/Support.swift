import DashModel
import Foundation
// The shared test helpers (csvParse, seeded randomness) in every file of this target.
@_exported import TestSupport

/// Whether these tests run under a sanitizer (scripts/test sets its
/// options for the build it made with one): memory bounds meant for a
/// plain build allow for the sanitizer's shadow memory.
enum Sanitizer {
  static var active: Bool {
    let env = ProcessInfo.processInfo.environment
    return env["TSAN_OPTIONS"] != nil || env["ASAN_OPTIONS"] != nil
  }
}

/// Runs the built `stpdash` binary and captures what it prints.
enum Binary {
  static var repoRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// The binary under test: the one built with the tests, or another build
  /// named by `STPDASH_TEST_BINARY` (to show a regression test failing on
  /// the build before a fix).
  static var path: String {
    if let other = ProcessInfo.processInfo.environment["STPDASH_TEST_BINARY"], !other.isEmpty { return other }
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
      // Inside an .xctest bundle on some platforms: walk up to the build folder.
      for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("stpdash").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = dir.deletingLastPathComponent()
      }
    }
    return repoRoot.appendingPathComponent(".build/debug/stpdash").path
  }

  struct Result {
    var status: Int32
    var out: String
    var err: String
  }

  /// Runs `stpdash` with arguments, stdin from /dev/null, in `directory`.
  @discardableResult
  static func run(_ args: [String], directory: String? = nil, environment: [String: String] = [:]) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: directory ?? repoRoot.path)
    var env = ProcessInfo.processInfo.environment
    env["COLUMNS"] = nil
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
  }
}

extension Binary {
  /// Runs any program with arguments, stdin from /dev/null, with variables
  /// added to the environment.
  static func runProgram(_ program: String, _ args: [String], environment: [String: String] = [:]) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = args
    if !environment.isEmpty {
      p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    p.currentDirectoryURL = repoRoot
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
  }

  /// The user tests drop to when they run as root, so that file permissions apply.
  static let unprivilegedUID = 65534

  /// Runs `stpdash` as an ordinary user: through `setpriv` when the tests run
  /// as root (root may write anywhere), directly otherwise.
  static func runAsUnprivileged(_ args: [String]) throws -> Result {
    guard getuid() == 0 else { return try run(args) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    p.arguments = ["--reuid=\(unprivilegedUID)", "--regid=\(unprivilegedUID)", "--clear-groups", path] + args
    p.currentDirectoryURL = URL(fileURLWithPath: "/")
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
  }
}

/// A copy of the sample data in a temporary folder, to change freely.
struct DataCopy {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    chmod(path, 0o755)
    for name in ["footprints.csv", "organisations.csv", "memberships.csv", "finance.csv", "alignment.csv"] {
      try FileManager.default.copyItem(
        atPath: Binary.repoRoot.appendingPathComponent("sample-data/\(name)").path, toPath: path + "/" + name)
    }
  }

  func read(_ name: String) throws -> String { try String(contentsOfFile: path + "/" + name, encoding: .utf8) }

  func write(_ name: String, _ text: String) throws {
    try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
  }

  func append(_ name: String, _ text: String) throws { try write(name, try read(name) + text) }

  func remove() {
    _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// Splits CSV output into records of fields (no embedded line breaks in these outputs).
func csvRecords(_ text: String) -> [[String]] {
  text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
    var fields: [String] = []
    var current = ""
    var quoted = false
    var chars = Array(String(line).replacingOccurrences(of: "\r", with: ""))
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" {
            current.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          current.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
      i += 1
    }
    fields.append(current)
    chars.removeAll()
    return fields
  }
}

extension Binary {
  /// What a measured run did: its exit status, its output, and the most
  /// memory it held (its peak resident set, VmHWM).
  struct Measured {
    var status: Int32
    var out: [UInt8]
    var err: [UInt8]
    var peakKiB: Int
    var errText: String { String(decoding: err, as: UTF8.self) }
  }

  /// Runs `stpdash` with output to temporary files (so a flood of output
  /// never fills a pipe) and reports its peak memory.
  static func runMeasured(_ args: [String], directory: String? = nil) throws -> Measured {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-run-\(UUID().uuidString)").path
    let outPath = base + ".out"
    let errPath = base + ".err"
    defer {
      unlink(outPath)
      unlink(errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let dir = directory ?? repoRoot.path
    // Through `sh`, which changes to the directory and then becomes stpdash
    // (the same process, so stpdash is measured at the pid spawned).
    let argv = (["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", dir, path] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var env = ProcessInfo.processInfo.environment
    env["COLUMNS"] = nil
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { envp.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
    // The peak is read from /proc while it runs: VmHWM only grows, so the
    // last reading is the peak up to a few milliseconds before the end.
    // (`wait4`'s ru_maxrss will not do: a spawned child counts the memory
    // of the test process it was spawned from before its exec.)
    var status: Int32 = 0
    var peak = 0
    while true {
      let done = waitpid(pid, &status, WNOHANG)
      if done == pid { break }
      if done < 0 && errno != EINTR { break }
      if let hwm = Self.highWaterKiB(pid: pid) { peak = max(peak, hwm) }
      usleep(2_000)
    }
    let exited = (status & 0x7F) == 0
    return Measured(
      status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
      out: Array(FileManager.default.contents(atPath: outPath) ?? Data()),
      err: Array(FileManager.default.contents(atPath: errPath) ?? Data()),
      peakKiB: peak)
  }

  /// A running process's peak resident set in KiB (`VmHWM` in its status).
  static func highWaterKiB(pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
    return nil
  }
}
