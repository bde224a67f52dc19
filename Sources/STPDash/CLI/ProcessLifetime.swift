/// Keeps large loaded data alive until the process exits.
///
/// A batch command loads a dataset, prints, and ends. Letting Swift release
/// a national-scale dataset object by object first (50,000 organisations and
/// their strings) costs about 15 ms for nothing: the system reclaims the
/// whole process at once. Measured in BENCHMARKS.md.
enum ProcessLifetime {
  private final class Box {
    let value: Any
    init(_ value: Any) { self.value = value }
  }

  /// Holds `value` until the process exits: one reference is kept and never
  /// released, so nothing (and no global) has to remember it.
  static func keep(_ value: Any) { _ = Unmanaged.passRetained(Box(value)) }
}
