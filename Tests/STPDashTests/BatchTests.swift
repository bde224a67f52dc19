import Foundation
import Testing

/// The batch command line, run as a user runs it.
@Suite("Batch commands")
struct BatchTests {
  @Test func leagueCSVHasAHeaderAnd44RowsByDoNothingGap() throws {
    let r = try Binary.run(["league", "--format", "csv"])
    #expect(r.status == 0)
    let rows = csvRecords(r.out)
    #expect(rows.count == 45)
    let header = try #require(rows.first)
    #expect(header.prefix(6) == ["rank", "code", "name", "region", "members", "do_nothing_2020_21_gbp_m"])
    let col = try #require(header.firstIndex(of: "do_nothing_2020_21_gbp_m"))
    let gaps = rows.dropFirst().map { Double($0[col]) ?? -1 }
    #expect(gaps == gaps.sorted(by: >), "largest gap first")
    #expect(rows[1][2] == "North West London")
    #expect(rows.dropFirst().map { $0[0] } == (1...44).map(String.init))
  }

  @Test func anUnknownSortColumnIsRefusedByName() throws {
    // Every known column's order: SortOrderTests.
    let bad = try Binary.run(["league", "--sort", "height"])
    #expect(bad.status != 0)
    #expect(bad.err.contains("unknown column \"height\""))
  }

