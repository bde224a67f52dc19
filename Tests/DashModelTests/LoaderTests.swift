import Foundation
import Testing

@testable import DashModel

@Suite("Loading a data directory")
struct LoaderTests {
  @Test func theBundledSampleDataLoadsWhole() throws {
    let result = DatasetLoader.load(directory: SampleData.path)
    let d = try result.get()
    #expect(d.footprints.count == 44)
    #expect(d.footprints.first?.code == "E54000005")
    #expect(Set(d.footprints.map(\.code)).count == 44)
    #expect(d.footprints.filter { $0.region == .london }.count == 5)
    #expect(d.organisations.filter { $0.kind == .ccg }.count == 209)
    #expect(d.organisations.filter { $0.kind == .acuteTrust }.count == 137)
    #expect(d.organisations.filter { $0.kind == .council }.count == 152)
    #expect(d.warnings.isEmpty)
    // NHS Cumbria CCG is split between two footprints by share.
    let cumbria = try #require(d.organisationID(code: "E38000041"))
    let shares = d.membershipsOfOrganisation[cumbria].map { d.memberships[$0].share }.sorted()
    #expect(shares == [0.3611, 0.6389])
  }

  @Test func columnsInAnyOrderAndUnknownColumnsIgnored() throws {
    let f = Fixture([
      "footprints.csv": "region,extra,name,code\nNorth,x,Alpha Vale,E1\nLondon,y,Beta Coast,E2\n"
    ])
    defer { f.remove() }
    let d = try f.load()
    #expect(d.footprints.map(\.name) == ["Alpha Vale", "Beta Coast"])
    #expect(d.footprints.map(\.region) == [.north, .london])
  }

  @Test func crlfBomAndQuotedNamesLoad() throws {
    let f = Fixture([
      "organisations.csv":
        "\u{FEFF}code,name,kind\r\nC1,\"Alpha, \"\"North\"\" CCG\",ccg\r\nT1,Alpha Trust,acute-trust\r\nK1,Shared Council,council\r\nC2,Beta CCG,ccg\r\nT2,Beta Trust,acute-trust\r\n"
    ])
    defer { f.remove() }
    let d = try f.load()
    #expect(d.organisations[OrganisationID(0)].name == "Alpha, \"North\" CCG")
  }

  @Test func emptyGbpIsNotKnownNeverZero() throws {
    let f = Fixture(["finance.csv": Fixture.finance + "C1,2019/20,outturn,,illustrative,\n"])
    defer { f.remove() }
    let d = try f.load()
    let c1 = d.finance.entity(organisation: try #require(d.organisationID(code: "C1")))
    let y = try #require(FinancialYear(label: "2019/20"))
    #expect(d.finance.hasRow(entity: c1, year: y, scenario: .outturn))
    #expect(d.finance.value(entity: c1, year: y, scenario: .outturn) == nil)
  }

  // The five problems the issue names, each on its own.

  @Test func unterminatedQuoteIsReportedWithFileAndLine() {
    let f = Fixture(["organisations.csv": Fixture.organisations + "\nX9,\"Broken name,ccg\n"])
    defer { f.remove() }
    let p = f.problems()
    #expect(p.contains { $0.file == "organisations.csv" && $0.line == 7 && $0.message.contains("unterminated") })
  }

  @Test func nonNumericMoneyIsReportedWithFileLineAndColumn() {
    let f = Fixture(["finance.csv": Fixture.finance + "C1,2019/20,plan,\"12,3x\",,\n"])
    defer { f.remove() }
    let p = f.problems()
    let hit = p.first { $0.field == "gbp_m" }
    #expect(
      hit?.description == "finance.csv:23: gbp_m \"12,3x\" is not a number (write 1234.5: no thousands separators)")
  }

  @Test func unknownFootprintInMembershipsIsAnError() {
    let f = Fixture(["memberships.csv": Fixture.memberships + "\nC1,E99,1\n"])
    defer { f.remove() }
    let p = f.problems()
    #expect(p.contains { $0.description == "memberships.csv:8: footprint \"E99\" is not in footprints.csv" })
  }

  @Test func duplicateOrganisationCodeIsAnError() {
    let f = Fixture(["organisations.csv": Fixture.organisations + "\nT1,Another Trust,acute-trust\n"])
    defer { f.remove() }
    let p = f.problems()
    #expect(p.contains { $0.description == "organisations.csv:7: duplicate code T1 (first on line 3)" })
  }

