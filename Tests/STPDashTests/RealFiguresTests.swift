import Foundation
import Testing

/// The researched figures as a user reads them: JSON, text, the map and
/// the regions, checked against the research files themselves.
@Suite("Real figures, the map and the regions")
struct RealFiguresTests {
  static let reference = Binary.repoRoot.appendingPathComponent("sample-data/reference").path

  func records(_ args: [String]) throws -> (header: [String], rows: [[String]]) {
    let r = try Binary.run(args)
    #expect(r.status == 0, "\(args): \(r.err)")
    let all = csvParse(r.out)
    return (all.first ?? [], Array(all.dropFirst()))
  }

  @Test func theLeagueJSONCarriesEachResearchedGapWithItsSourceAndCaveat() throws {
    let text = try String(contentsOfFile: Self.reference + "/stp_do_nothing_gap_2020_21_sourced.csv", encoding: .utf8)
    let research = csvParse(text)
    let header = try #require(research.first)
    func col(_ n: String) throws -> Int { try #require(header.firstIndex(of: n)) }
    let (code, gap, status, caveat, url) = (
      try col("stp17cd"), try col("do_nothing_gap_2020_21_gbp_m"), try col("status"), try col("caveat"),
      try col("source_url")
    )
    let r = try Binary.run(["league", "--format", "json"])
    #expect(r.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let footprints = try #require(json["footprints"] as? [[String: Any]])
    var reported = 0
    for row in research.dropFirst() {
      let f = try #require(footprints.first { $0["code"] as? String == row[code] }, "\(row[code]) in the league")
      let basis = f["do_nothing_basis"] as? String
      let source = f["do_nothing_source"] as? String ?? ""
      let note = f["do_nothing_note"] as? String
      if ["ok", "unclear", "draft", "conflicting", "suspect"].contains(row[status]) {
        reported += 1
        // One vocabulary: reported, or reported with a caveat when it has one.
        let caveated = !row[caveat].isEmpty || row[status] != "ok"
        #expect(basis == (caveated ? "reported with a caveat" : "reported"), "\(row[code])")
        #expect((f["do_nothing_2020_21_gbp_m"] as? Double) == Double(row[gap]), "\(row[code]): \(row[gap])")
        #expect(source.contains(row[url]), "\(row[code]) names its source")
        if !row[caveat].isEmpty { #expect(note?.contains(row[caveat]) == true, "\(row[code]) carries its caveat") }
        if row[status] != "ok" { #expect(note?.hasPrefix(row[status]) == true, "\(row[code]) says \(row[status])") }
      } else if row[code] == "E54000047" {
        // The second research round's figure: a campaign's summary, with the
        // Success Regime's £163m as its conflicting source.
        reported += 1
        #expect(basis == "reported with a caveat" && (f["do_nothing_2020_21_gbp_m"] as? Double) == 168, "\(row[code])")
        #expect(note?.contains("£163m") == true, "\(row[code]) says what conflicts with it")
      } else {
        #expect(basis == "illustrative", "\(row[code]) is illustrative")
        #expect(note?.hasPrefix(row[status]) == true && note?.contains(row[caveat]) == true, "\(row[code]): the reason")
      }
    }
    #expect(reported == 42)
    let illustrative = footprints.filter { $0["do_nothing_basis"] as? String == "illustrative" }.compactMap {
      $0["name"] as? String
    }
    #expect(Set(illustrative) == ["Devon", "Birmingham and Solihull"])
  }

  @Test func greaterManchesterShowsItsONSPopulationWithItsBasis() throws {
    let r = try Binary.run(["footprint", "greater manchester"], environment: ["LANG": "C.UTF-8"])
    #expect(r.status == 0)
    #expect(r.out.contains("Population  2,869,256†"), "\(r.out)")
    #expect(r.out.contains("ONS mid-2019, not 2016"))
    // Every population of the research's 37 is reported, never unlabelled illustrative.
    let research = csvParse(
      try String(contentsOfFile: Self.reference + "/stp17_population_mid2019.csv", encoding: .utf8))
    let (h, rows) = try records(["league", "--format", "csv"])
    let (code, pop, basis) = (
      try #require(h.firstIndex(of: "code")), try #require(h.firstIndex(of: "population")),
      try #require(h.firstIndex(of: "population_basis"))
    )
    var checked = 0
    for r in research.dropFirst() where !r[2].isEmpty {
      let row = try #require(rows.first { $0[code] == r[0] })
      // ONS mid-2019, not 2016: reported, with that caveat.
      #expect(row[pop] == r[2] && row[basis] == "reported with a caveat", "\(r[0])")
      checked += 1
    }
    #expect(checked == 37)
  }

  @Test func northWestLondonsGapHasOneBasisWordInEveryCSV() throws {
    func word(_ args: [String], where match: ([String: String]) -> Bool, _ column: String) throws -> String? {
      let (h, rows) = try records(args + ["--format", "csv"])
      let row = try #require(rows.first { r in match(Dictionary(uniqueKeysWithValues: zip(h, r))) })
      return Dictionary(uniqueKeysWithValues: zip(h, row))[column]
    }
    let league = try word(["league"], where: { $0["code"] == "E54000027" }, "do_nothing_basis")
    let trajectory = try word(
      ["trajectory", "E54000027"], where: { $0["year"] == "2020/21" && $0["scenario"] == "do_nothing" }, "basis")
    let map = try word(["map"], where: { $0["code"] == "E54000027" }, "basis")
    #expect(league == "reported with a caveat" && trajectory == league && map == league)
    let text = try Binary.run(["trajectory", "E54000027"], environment: ["LANG": "C.UTF-8"])
    #expect(text.out.contains("1,410.0†"))
  }

  @Test func kingsCollegeHospitalsLoansByYearAndTheLeagueSortsByLoans() throws {
    let r = try Binary.run(["org", "RJZ"], environment: ["LANG": "C.UTF-8"])
    #expect(r.status == 0)
    #expect(r.out.contains("DHSC loans, £m"))
    for (year, value) in [("2016/17", "244.4"), ("2017/18", "376.2"), ("2018/19", "510.9")] {
      #expect(r.out.split(separator: "\n").contains { $0.contains(year) && $0.hasSuffix(value) }, "\(year) \(value)")
    }
    let (h, rows) = try records(["league", "--format", "csv", "--sort", "loans"])
    let loans = try #require(h.firstIndex(of: "dhsc_loans_gbp_m"))
    let values = rows.compactMap { Double($0[loans]) }
    #expect(values.count > 30 && values == values.sorted(by: >), "largest loans first")
  }

  @Test func theMapPrintsEveryLabelInItsPlaceWithALegend() throws {
    let r = try Binary.run(["map", "--format", "table"], environment: ["LANG": "C.UTF-8"])
    #expect(r.status == 0)
    let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let legendAt = try #require(lines.firstIndex { $0.hasPrefix("Do-nothing:") })
    let grid = lines[..<legendAt].joined(separator: "\n")
    let hexes = csvParse(
      try String(contentsOfFile: Binary.repoRoot.appendingPathComponent("sample-data/hexmap.csv").path, encoding: .utf8)
    ).dropFirst()
    #expect(hexes.count == 44)
    for h in hexes { #expect(grid.contains(h[3]), "\(h[3]) on the map") }
    // North at the top, south at the bottom; west left of east.
    func line(_ label: String) -> Int { lines.firstIndex { $0.contains(label) } ?? -1 }
    #expect(line("NTW") < line("MAN") && line("MAN") < line("NWL") && line("NWL") < line("COR"))
    let nwl = lines[line("NWL")]
    #expect((nwl.range(of: "GLO")?.lowerBound ?? nwl.endIndex) < (nwl.range(of: "NWL")?.lowerBound ?? nwl.startIndex))
    #expect(lines[legendAt + 1].contains(" to "), "bin edges")
    #expect(!r.out.contains("\u{1B}"), "no terminal codes in a pipe")
    let bad = try Binary.run(["map", "--metric", "name"])
    #expect(bad.status == 64 && bad.err.contains("cannot be coloured by"))
  }

  @Test func theMapAsJSONGivesNumbersAsNumbersWithTheirBasis() throws {
    let r = try Binary.run(["map", "--format", "json"])
    #expect(r.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let hexes = try #require(json["hexes"] as? [[String: Any]])
    #expect(hexes.count == 44)
    let known = hexes.filter { !($0["value"] is NSNull) }
    #expect(known.count >= 40, "most footprints have a reported gap")
    for h in known {
      #expect(h["value"] is NSNumber && !(h["value"] is String), "\(h["code"] ?? "?"): value is a number")
      #expect(h["q"] is NSNumber && h["r"] is NSNumber && h["bin"] is NSNumber)
      #expect(["reported", "reported with a caveat", "illustrative"].contains(h["basis"] as? String ?? ""))
    }
    #expect(known.contains { $0["basis"] as? String == "reported with a caveat" }, "the caveated gaps say so")
    #expect(hexes.allSatisfy { $0["kept"] as? Bool == true })
  }

  @Test func theRegionsAddUpToEngland() throws {
    let (h, rows) = try records(["regions", "--format", "csv"])
    #expect(rows.map { $0[0] } == ["North", "Midlands and East", "London", "South", "England"])
    // Organisations are not summed: a body in two regions counts in each.
    for key in ["do_nothing_2020_21_gbp_m", "plan_2020_21_gbp_m", "savings_at_risk_gbp_m", "footprints"] {
      let i = try #require(h.firstIndex(of: key), "\(key)")
      let parts = rows.prefix(4).compactMap { Double($0[i]) }.reduce(0, +)
      let england = try #require(Double(rows[4][i]))
      #expect(abs(parts - england) < 0.01, "\(key): \(parts) vs \(england)")
    }
    let share = try #require(h.firstIndex(of: "do_nothing_reported_pct"))
    #expect(rows.allSatisfy { (Double($0[share]) ?? -1) >= 0 })
  }

  @Test func validateCountsFiguresByBasisPerFile() throws {
    let r = try Binary.run(["validate"], environment: ["LANG": "C.UTF-8"])
    #expect(r.status == 0)
    #expect(r.out.contains("finance.csv"))
    let line = try #require(r.out.split(separator: "\n").first { $0.contains("finance.csv ") })
    #expect(line.contains("17 with a caveat"), "\(line)")
    #expect(r.out.contains("indicators.csv"))
  }

  @Test func oldDataWithoutTheNewFilesStillLoads() throws {
    let old = Binary.repoRoot.appendingPathComponent("Tests/STPDashTests/Fixtures/synthetic-20x12").path
    let v = try Binary.run(["validate", "--data", old])
    #expect(v.status == 0, "\(v.out)\(v.err)")
    let m = try Binary.run(["map", "--data", old])
    #expect(m.status == 0 && m.out.contains("no map layout"))
  }
}
