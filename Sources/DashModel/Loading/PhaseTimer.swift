#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock timings of loading phases, printed to standard error when
/// `STPDASH_TIMINGS=1` is set (for profiling; silent otherwise).
package struct PhaseTimer {
  let enabled: Bool
  var last: Double
  let start: Double

  /// A timer that reports only when the environment asks for it.
  package init() {
    enabled = getenv("STPDASH_TIMINGS").map { String(cString: $0) == "1" } ?? false
    start = Self.now()
    last = start
  }

  /// Seconds on the monotonic clock.
  package static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// Reports the time since the last mark, named.
  package mutating func mark(_ name: String) {
    guard enabled else { return }
    let t = Self.now()
    let line = "timing: \(name) \(Int((t - last) * 1_000_000)) µs (total \(Int((t - start) * 1000)) ms)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    last = t
  }
}
