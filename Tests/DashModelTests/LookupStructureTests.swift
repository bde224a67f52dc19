import TestSupport
import Testing

@testable import DashModel

/// The loader's small lookup structures against plain Swift collections:
/// a repeated membership or stance that slipped through would double a
/// footprint's figures, and a wrong code lookup would misfile a row.
@Suite("Lookup structures")
struct LookupStructureTests {
  struct Key: Hashable {
    var org: Int
    var footprint: Int
    var extra: Int32
  }

  /// Which grid slots two chunks of `finance.csv` both wrote, found page
  /// by page of the map: what sets of slots say, for chunks that write two
  /// runs far apart (their footprints' slots and their organisations'),
  /// with repeats anywhere, across pages and at the map's last slot.
  @Test func slotMapsFindEveryRowTwoChunksWrote() {
    var rng = SeededGenerator(seed: 25)
    for count in [1, 64, 33_000, 300_001] {
      var gathered: SlotBitmap? = nil
      var before = Set<Int>()
      for chunk in 0..<5 {
        let map = SlotBitmap(count: count)
        var mine = Set<Int>()
        let runs = [count * chunk / 10, count / 2 + count * chunk / 10]
        for start in runs {
          for slot in start..<min(count, start + Int.random(in: 1...2_000, using: &rng)) { mine.insert(slot) }
        }
        for _ in 0..<20 { mine.insert(Int.random(in: 0..<count, using: &rng)) }
        mine.insert(count - 1)
        for slot in mine { map.insert(slot) }
        guard let all = gathered else {
          gathered = map
          before = mine
          continue
        }
        #expect(Set(all.absorb(map)) == before.intersection(mine), "\(count) slots, chunk \(chunk)")
        before.formUnion(mine)
      }
    }
  }

  @Test func pairSetFindsEveryRepeatAndOnlyRepeats() {
    var rng = SeededGenerator(seed: 44)
    // With extras (stances' days) and without (memberships').
    for (organisations, withExtra) in [0, 1, 7, 200].flatMap({ n in [(n, true), (n, false)] }) {
      var set = PairSet(organisations: organisations, extra: withExtra)
      var model: [Key: Int] = [:]
      for line in 2..<3000 {
        // Mostly in order, as files are; sometimes anywhere, sometimes out of range.
        let org =
          Bool.random(using: &rng)
          ? line * max(organisations, 1) / 3000 : Int.random(in: -1...(organisations + 1), using: &rng)
        let key = Key(
          org: org, footprint: Int.random(in: 0..<4, using: &rng),
          extra: withExtra ? Int32.random(in: 0..<3, using: &rng) : 0)
        let expected = model[key]
        if expected == nil { model[key] = line }
        let got = set.insert(org: key.org, footprint: key.footprint, extra: key.extra, line: line)
        #expect(got == expected)
      }
      // Every key met is still there, with the line it was first met on.
      for (key, first) in model {
        let again = set.insert(org: key.org, footprint: key.footprint, extra: key.extra, line: 9999)
        #expect(again == first)
      }
    }
  }

