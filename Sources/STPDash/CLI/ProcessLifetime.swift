/// Keeps large loaded data alive until the process exits.
///
/// A batch command loads a dataset, prints, and ends. Letting Swift release
/// a national-scale dataset object by object first (50,000 organisations and
/// their strings) costs about 15 ms for nothing: the system reclaims the
/// whole process at once. Measured in BENCHMARKS.md.
enum ProcessLifetime {
  nonisolated(unsafe) private static var kept: [Any] = []

  /// Holds `value` until the process exits.
  static func keep(_ value: Any) { kept.append(value) }
}
