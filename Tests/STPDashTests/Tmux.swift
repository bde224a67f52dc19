import Foundation
import Testing

/// A private tmux server running a shell, for driving the real binary.
final class Tmux {
  let socket: String
  let target = "e2e"
  static let prompt = "STP-READY$ "
  /// The prompt as a capture shows it (trailing spaces trimmed).
  static let promptText = "STP-READY$"

  /// Starts `sh` in a detached session of the given size, with its own
  /// server (so no user configuration or other session interferes).
  init(width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
    // A name of its own (tests run in parallel: a shared counter raced).
    socket = "stpdash-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    var env = [
      "PS1": Tmux.prompt, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": NSHomeDirectory(),
      // Each session saves its settings apart, so no test starts where another left off.
      "XDG_STATE_HOME": FileManager.default.temporaryDirectory.appendingPathComponent(
        "stpdash-state-\(UUID().uuidString.prefix(8))"
      ).path,
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    // Sanitizer settings reach the binary under test (scripts/test --sanitize).
    for k in ["ASAN_OPTIONS", "TSAN_OPTIONS", "SWIFT_BACKTRACE"] {
      if let v = ProcessInfo.processInfo.environment[k] { env[k] = v }
    }
    for (k, v) in environment { env[k] = v }
    self.environment = env
    var assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Tmux.quote($0.value))" }.joined(separator: " ")
    // Keep the TERM tmux gives its panes unless a test sets one.
    if env["TERM"] == nil { assignments += " TERM=\"$TERM\"" }
    try tmux([
      "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height), "-c",
      Binary.repoRoot.path, "env -i \(assignments) sh",
    ])
    _ = try tmux(["set-option", "-t", target, "status", "off"])
    guard waitFor(Tmux.promptText) else { throw TmuxError(message: "the shell did not start:\n\(capture())") }
    let pids = (try? tmux(["display-message", "-p", "-t", target, "#{pid} #{pane_pid}"], output: true)) ?? ""
    processes = pids.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  /// The environment the shell was started with.
  private(set) var environment: [String: String] = [:]

  /// A variable of the shell's environment.
  func environmentValue(_ name: String) -> String? { environment[name] }

  /// The server's and the shell's process ids.
  private var processes: [Int32] = []

  /// Ends the server and its shell; a server told to stop can otherwise
  /// linger while its interactive shell ignores the hang-up.
  deinit {
    _ = try? tmux(["kill-server"])
    for p in processes.reversed() where p > 1 { kill(p, SIGKILL) }
  }

  static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  /// Runs a tmux client command. Output is read only when asked for: the
  /// server tmux forks on first use would otherwise hold the pipe open.
  @discardableResult
  func tmux(_ args: [String], output: Bool = false) throws -> String {
    try Spawn.run(["tmux", "-L", socket] + args, output: output)
  }

  /// Starts the dashboard from the shell with `arguments` (after the
  /// binary's path), the shell printing `EXIT=` and its status when it
  /// ends; true once the league's whole first frame is on screen: its
  /// tabs and its key bar, the last line drawn (a capture taken as soon as
  /// the tabs arrive can miss rows still on their way, on a busy machine).
  func startDashboard(_ arguments: String = "") -> Bool {
    run("\(Binary.path)\(arguments); echo EXIT=$?")
    return wait { $0.contains("1 League") && $0.contains("? help") }
  }

  /// Types a line into the shell and presses Enter.
  func run(_ command: String) {
    _ = try? tmux(["send-keys", "-t", target, "-l", command])
    _ = try? tmux(["send-keys", "-t", target, "Enter"])
  }

  /// Sends tmux key names (`j`, `Enter`, `Escape`, `C-c`).
  func send(_ keys: String...) {
    for k in keys { _ = try? tmux(["send-keys", "-t", target, k]) }
  }

  /// The screen as text.
  func capture() -> String { (try? tmux(["capture-pane", "-p", "-t", target], output: true)) ?? "" }

  /// The screen with its SGR escapes (colours and attributes).
  func captureWithStyles() -> String { (try? tmux(["capture-pane", "-p", "-e", "-t", target], output: true)) ?? "" }

  /// Whether the application is using the alternate screen.
  var alternateScreen: Bool {
    (try? tmux(["display-message", "-p", "-t", target, "#{alternate_on}"], output: true))?.hasPrefix("1") ?? false
  }

  func resize(width: Int, height: Int) {
    _ = try? tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
  }