  @Test func missingRequiredColumnIsAnError() {
    let f = Fixture(["footprints.csv": "code,name\nE1,Alpha\nE2,Beta\n"])
    defer { f.remove() }
    let p = f.problems()
    #expect(
      p.contains {
        $0.file == "footprints.csv" && $0.line == 1 && $0.message.contains("required column \"region\" is missing")
      })
  }

  @Test func everyProblemIsListedAndNothingLoadsHalfway() {
    let f = Fixture([
      "footprints.csv": "code,name\nE1,Alpha\n",
      "organisations.csv": Fixture.organisations + "\nT1,Again,acute-trust\nX9,\"Open,ccg\n",
      "finance.csv":
        "entity,year,scenario,gbp_m\nC1,2015/16,plan,abc\nC1,2015-16,plan,1\nC1,2016/17,maybe,1\nC1,2030/31,plan,1\n",
    ])
    defer { f.remove() }
    let result = DatasetLoader.load(directory: f.path)
    guard case .failure(let failure) = result else {
      Issue.record("a directory with errors must not load")
      return
    }
    let text = failure.problems.items.map(\.description)
    #expect(
      text.contains("footprints.csv:1: required column \"region\" is missing (the header has \"code\", \"name\")"))
    #expect(text.contains("organisations.csv:7: duplicate code T1 (first on line 3)"))
    #expect(text.contains { $0.hasPrefix("organisations.csv:8:4: unterminated quoted field") })
    #expect(text.contains("finance.csv:2: gbp_m \"abc\" is not a number"))
    #expect(text.contains("finance.csv:3: year \"2015-16\" is not a financial year like 2020/21"))
    #expect(text.contains("finance.csv:4: scenario \"maybe\" is not do_nothing, plan or outturn"))
    #expect(text.contains("finance.csv:5: year 2030/31 is outside the STP period 2015/16 to 2020/21"))
    // Unknown-code checks are skipped when footprints.csv itself is unusable,
    // so one broken header does not bury the real problems.
    #expect(!text.contains { $0.contains("is not in footprints.csv") })
  }

  @Test func badValuesInEveryFileAreNamed() {
    let f = Fixture([
      "footprints.csv": Fixture.footprints + "\nE3,Gamma,Narnia,,12k,,Brilliant\n",
      "memberships.csv": Fixture.memberships + "\nZZ,E1,1\nC2,E1,1.5\nC1,E1,1\n",
      "alignment.csv": Fixture.alignment + "\nC2,E1,aligned,,,\nC1,E1,keen,2016-02-30,,\n",
      "finance.csv": Fixture.finance + "Q1,2015/16,plan,1,,\nC1,2020/21,plan,1,estimated,\nC1,2020/21,plan,1,,\n",
    ])
    defer { f.remove() }
    let text = f.problems().map(\.description)
    #expect(text.contains { $0.hasPrefix("footprints.csv:4: region \"Narnia\" is not one of") })
    #expect(text.contains { $0.hasPrefix("footprints.csv:4: population \"12k\" is not a whole number") })
    #expect(text.contains { $0.hasPrefix("footprints.csv:4: rating \"Brilliant\" is not one of") })
    #expect(text.contains("memberships.csv:8: org \"ZZ\" is not in organisations.csv"))
    #expect(text.contains("memberships.csv:9: share \"1.5\" is not a number above 0 and at most 1"))
    #expect(text.contains("memberships.csv:10: C1 is listed in E1 twice (first on line 2)"))
    #expect(text.contains("alignment.csv:7: C2 is not a member of E1 in memberships.csv, so it has no stance there"))
    #expect(text.contains { $0.hasPrefix("alignment.csv:8: stance \"keen\" is not one of") })
    #expect(
      text.contains("alignment.csv:8: as_of \"2016-02-30\" is not a date like 2016-08-26, 2017-03, 2018 or 2016/17"))
    #expect(text.contains("finance.csv:23: entity \"Q1\" is not a footprint or organisation code"))
    #expect(text.contains("finance.csv:24: basis \"estimated\" is not \"reported\" or \"illustrative\""))
    #expect(text.contains("finance.csv:25: a second row for C1 2020/21 plan (the first is on line 3)"))
    #expect(!text.contains { $0.contains("warning") }, "a rejected row causes no knock-on warnings")
  }

  @Test func sharesAddingUpToMoreThanOneAreAWarningNotAnError() throws {
    let f = Fixture([
      "memberships.csv": Fixture.memberships.replacingOccurrences(of: "K1,E2,0.75", with: "K1,E2,0.9") + "\n"
    ])
    defer { f.remove() }
    let d = try f.load()
    #expect(
      d.warnings.map(\.description) == [
        "memberships.csv:4: warning: the shares of K1 add up to 1.15, more than the whole organisation; its figures are counted more than once"
      ])
  }

  @Test func missingOptionalFilesAreWarningsAndMissingRequiredOnesErrors() throws {
    let f = Fixture(removing: ["alignment.csv", "finance.csv"])
    defer { f.remove() }
    let d = try f.load()
    #expect(d.warnings.map(\.file).sorted() == ["alignment.csv", "finance.csv"])
    let g = Fixture(removing: ["organisations.csv"])
    defer { g.remove() }
    #expect(g.problems().contains { $0.file == "organisations.csv" && $0.message.contains("missing") })
  }

  @Test func aDirectoryThatIsNotThereSaysSo() {
    let result = DatasetLoader.load(directory: "/nonexistent/stpdash-data")
    guard case .failure(let f) = result else {
      Issue.record("expected failure")
      return
    }
    #expect(f.summary == "/nonexistent/stpdash-data: no such directory")
  }

  @Test func stanceHistoryKeepsTheLatestAsCurrent() throws {
    let f = Fixture()
    defer { f.remove() }
    let d = try f.load()
    let t1 = try #require(d.organisationID(code: "T1"))
    let m = try #require(d.membership(org: t1, footprint: FootprintID(0)))
    #expect(d.stance(membership: m) == .refused)
    #expect(d.alignmentHistory[m].map { d.alignment[$0].stance } == [.conditional, .refused])
    let t2 = try #require(d.organisationID(code: "T2"))
    #expect(d.stance(membership: try #require(d.membership(org: t2, footprint: FootprintID(1)))) == .unknown)
  }

  @Test func findsFootprintsByCodeOrPieceOfName() throws {
    let d = try DatasetLoader.load(directory: SampleData.path).get()
    #expect(d.findFootprints("E54000027").map { d.footprints[$0].name } == ["North West London"])
    #expect(d.findFootprints("north west").map { d.footprints[$0].name } == ["North West London"])
    #expect(d.findFootprints("e54000027").count == 1)
    #expect(d.findFootprints("london").count == 5)
    #expect(d.findFootprints("zzz").isEmpty)
  }
}