  @Test func regionFilterGivesTheFiveLondonFootprints() throws {
    let r = try Binary.run(["league", "--region", "London", "--format", "csv"])
    let rows = csvRecords(r.out).dropFirst()
    #expect(rows.count == 5)
    #expect(Set(rows.map { $0[3] }) == ["London"])
    #expect(
      Set(rows.map { $0[2] }) == [
        "North West London", "North Central London", "North East London", "South East London", "South West London",
      ])
  }

  @Test func trajectoryShowsEnglandsSixYearsAndDeliveryMovesThePlan() throws {
    let full = csvRecords(try Binary.run(["trajectory", "--format", "csv"]).out)
    #expect(full.count == 25, "header + 6 years × 3 scenarios + 6 years of the plan with refusals")
    #expect(full.filter { $0[3] == "plan_with_refusals" }.count == 6)
    #expect(Set(full.dropFirst().map { $0[0] }) == ["E92000001"])
    #expect(Set(full.dropFirst().map { $0[2] }) == ["2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21"])
    let half = csvRecords(try Binary.run(["trajectory", "--delivery", "50", "--format", "csv"]).out)
    func value(_ rows: [[String]], _ year: String, _ scenario: String) -> Double? {
      rows.first { $0[2] == year && $0[3] == scenario }.flatMap { Double($0[4]) }
    }
    for year in ["2016/17", "2020/21"] {
      let dn = try #require(value(full, year, "do_nothing"))
      let plan = try #require(value(full, year, "plan"))
      let halfPlan = try #require(value(half, year, "plan"))
      #expect(abs(halfPlan - (plan + dn) / 2) < 0.01, "halfway back towards do-nothing in \(year)")
      #expect(value(half, year, "do_nothing") == dn)
    }
    let table = try Binary.run(["trajectory"])
    #expect(table.out.contains("2020/21"))
    #expect(table.out.contains("Do-nothing £m"))
    #expect(table.out.contains("England (E92000001)"))
  }

  @Test func footprintListsNorthWestLondonsMembersWithEalingAndHammersmithRefused() throws {
    let r = try Binary.run(["footprint", "E54000027"])
    #expect(r.status == 0)
    let lines = r.out.split(separator: "\n").map(String.init)
    let ealing = try #require(lines.first { $0.hasPrefix("Ealing ") })
    #expect(ealing.contains("council"))
    #expect(ealing.contains("1.00"))
    #expect(ealing.contains("refused "), "a reported refusal carries no illustrative mark")
    let hf = try #require(lines.first { $0.hasPrefix("Hammersmith and Fulham ") })
    #expect(hf.contains("refused "))
    let csv = csvRecords(try Binary.run(["footprint", "north west", "--format", "csv"]).out)
    let header = try #require(csv.first)
    #expect(header.contains("kind") && header.contains("share") && header.contains("stance"))
    let refused = csv.filter { $0[5] == "refused" && $0[6] == "reported" }.map { $0[2] }
    #expect(Set(refused) == ["Ealing", "Hammersmith and Fulham"])
  }

  @Test func footprintNamesMustBeUnambiguous() throws {
    let r = try Binary.run(["footprint", "london"])
    #expect(r.status == 1)
    #expect(r.err.contains("matches 5 footprints"))
    let none = try Binary.run(["footprint", "atlantis"])
    #expect(none.err.contains("no footprint matches \"atlantis\""))
  }

  @Test func validatePassesOnTheSampleData() throws {
    let r = try Binary.run(["validate"])
    #expect(r.status == 0)
    #expect(r.out.contains("OK: 44 footprints, 498 organisations"))
  }

  @Test func validateListsEveryProblemAndExitsOne() throws {
    let d = try DataCopy()
    defer { d.remove() }
    try d.append("organisations.csv", "X1,\"Unclosed,ccg\n")
    let financeLine = try d.read("finance.csv").split(separator: "\n").count + 1
    try d.append("finance.csv", "E38000001,2020/21,outturn,\"12,3x\",illustrative,,\n")
    try d.append("memberships.csv", "E38000001,E54000099,1\n")
    try d.append("organisations.csv", "")
    let orgs = try d.read("organisations.csv")
    try d.write(
      "organisations.csv",
      orgs.replacingOccurrences(of: "X1,\"Unclosed,ccg\n", with: "E38000002,Duplicate,ccg,\nX1,\"Unclosed,ccg\n"))
    let fps = try d.read("footprints.csv")
    try d.write("footprints.csv", fps.replacingOccurrences(of: "code,name,region,", with: "code,name,"))
    let r = try Binary.run(["validate", "--data", d.path])
    #expect(r.status == 1)
    #expect(
      r.out.contains(
        "footprints.csv:1: required column \"region\" is missing (the header has \"code\", \"name\", \"leader\""))
    #expect(r.out.contains("organisations.csv:500: duplicate code E38000002 (first on line 3)"))
    #expect(r.out.contains("organisations.csv:501:4: unterminated quoted field"))
    #expect(r.out.contains("finance.csv:\(financeLine): gbp_m \"12,3x\" is not a number"))
    #expect(r.err.contains("errors"))
    #expect(r.err.contains("nothing was loaded"))
    // With footprints.csv fixed, the unknown footprint is reported too.
    try d.write("footprints.csv", fps)
    let again = try Binary.run(["validate", "--data", d.path])
    #expect(again.out.contains("memberships.csv:513: footprint \"E54000099\" is not in footprints.csv"))
  }

  @Test func aMissingDataDirectoryIsNamed() throws {
    let r = try Binary.run(["league", "--data", "/nonexistent/data"])
    #expect(r.status == 1)
    #expect(r.err.contains("cannot load /nonexistent/data"))
    #expect(r.err.contains("no such directory"))
  }

  @Test func withoutDataItFindsTheBundledSampleFromASubfolder() throws {
    let r = try Binary.run(
      ["league", "--format", "csv"], directory: Binary.repoRoot.appendingPathComponent("Sources").path)
    #expect(r.status == 0)
    #expect(csvRecords(r.out).count == 45)
    let elsewhere = try Binary.run(["validate"], directory: "/", environment: ["STPDASH_DATA": ""])
    // From / the binary's own location still leads to the bundled data.
    #expect(elsewhere.status == 0)
  }

  @Test func pipedOutputNeverCarriesTerminalEscapes() throws {
    let d = try DataCopy()
    defer { d.remove() }
    let fps = try d.read("footprints.csv")
    try d.write(
      "footprints.csv",
      fps.replacingOccurrences(of: "North West London,", with: "\"North West \u{1B}[31mLondon\u{7}\","))
    let orgs = try d.read("organisations.csv")
    try d.write(
      "organisations.csv",
      orgs.replacingOccurrences(of: "E09000009,Ealing,", with: "E09000009,\"=HYPERLINK(\"\"x\"\")\","))
    for args in [
      ["league"], ["league", "--format", "csv"], ["league", "--format", "json"], ["footprint", "E54000027"],
      ["footprint", "E54000027", "--format", "csv"], ["org", "E09000009"],
    ] {
      let r = try Binary.run(args + ["--data", d.path])
      #expect(r.status == 0, "\(args)")
      #expect(
        !r.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(args) wrote a control character")
    }
    let table = try Binary.run(["league", "--data", d.path], environment: ["COLUMNS": "200"])
    #expect(table.out.contains("North West ^[[31mLondon^G"), "shown, not obeyed")
    let csv = try Binary.run(["footprint", "E54000027", "--format", "csv", "--data", d.path])
    #expect(csv.out.contains("\"'=HYPERLINK(\"\"x\"\")\""), "a formula is neutralised for spreadsheets")
  }

  @Test func jsonIsWellFormed() throws {
    for args in [
      ["league", "--format", "json"], ["footprint", "E54000027", "--format", "json"],
      ["trajectory", "--format", "json"], ["org", "E09000009", "--format", "json"],
    ] {
      let r = try Binary.run(args)
      #expect(r.status == 0)
      #expect((try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) != nil, "\(args) prints valid JSON")
    }
    let league = try Binary.run(["league", "--format", "json"])
    let obj = try #require(try JSONSerialization.jsonObject(with: Data(league.out.utf8)) as? [String: Any])
    #expect((obj["footprints"] as? [Any])?.count == 44)
  }

  @Test func tablesFitTheWidth() throws {
    for width in [60, 80, 100, 140] {
      let r = try Binary.run(["league"], environment: ["COLUMNS": String(width)])
      let widest =
        r.out.split(separator: "\n").filter { !$0.hasPrefix("*") && !$0.contains("sorted by") }.map { $0.count }.max()
        ?? 0
      #expect(widest <= width, "COLUMNS=\(width): widest line \(widest)")
    }
  }

  @Test func theLeagueIsTheSameWhateverTheColumnOrder() throws {
    // The bundled data, and a synthetic national-scale-like directory
    // (quoted names and sources, empty figures, split organisations).
    let synth = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-synth-\(UUID().uuidString)")
      .path
    defer { try? FileManager.default.removeItem(atPath: synth) }
    #expect(try Binary.run(["synth", "--footprints", "60", "--orgs", "12", "--seed", "3", "--out", synth]).status == 0)
    for directory in [Binary.repoRoot.appendingPathComponent("sample-data").path, synth] {
      let permuted = try permutedCopy(of: directory)
      defer { try? FileManager.default.removeItem(atPath: permuted) }
      let a = try Binary.run(["league", "--format", "csv", "--data", directory])
      let b = try Binary.run(["league", "--format", "csv", "--data", permuted])
      #expect(a.status == 0 && b.status == 0, "\(b.err)")
      #expect(a.out == b.out, "the same league from columns in reverse order plus an unknown one (\(directory))")
      #expect(a.out.split(whereSeparator: \.isNewline).count > 40)
    }
  }
}
