import Dispatch

/// Work over independent items, on two threads when there is enough of it
/// to pay for the hand-off. The one place the analysis decides to thread.
package enum Parallel {
  /// Below this much work (items × their cost) one thread is quicker, and
  /// spends less CPU: a key press on a league of a thousand stays cheap.
  package static let threshold = 25_000

  /// Forces one thread (tests compare both paths with it).
  @TaskLocal package static var serial = false

  /// `transform` of each of `0..<count`, in order; `cost` is what one item
  /// weighs against the threshold (a footprint's trajectory sums its ~50
  /// members' figures; a league row reads a dozen).
  package static func map<T>(_ count: Int, cost: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard !serial, count >= 2, count * max(1, cost) >= threshold else { return (0..<count).map(transform) }
    // Each thread writes its half of one array in place: no halves joined
    // into a third array (at national scale, megabytes of league rows).
    let half = (count + 1) / 2
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let out = Disjoint(base: buffer.baseAddress)
      DispatchQueue.concurrentPerform(iterations: 2) { part in
        guard let base = out.base else { return }
        for i in part == 0 ? 0..<half : half..<count { (base + i).initialize(to: transform(i)) }
      }
      initialized = out.base == nil ? 0 : count
    }
  }

  /// Two independent pieces of work, one on each thread; their results.
  package static func both<A, B>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    let done = map(2, cost: threshold) { lane -> (A?, B?) in lane == 0 ? (a(), nil) : (nil, b()) }
    guard let first = done[0].0, let second = done[1].1 else { return (a(), b()) }
    return (first, second)
  }

  /// A buffer two threads write at once, each only at its own places
  /// (here, the halves of one array; the analysis, each its footprints'
  /// members): what makes the sharing safe is that promise, not a lock.
  struct Disjoint<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>?
  }
}