@Suite("Indicators, the hex map and caveats in the data")
struct ExtraFilesTests {
  @Test func indicatorsAndTheMapLoadAndAreChecked() throws {
    let good = Fixture([
      "indicators.csv": """
      entity,year,indicator,value,unit,basis,source
      T1,2016/17,dhsc_loans_closing_balance,10.5,gbp_m,reported,DHSC
      T1,2018/19,dhsc_loans_closing_balance,30,gbp_m,reported,DHSC
      T2,2018/19,dhsc_loans_closing_balance,4,gbp_m,illustrative,

      """,
      "hexmap.csv": "code,q,r,label\nE1,1,2,AV\nE2,2,1,BC\n",
      "footprints.csv": """
      code,name,region,leader,population,population_basis,rating,note
      E1,Alpha Vale,North,Ann Lead,1000000,reported,Advanced,"ONS mid-2019, not 2016"
      E2,Beta Coast,London,,500000,illustrative,,

      """,
    ])
    defer { good.remove() }
    let d = try good.load()
    #expect(d.indicatorRecords.count == 3 && d.hexes.count == 2 && d.hasHexMapFile)
    #expect(
      d.footprints[FootprintID(0)].note == "ONS mid-2019, not 2016" && d.footprints[FootprintID(0)].populationCaveat)
    let a = Analysis(d)
    let loans = try #require(a.loans[FootprintID(0)])
    #expect(loans.latest?.value == 30 && loans.change == 19.5 && loans.parts == 1)
    let t1 = try #require(d.organisationID(code: "T1"))
    #expect(d.indicators(organisation: t1).map(\.value) == [10.5, 30])

    let bad = Fixture([
      "indicators.csv":
        "entity,year,indicator,value\nXX,2016/17,loans,1\nT1,2016-17,loans,1\nT1,2016/17,loans,1e400\nT1,2017/18,loans,2\nT1,2017/18,loans,3\n",
      "hexmap.csv": "code,q,r,label\nE1,1,1,A\nE1,2,2,B\nE2,1,1,C\nE9,3,3,D\n",
    ])
    defer { bad.remove() }
    let messages = bad.problems().map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix("indicators.csv:2") && $0.contains("\"XX\" is not in footprints.csv or organisations.csv")
      })
    #expect(messages.contains { $0.hasPrefix("indicators.csv:3") && $0.contains("not a financial year") })
    #expect(messages.contains { $0.hasPrefix("indicators.csv:4") && $0.contains("value") })
    #expect(messages.contains { $0.hasPrefix("indicators.csv:6") && $0.contains("a second loans") })
    #expect(messages.contains { $0.hasPrefix("hexmap.csv:3") && $0.contains("a second place") })
    #expect(messages.contains { $0.hasPrefix("hexmap.csv:4") && $0.contains("taken already") })
    #expect(messages.contains { $0.hasPrefix("hexmap.csv:5") && $0.contains("\"E9\" is not in footprints.csv") })
  }

  @Test func withoutTheOptionalFilesNothingIsSaid() throws {
    let f = Fixture()
    defer { f.remove() }
    let d = try f.load()
    #expect(d.warnings.isEmpty && d.indicatorRecords.isEmpty && d.hexes.isEmpty && !d.hasHexMapFile)
  }
}
