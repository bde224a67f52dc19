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
    var state = AppFixture.state(flags: AppFixture.someFlags)
    Self.walk(&state, seed: seed, keys: Self.keys)
  }

  /// The same on the 20-footprint synthetic data, its names made to
  /// collide once lower-cased, with region filters: every column sorted in
  /// both directions while delivery and refusals change underneath.
  @Test(arguments: 1...8)
  func keptEqualsFreshOnSyntheticData(seed: Int) throws {
    let (_, analysis) = try #require(LeagueInPlaceTests.analyses.first { $0.0 == "colliding names" })
    let session = Session(
      directory: "synthetic", dataset: analysis.dataset, journalPath: "/nonexistent/stpdash/flags.csv",
      saved: FlagHistory(events: []))
    var state = AppState(session: session, size: Size(width: 100, height: 30), caps: .full, author: "tester")
    let keys: [Key] = [
      .char("!"), .char("+"), .char("-"), .char("D"), .char("s"), .char("s"), .char("S"), .char("i"), .char("R"),
      .char("j"), .char("0"), .char("5"),
    ]
    Self.walk(&state, seed: seed, keys: keys)
  }

  static func walk(_ state: inout AppState, seed: Int, keys: [Key]) {
    var rng = SeededGenerator(seed: UInt64(seed))
    for step in 0..<60 {
      let key = keys[Int.random(in: 0..<keys.count, using: &rng)]
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
