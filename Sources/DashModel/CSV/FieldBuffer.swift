/// The field spans of the record being read, reused from record to record.
///
/// A class whose state lives behind pointers held in `let` properties: the
/// innermost loop of reading a million rows then pays neither copy-on-write
/// checks (as an array would) nor dynamic exclusivity checks (as class `var`
/// properties would).
package final class FieldBuffer {
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

  /// Adds a field.
  @inline(__always)
  package func append(_ field: CSVFieldSpan) {
    let n = state[0]
    if n == state[1] { grow() }
    storage.pointee[n] = field
    state[0] = n + 1
  }

  private func grow() {
    let capacity = state[1]
    let bigger = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: storage.pointee, count: state[0])
    storage.pointee.deallocate()
    storage.pointee = bigger
    state[1] = capacity * 2
  }

  /// The field at a position (below `count`).
  @inline(__always)
  package subscript(i: Int) -> CSVFieldSpan { storage.pointee[i] }

  /// The fields as an array (for tests and messages).
  package var spans: [CSVFieldSpan] { (0..<count).map { self[$0] } }
}