  /// Polls the screen until `predicate` holds or the time runs out.
  @discardableResult
  func wait(timeout: Double = 15, _ predicate: (String) -> Bool) -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
      if predicate(capture()) { return true }
      usleep(50_000)
    }
    return predicate(capture())
  }

  @discardableResult
  func waitFor(_ text: String, timeout: Double = 15) -> Bool { wait(timeout: timeout) { $0.contains(text) } }

  @discardableResult
  func waitGone(_ text: String, timeout: Double = 15) -> Bool { wait(timeout: timeout) { !$0.contains(text) } }
}

struct TmuxError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// CPU time (user + system, in clock ticks) of a process.
func cpuTicks(pid: Int32) -> Int? {
  guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
    let close = stat.lastIndex(of: ")")
  else { return nil }
  let fields = stat[stat.index(after: close)...].split(separator: " ")
  // After the command name: state is field 3, utime 14, stime 15 (1-based).
  guard fields.count > 13, let u = Int(fields[11]), let s = Int(fields[12]) else { return nil }
  return u + s
}

/// The CPU ticks a process spends while left alone for `seconds`, measured
/// once it has settled (its ticks unchanged for 200 ms, polled for up to 5 s
/// after start-up work); `nil` if it cannot be read. Idle means no ticks.
func idleTicks(pid: Int32, over seconds: Double) -> Int? {
  let settle = Date().addingTimeInterval(5)
  var last = cpuTicks(pid: pid)
  while Date() < settle {
    usleep(200_000)
    let now = cpuTicks(pid: pid)
    if now == last { break }
    last = now
  }
  guard let before = cpuTicks(pid: pid) else { return nil }
  // The measurement is the wait: what the process does with no input.
  usleep(UInt32(seconds * 1_000_000))
  return cpuTicks(pid: pid).map { $0 - before }
}

/// The pid of the newest process whose command line contains `text`.
func pid(matching text: String) -> Int32? {
  let out = (try? Spawn.run(["pgrep", "-n", "-f", text], output: true)) ?? ""
  return Int32(out.trimmingCharacters(in: .whitespacesAndNewlines))
}

/// Runs a program with posix_spawn and waits for it with waitpid.
enum Spawn {
  /// A C function of the C library's that the Swift module leaves out,
  /// found by name at run time (`nil` where this C library lacks it).
  private static func libc<F>(_ name: String, as _: F.Type) -> F? {
    dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: F.self) }
  }

  /// glibc's `pipe2` (not in the Swift module: it needs `_GNU_SOURCE`).
  private static let pipe2 = libc(
    "pipe2", as: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)

  /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; likewise).
  static let addCloseFrom = libc(
    "posix_spawn_file_actions_addclosefrom_np",
    as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)

  /// A pipe whose ends close on exec, made so at once where the system
  /// can (`pipe2`), else just after.
  static func closeOnExecPipe(_ fds: inout [Int32]) -> Bool {
    if let pipe2 {
      return fds.withUnsafeMutableBufferPointer { b in b.baseAddress.map { pipe2($0, O_CLOEXEC) } ?? -1 } == 0
    }
    guard pipe(&fds) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
  }

  static func run(_ args: [String], output: Bool) throws -> String {
    var fds: [Int32] = [-1, -1]
    // Close-on-exec: a program another test starts at the same moment (a
    // database server, which stays) must not keep this pipe's write end,
    // or the read below would wait for an end that never comes.
    if output { guard Spawn.closeOnExecPipe(&fds) else { throw TmuxError(message: "pipe failed") } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if output {
      posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
      posix_spawn_file_actions_addclose(&actions, fds[0])
      posix_spawn_file_actions_addclose(&actions, fds[1])
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, args[0], &actions, nil, &argv, environ)
    if output { close(fds[1]) }
    guard rc == 0 else {
      if output { close(fds[0]) }
      throw TmuxError(message: "cannot run \(args[0]): \(String(cString: strerror(rc)))")
    }
    var data = [UInt8]()
    if output {
      var buf = [UInt8](repeating: 0, count: 65536)
      while true {
        let n = buf.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
        if n <= 0 { break }
        data += buf[0..<n]
      }
      close(fds[0])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return String(decoding: data, as: UTF8.self)
  }
}

extension Tmux {
  /// From the league: opens North West London (the first row) and selects
  /// Ealing council among its members.
  func selectEaling() {
    send("Enter")
    #expect(waitFor("Organisation"))
    send("/", "e", "a", "l", "i", "n", "g", "Enter", "n")
    #expect(wait { $0.contains("Ealing ") })
  }
}