  @Test func recentKeysAnswerOnlyForTheExactKeyTheyHeld() {
    // Keys from a small pool (more than eight, so entries are replaced),
    // many sharing lengths and edges: a wrong answer would file a row under
    // another source.
    struct Key: Hashable {
      var a: [UInt8]
      var b: [UInt8]
      var flags: Int
    }
    var distinct = Set<Key>()
    for i in 0..<24 {
      let a: [UInt8] = i % 3 == 0 ? [] : Array("source \(i % 7)\(i < 12 ? "" : "x")".utf8)
      let b: [UInt8] = Array((i % 4 == 0 ? "" : "note \(i % 2)").utf8)
      distinct.insert(Key(a: a, b: b, flags: i % 5 == 0 ? 1 : 0))
    }
    // In a fixed order, so the seeded picks are the same every run.
    let pool = distinct.sorted { String(describing: $0) < String(describing: $1) }
    #expect(pool.count > 8)
    var recent = RecentKeys()
    var held: [Key: UInt32] = [:]
    var order: [Key] = []
    var rng = SeededGenerator(seed: 88)
    func find(_ k: Key) -> UInt32? {
      k.a.withUnsafeBufferPointer { a in k.b.withUnsafeBufferPointer { b in recent.find(a, b, flags: k.flags) } }
    }
    for step in 0..<4000 {
      let k = pool[Int.random(in: 0..<pool.count, using: &rng)]
      if let found = find(k) {
        #expect(held[k] == found, "step \(step): \(k) answered \(found)")
      } else {
        let id = UInt32(step + 1)
        k.a.withUnsafeBufferPointer { a in
          k.b.withUnsafeBufferPointer { b in recent.remember(a, b, flags: k.flags, id: id) }
        }
        held[k] = id
        order.append(k)
      }
    }
    // The last eight keys remembered all answer, with their ids.
    for k in order.suffix(8) { #expect(find(k) == held[k]) }
  }

  @Test func intSetKeepsTheFirstLineThroughGrowth() {
    var set = IntSet(capacity: 2)
    var model: [Int64: Int] = [:]
    var rng = SeededGenerator(seed: 44)
    for line in 1..<5000 {
      let key = Int64.random(in: -2000...2000, using: &rng) << 20
      let expected = model[key]
      if expected == nil { model[key] = line }
      let got = set.insert(key, line: line)
      #expect(got == expected)
    }
    let count = set.count
    #expect(count == model.count)
    for (key, first) in model {
      let again = set.insert(key, line: 9999)
      #expect(again == first)
    }
    let stray = set.insert(1, line: 9999)
    #expect(stray == nil)
  }

  @Test func codeLookupWithAHintFindsWhatAPlainLookupFinds() {
    let index = CodeIndex(capacity: 4)
    let codes = (0..<500).map { "C\($0 * 7 % 500)" } + ["", "LONGER-THAN-EIGHT-BYTES", "x"]
    for code in codes { _ = index.insert(code) }
    let lookup = index.lookup
    var hint = -1
    var rng = SeededGenerator(seed: 44)
    let queries = codes + codes.shuffled(using: &rng) + ["C500", "C-1", "nope", "LONGER-THAN-EIGHT-BYTEZ"]
    for query in queries {
      var q = query
      q.withUTF8 { bytes in
        let plain = lookup.find(bytes)
        #expect(lookup.find(bytes, hint: &hint) == plain, "\(query)")
        if let plain { #expect(hint == plain) }
      }
    }
  }

  /// Memberships are kept column by column with shares named by a byte;
  /// each reads back exactly as given, past 256 different shares too.
  @Test func membershipsReadBackExactlyWhateverTheirShares() {
    var rng = SeededGenerator(seed: 2020)
    for distinct in [1, 3, 256, 257, 400] {
      let shares = (0..<distinct).map { i in i == 0 ? 1.0 : Double(i) / Double(distinct) + 1e-13 }
      let list = (0..<1_000).map { i in
        Membership(
          org: OrganisationID(Int.random(in: 0..<5_000, using: &rng)), footprint: FootprintID(i % 44),
          share: shares[i < distinct ? i : Int.random(in: 0..<distinct, using: &rng)])
      }
      let kept = MembershipList(list)
      #expect(kept.count == list.count)
      #expect(Array(kept) == list, "\(distinct) different shares")
      #expect(kept.map(\.share.bitPattern) == list.map(\.share.bitPattern))
    }
    #expect(MembershipList([]).isEmpty)
    // Equal by what they hold, whether their shares are named or whole.
    let few = (0..<300).map { Membership(org: OrganisationID($0), footprint: FootprintID(0), share: 1) }
    let many = few.enumerated().map { i, m in
      Membership(org: m.org, footprint: m.footprint, share: 1 - Double(i) * 1e-9)
    }
    #expect(MembershipList(few) == MembershipList(few))
    #expect(MembershipList(many) != MembershipList(few))
    #expect(MembershipList(Array(many.prefix(1))) == MembershipList(Array(few.prefix(1))))
  }

  /// Text ids are kept in two bytes until one needs more; every id reads
  /// back as written on both sides of the switch.
  @Test func textIDsReadBackAcrossTheSwitchToWideIds() {
    var rng = SeededGenerator(seed: 2017)
    var ids = TextIDs()
    var written: [Int32] = []
    for i in 0..<5_000 {
      let id: Int32 =
        i == 3_000
        ? 70_000 : (i < 3_000 ? Int32.random(in: 0...65_535, using: &rng) : Int32.random(in: 0...1 << 30, using: &rng))
      ids.append(id)
      written.append(id)
      if i == 2_999 { #expect((0..<ids.count).map { ids[$0] } == written) }
    }
    #expect(ids.count == written.count)
    #expect((0..<ids.count).map { ids[$0] } == written)
  }

  @Test func reserveNeverShrinksTheTableBelowItsContents() {
    let index = CodeIndex(capacity: 4)
    for i in 0..<20 { _ = index.insert("K\(i)") }
    index.reserve(0)
    for i in 0..<20 { #expect(index.find("K\(i)") == i) }
    #expect(index.insert("K20") == (20, true))
  }

  @Test func insertingAllAtOnceGivesTheIdsAndRepeatsOfOneByOne() {
    var rng = SeededGenerator(seed: 2016)
    for round in 0..<20 {
      let old = (0..<Int.random(in: 0...30, using: &rng)).map { "F\($0)" }
      // New codes with repeats among themselves and of the old ones, an
      // empty code and long ones.
      let new = (0..<Int.random(in: 1...3000, using: &rng)).map { _ -> String in
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return old.randomElement(using: &rng) ?? "F0"
        case 1: return ""
        case 2: return "LONG-CODE-\(Int.random(in: 0..<50, using: &rng))-PADDING-PADDING"
        default: return "O\(Int.random(in: 0..<2000, using: &rng))"
        }
      }
      let one = CodeIndex(capacity: 4)
      let all = CodeIndex(capacity: 4)
      for c in old {
        _ = one.insert(c)
        _ = all.insert(c)
      }
      var expected: [(position: Int, id: Int)] = []
      for (i, c) in new.enumerated() {
        let (id, inserted) = one.insert(c)
        if !inserted { expected.append((i, id)) }
      }
      let bytes = new.map { Array($0.utf8) }
      let repeats = all.insertAll(count: new.count) { i in bytes[i].withUnsafeBufferPointer { $0 } }
      #expect(repeats.map(\.position) == expected.map(\.position), "round \(round)")
      #expect(repeats.map(\.id) == expected.map(\.id), "round \(round)")
      #expect(all.count == one.count)
      for c in Set(old + new) { #expect(all.find(c) == one.find(c), "\(c), round \(round)") }
      // The same codes in batches of any size (as a file's chunks come),
      // each reusing the room the one before worked in, after room is
      // reserved for some of them or none: the same ids and repeats.
      let batched = CodeIndex(capacity: 4)
      for c in old { _ = batched.insert(c) }
      if Bool.random(using: &rng) { batched.reserve(old.count + Int.random(in: 0...new.count, using: &rng)) }
      var found: [(position: Int, id: Int)] = []
      var start = 0
      while start < new.count {
        let end = min(new.count, start + Int.random(in: 1...1500, using: &rng))
        let batch = batched.insertAll(count: end - start) { i in bytes[start + i].withUnsafeBufferPointer { $0 } }
        found += batch.map { (start + $0.position, $0.id) }
        start = end
      }
      #expect(found.map(\.position) == expected.map(\.position), "batched, round \(round)")
      #expect(found.map(\.id) == expected.map(\.id), "batched, round \(round)")
      for c in Set(old + new) { #expect(batched.find(c) == one.find(c), "\(c), batched, round \(round)") }
    }
  }
}

/// The interner of repeated texts (sources, notes) against a dictionary:
/// equal texts share an id and a string, different ones never do, whether
/// they are written plain or with doubled quotes, and a bad one is refused.
@Suite("Interner")
struct InternerTests {
  @Test func equalTextsShareAnIdAndDifferentOnesNever() throws {
    var rng = SeededGenerator(seed: 7)
    let texts = [
      "ONS mid-2019", "NHS England, 2016", "say \"no\"", "ONS mid-2019 ", "a", "b", "c", "d", "e", "f", "g", "h", "i",
      "j", "Ealing, \"refused\"", "£m", "🇬🇧",
    ]
    var csv = "code,note\n"
    var written: [String] = []
    for i in 0..<600 {
      // Runs of one text (as files have them), and jumps among a dozen and more (past the recent few).
      let text = i % 7 == 0 ? texts[Int.random(in: 0..<texts.count, using: &rng)] : texts[(i / 13) % texts.count]
      written.append(text.trimmingWhitespace())
      let quoted = text.contains(",") || text.contains("\"") || text.hasSuffix(" ") || Bool.random(using: &rng)
      csv += "X\(i)," + (quoted ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text) + "\n"
    }
    var problems = ProblemList()
    let table = try #require(
      CSVTable.open(
        CSVDocument(fileName: "t.csv", bytes: Array(csv.utf8)), required: ["code", "note"], optional: [],
        problems: &problems))
    let interner = Interner()
    var ids: [Int32] = []
    let slot = table.column("note")
    table.forEachRecord(problems: &problems) { row, problems in
      ids.append(interner.id(row, slot, field: "note", file: "t.csv", problems: &problems))
    }
    #expect(problems.items.isEmpty)
    #expect(ids.count == written.count)
    var byText: [String: Int32] = [:]
    for (id, text) in zip(ids, written) {
      #expect(interner.strings[Int(id)] == text, "id \(id) reads back as its text")
      if let earlier = byText[text] { #expect(earlier == id, "\(text) keeps one id") }
      byText[text] = id
    }
    #expect(Set(byText.values).count == byText.count, "different texts never share an id")
    #expect(interner.strings.count == Set(written).count + 1, "one string per distinct text, and the empty one")
  }

  @Test func anEmptyCellIsZeroAndABadOneIsRefused() throws {
    // Control characters are kept (and made visible when shown); bytes that are not UTF-8 are refused.
    let bytes = Array("code,note\nA,\nB,bad ".utf8) + [0xFF, 0xFE] + Array("\nC,fine\n".utf8)
    var problems = ProblemList()
    let table = try #require(
      CSVTable.open(
        CSVDocument(fileName: "t.csv", bytes: bytes), required: ["code", "note"], optional: [], problems: &problems))
    let interner = Interner()
    var ids: [Int32] = []
    table.forEachRecord(problems: &problems) { row, problems in
      ids.append(interner.id(row, table.column("note"), field: "note", file: "t.csv", problems: &problems))
    }
    #expect(ids.first == 0)
    #expect(ids.count == 3 && ids[1] == 0, "a text that is not UTF-8 reads as empty")
    #expect(problems.items.contains { $0.line == 3 && $0.field == "note" }, "and is reported on its line")
    #expect(interner.strings[Int(ids[2])] == "fine")
  }
}
