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

/// `stpdash bench-ui`: how fast the dashboard is on a data directory, without
/// a terminal: time to the first frame, and CPU time per key press.
struct BenchUICommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-ui",
    abstract: "Measure the dashboard: first frame and CPU per key press (for BENCHMARKS.md).",
    shouldDisplay: false)

  @OptionGroup var data: DataOptions

  @Flag(name: .long, help: "Stop after the first frame (to time the whole process from outside).")
  var firstFrameOnly = false

  @Option(name: .long, help: "Key presses per kind.") var keys = 200

  @Option(name: .long, help: "Time only the kinds whose name starts with this (to profile one).")
  var only: String?

  func run() throws {
    try runBatch { () throws(BatchError) in
      let start = PhaseTimer.now()
      let directory = try data.directory()
      let session: Session
      switch SessionLoader.load(directory: directory, journalPath: data.flagsPath(directory: directory)) {
      case .failure(let f): throw BatchError(Workspace.describe(f))
      case .success(let s): session = s
      }
      ProcessLifetime.keep(session)
      let size = Size(width: 100, height: 30)
      var state = AppState(session: session, size: size, caps: .full, author: "bench")
      let frame = AppView.render(state)
      let firstFrame = PhaseTimer.now() - start
      ProcessLifetime.keep(frame)
      if firstFrameOnly {
        Console.out(
          "first frame \(ms(firstFrame)) ms after start (load and draw), \(state.derived.visible.count) rows\n")
        return
      }
      func measure(_ name: String, _ sequence: [Key]) -> String {
        if let only, !name.hasPrefix(only) { return "" }
        var cpu: [Double] = []
        for k in sequence {
          let t0 = processCPU()
          _ = Reducer.reduce(&state, .keyPressed(k), at: WallTime(seconds: 0))
          let buf = AppView.render(state)
          cpu.append(processCPU() - t0)
          if buf.width == 0 { return "" }
        }
        cpu.sort()
        let median = cpu[cpu.count / 2]
        let p95 = cpu[min(cpu.count - 1, cpu.count * 95 / 100)]
        return
          "\(name): \(sequence.count) keys, CPU per key median \(ms(median)) ms, 95th \(ms(p95)) ms, max \(ms(cpu.last ?? 0)) ms"
      }
      var lines = [
        "first frame: \(ms(firstFrame)) ms after start (load, analyse, draw 100x30), \(state.derived.visible.count) league rows"
      ]
      lines.append(measure("move (j, k)", (0..<keys).map { $0 % 3 == 2 ? .char("k") : .char("j") }))
      lines.append(measure("page (PgDn, PgUp)", (0..<keys).map { $0 % 2 == 0 ? .pageDown : .pageUp }))
      lines.append(measure("re-sort (s, i)", (0..<keys).map { $0 % 4 == 3 ? .char("i") : .char("s") }))
      lines.append(measure("delivery (+, -)", (0..<keys).map { $0 % 2 == 0 ? .char("+") : .char("-") }))
      lines.append(measure("search (/ name, Enter)", Array((AppFixtureKeys.search).prefix(keys))))
      // Whatever the search left open is closed first.
      _ = Reducer.reduce(&state, .keyPressed(.escape), at: WallTime(seconds: 0))
      if state.input != nil || state.screen != .league {
        throw BatchError("bench-ui: the league is not ready for keys")
      }
      lines.append(measure("refusing setting (!)", (0..<keys).map { _ in .char("!") }))
      // A month back and forward: the data as known then, every figure again.
      lines.append(measure("as of a month (<, >)", (0..<keys).map { $0 % 2 == 0 ? .char("<") : .char(">") }))
      // On a footprint's screen (its power to block counted for every frame):
      // assume members refusing and back, moving down the list.
      _ = Reducer.reduce(&state, .keyPressed(.char("g")), at: WallTime(seconds: 0))
      _ = Reducer.reduce(&state, .keyPressed(.enter), at: WallTime(seconds: 0))
      lines.append(
        measure("assume refusing (x, x, j), footprint", (0..<keys).map { $0 % 3 == 2 ? .char("j") : .char("x") }))
      lines.append(measure("delivery (+, -), footprint", (0..<keys).map { $0 % 2 == 0 ? .char("+") : .char("-") }))
      Console.out(lines: lines.filter { !$0.isEmpty })
    }
  }

  func ms(_ seconds: Double) -> String { NumberFormat.fixed(seconds * 1000, decimals: 2, grouping: false) }

  /// CPU time of the process, every thread, in seconds (a league of
  /// thousands has its rows made on two threads: both count).
  func processCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}

/// Key sequences for the search measurement.
enum AppFixtureKeys {
  static let search: [Key] = (0..<40).flatMap { i -> [Key] in
    [.char("/")] + "footprint \(i * 7)".map { Key.char($0) } + [.enter]
  }
}
