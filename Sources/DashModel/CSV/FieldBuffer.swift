/// The field spans of the record being read, reused from record to record.
///
/// A class whose state lives behind pointers held in `let` properties: the
/// innermost loop of reading a million rows then pays neither copy-on-write
/// checks (as an array would) nor dynamic exclusivity checks (as class `var`
/// properties would).
///
/// At most ``limit`` spans are kept; further fields are only counted, so a
/// line of fifty million commas costs a count, not gigabytes.
package final class FieldBuffer {
  /// The most fields a record may have and still have them all kept.
  package static let limit = 4_096

  /// [count, capacity].
  private let state: UnsafeMutablePointer<Int>
  /// The current storage (replaced when it grows).
  private let storage: UnsafeMutablePointer<UnsafeMutablePointer<CSVFieldSpan>>

  /// Creates a buffer with room for `capacity` fields (it grows as needed).
  package init(capacity: Int = 16) {
    let room = max(1, capacity)
    state = .allocate(capacity: 2)
    state.initialize(to: 0)
    (state + 1).initialize(to: room)
    storage = .allocate(capacity: 1)
    storage.initialize(to: .allocate(capacity: room))
  }

  deinit {
    storage.pointee.deallocate()
    storage.deallocate()
    state.deallocate()
  }

  /// How many fields the current record has.
  @inline(__always)
  package var count: Int { state[0] }

  /// Forgets the fields, keeping the room.
  @inline(__always)
  package func removeAll() { state[0] = 0 }

  /// Adds a field (beyond ``limit``, only counts it).
  @inline(__always)
  package func append(_ field: CSVFieldSpan) {
    let n = state[0]
    state[0] = n + 1
    guard n < Self.limit else { return }
    if n == state[1] { grow() }
    storage.pointee[n] = field
  }

  /// How many fields are kept (``count``, up to ``limit``).
  @inline(__always)
  package var stored: Int { min(state[0], Self.limit) }

  private func grow() {
    let capacity = state[1]
    let bigger = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: storage.pointee, count: min(state[0], capacity))
    storage.pointee.deallocate()
    storage.pointee = bigger
    state[1] = capacity * 2
  }

  /// The field at a position (below `count`).
  @inline(__always)
  package subscript(i: Int) -> CSVFieldSpan { storage.pointee[i] }

  /// The kept fields as an array (for tests and messages).
  package var spans: [CSVFieldSpan] { (0..<stored).map { self[$0] } }
}
