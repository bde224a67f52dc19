import PropertyBased
import Testing

/// A seeded random number generator (SplitMix64), so a failing random test
/// can be run again with the same numbers: the seed is in its message.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  /// A generator that starts from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next number (splitmix64).
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Checks a property on `count` values drawn from a generator with a fixed
/// seed: the same cases on every run, and a failure names its case and seed.
/// `body` returns `nil` when the property holds, or what went wrong.
public func seededCheck<Value, Shrinks: SendableSequenceType>(
  _ generator: Generator<Value, Shrinks>, count: Int = 300, seed: UInt64,
  sourceLocation: SourceLocation = #_sourceLocation, _ body: (Value) -> String?
) {
  var rng = Xoshiro(seed: (seed, seed ^ 0x5DEE_CE66, ~seed, 0x2545_F491_4F6C_DD1D))
  for i in 0..<count {
    let value = generator.run(using: &rng)
    if let failure = body(value) {
      Issue.record(
        "case \(i) of seed \(seed): \(failure)\ninput: \(String(reflecting: value))", sourceLocation: sourceLocation)
      return
    }
  }
}

/// Text of every awkward kind: separators and quotes, line ends, tabs and
/// spaces, C0 and C1 controls, direction controls, a formula's first
/// characters, wide and combining characters, emoji and joiners, marks that
/// join what follows, the byte-order mark.
public enum AwkwardText {
  static let pools: [ClosedRange<UInt32>] = [
    0x20...0x7E, 0x20...0x7E, 0x20...0x7E,  // plain ASCII, most often
    0x2C...0x2C, 0x22...0x22, 0x0A...0x0A, 0x0D...0x0D, 0x09...0x09, 0x20...0x20, 0x3D...0x3D,
    0x00...0x1F, 0x7F...0x7F, 0x80...0x9F, 0xA0...0xFF,
    0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200F, 0x061C...0x061C,
    0x0300...0x036F, 0x0600...0x0605, 0x0D4E...0x0D4E, 0xFE0F...0xFE0F, 0xFEFF...0xFEFF,
    0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x1F300...0x1FAFF, 0x2028...0x2029,
    0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0x200D...0x200D,  // flags, skin tones, joiners
  ]

  /// Strings of up to `length` awkward scalars.
  public static func string(
    length: ClosedRange<Int>
  ) -> Generator<String, Generator<UInt64, Shrink.Integer<UInt64>>.ArrayShrink> {
    Gen<UInt64>.uint64().array(of: length).map { draws -> String in
      var s = String.UnicodeScalarView()
      for d in draws {
        let pool = pools[Int(d % UInt64(pools.count))]
        let span = UInt64(pool.upperBound - pool.lowerBound) + 1
        if let u = Unicode.Scalar(pool.lowerBound + UInt32((d >> 8) % span)) { s.append(u) }
      }
      return String(s)
    }
  }
}
