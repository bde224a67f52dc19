import DashModel
import Foundation
import TestSupport
import Testing

@testable import STPDash

/// What `derive()` keeps between actions equals what it makes from nothing:
/// after every key of seeded random sequences that change refusals (`!`,
/// `x`, `X`, flags), delivery and sorting, the league, its order, the
/// members and the footprint's facts are those of a fresh derivation.
@Suite("Derived state: kept between actions equals made afresh")
struct DeriveIncrementalTests {
  static let keys: [Key] = [
    .char("!"), .char("x"), .char("X"), .char("+"), .char("-"), .char("D"), .char("0"), .char("s"), .char("i"),
    .char("j"), .char("k"), .enter, .escape, .char("3"), .char("1"), .char("5"), .char("R"),
  ]

  @Test(arguments: 1...12)
  func keptEqualsFresh(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    var state = AppFixture.state(flags: AppFixture.someFlags)
    for step in 0..<60 {
      let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &rng)]
      _ = Reducer.reduce(&state, .keyPressed(key), at: AppFixture.time)
      var fresh = state
      fresh.derived = Derived()
      fresh.derive()
      let what = "seed \(seed), step \(step), key \(key)"
      #expect(state.derived.rows == fresh.derived.rows, "rows: \(what)")
      #expect(state.derived.ranked == fresh.derived.ranked, "league order: \(what)")
      #expect(state.derived.visible == fresh.derived.visible, "visible: \(what)")
      #expect(state.derived.total == fresh.derived.total, "total: \(what)")
      #expect(state.derived.members == fresh.derived.members, "members: \(what)")
      #expect(state.derived.wideFacts == fresh.derived.wideFacts, "facts: \(what)")
      #expect(state.derived.organisations == fresh.derived.organisations, "organisations: \(what)")
      if state.derived.rows != fresh.derived.rows { return }
    }
  }
}
