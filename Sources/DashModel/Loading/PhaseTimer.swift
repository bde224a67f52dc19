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

  /// The resident memory now, from `/proc/self/statm`, and the peak so far
  /// (empty elsewhere).
  static func resident() -> String {
    let fd = open("/proc/self/statm", O_RDONLY)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var text = [UInt8](repeating: 0, count: 96)
    let n = text.withUnsafeMutableBytes { read(fd, $0.baseAddress, 95) }
    guard n > 0 else { return "" }
    let fields = String(decoding: text[0..<n], as: UTF8.self).split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return "" }
    let bytes = pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    // The most resident so far (what /usr/bin/time reports at the end).
    var usage = rusage()
    let peak =
      getrusage(Int32(RUSAGE_SELF.rawValue), &usage) == 0
      ? ", peak \(usage.ru_maxrss >> 10) MiB, \(usage.ru_minflt) page faults, CPU \(cpuMilliseconds(usage)) ms so far"
      : ""
    return ", resident \(bytes >> 20) MiB" + peak
  }

  /// User and system time of every thread so far, in milliseconds (the
  /// CPU a phase took, against its wall time, shows how parallel it ran).
  static func cpuMilliseconds(_ u: rusage) -> Int {
    (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000
  }

  /// Reports the time since the last mark, named, and the resident memory.
  package mutating func mark(_ name: String) {
    guard enabled else { return }
    let t = Self.now()
    let line =
      "timing: \(name) \(Int((t - last) * 1_000_000)) µs (total \(Int((t - start) * 1000)) ms)"
      + Self.resident() + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    last = t
  }
}
