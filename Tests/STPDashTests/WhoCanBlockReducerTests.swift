import DashModel
import Testing

@testable import STPDash

/// The Organisations screen, assumed refusals, observed delivery, go-to and
/// filters, key by key through the reducer.
@Suite("Reducer: organisations, what-ifs, go-to and filters")
struct WhoCanBlockReducerTests {
  let nwl = AppFixture.footprint("E54000027")
  let ealing = AppFixture.organisation("E09000009")
  let kent = AppFixture.organisation("E10000016")

  func atRisk(_ s: AppState, _ f: FootprintID) -> Double { s.derived.rows.first { $0.footprint == f }?.atRisk ?? -1 }

  @Test func fiveShowsEveryOrganisationLargestSavingsFirst() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("5")])
    #expect(s.route == [.league, .organisations])
    #expect(s.derived.visibleOrganisations.count == AppFixture.dataset.organisations.count)
    let savings = s.derived.visibleOrganisations.map { $0.savings ?? -.infinity }
    #expect(savings == savings.sorted(by: >))
    #expect(s.organisations.list.selected == s.derived.visibleOrganisations.first?.org)
    // Enter opens the selected organisation in its main footprint.
    AppFixture.send(&s, [.enter])
    guard case .organisation(let o, let context) = s.screen else {
      Issue.record("Enter opens an organisation, not \(s.screen)")
      return
    }
    #expect(o == s.derived.visibleOrganisations.first?.org)
    #expect(context == s.derived.visibleOrganisations.first?.footprints.first)
    // Sorting by name, then inverted.
    AppFixture.send(&s, [.escape, .char("S")])
    #expect(s.organisations.sort == .footprint)
    AppFixture.send(&s, Array(repeating: .char("S"), count: 3))
    #expect(s.organisations.sort == .name)
    let names = s.derived.visibleOrganisations.map { $0.name.lowercased() }
    #expect(names == names.sorted(), "A to Z")
    AppFixture.send(&s, [.char("i")])
    #expect(s.derived.visibleOrganisations.first?.name.lowercased() == names.last)
  }

  @Test func xAssumesARefusalAndXClearsThemAll() {
    var s = AppFixture.state()
    let d = AppFixture.dataset
    let membership = d.membershipsOfOrganisation[kent][0]
    let f = d.memberships[membership].footprint
    let base = atRisk(s, f)
    let held = s.session.analysis.membershipSavings[membership] ?? 0
    #expect(held > 0)
    GoTo.open(&s, .organisation(kent))
    AppFixture.send(&s, [.char("x")])
    #expect(s.assumed == [kent])
    #expect(abs(atRisk(s, f) - base - held) < 1e-9, "at risk grows by exactly Kent's savings")
    #expect(s.notice?.text.contains("assuming Kent refuses") == true)
    #expect(AppView.render(s).lines.last?.contains("1 assumed refusing") == true)
    AppFixture.send(&s, [.char("x")])
    #expect(s.assumed.isEmpty, "x again stops assuming")
    AppFixture.send(&s, [.char("x"), .char("X")])
    #expect(s.assumed.isEmpty)
    #expect(abs(atRisk(s, f) - base) < 1e-9, "X restores savings at risk")
    // Never a flag, never saved.
    #expect(s.session.pending.isEmpty && s.derived.activeFlags.isEmpty)
  }

  @Test func dRunsEachFootprintAtItsObservedRateAndPlusMinusAndZeroReturn() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("D")])
    #expect(s.observed)
    let a = s.session.analysis
    for r in s.derived.rows {
      guard let f = r.footprint else { continue }
      #expect(r.delivery == (a.observedDelivery[f] ?? .full), "\(r.name) at its own rate")
    }
    #expect(Set(s.derived.rows.map(\.delivery)).count > 1, "footprints differ")
    let rendered = AppView.render(s).lines.joined(separator: "\n")
    #expect(rendered.contains("delivery observed"))
    AppFixture.send(&s, [.char("-")])
    #expect(!s.observed && s.delivery.percent == 100, "- returns to one setting first")
    AppFixture.send(&s, [.char("-"), .char("-")])
    #expect(s.delivery.percent == 80)
    AppFixture.send(&s, [.char("0")])
    #expect(s.delivery == .full && !s.observed)
  }

  @Test func goToFindsFootprintsAndOrganisationsAndOpensTheChosenOne() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char(":")] + AppFixture.typed("ealing"))
    let matches = GoTo.matches(s, "ealing")
    #expect(matches.map(\.code) == ["E09000009", "E38000048"], "the council first (its name starts so), then the CCG")
    AppFixture.send(&s, [.down, .enter])
    #expect(s.input == nil)
    guard case .organisation(let o, let context) = s.screen else {
      Issue.record("opens an organisation")
      return
    }
    #expect(AppFixture.dataset.organisations[o].code == "E38000048")
    #expect(context == nwl)
    // A footprint by code, from any screen; o does the same as :.
    AppFixture.send(&s, [.char("o")] + AppFixture.typed("E54000005") + [.enter])
    #expect(s.screen == .footprint(AppFixture.footprint("E54000005")))
    // Esc returns to where it was, nothing opened.
    AppFixture.send(&s, [.char(":")] + AppFixture.typed("kent") + [.escape])
    #expect(s.screen == .footprint(AppFixture.footprint("E54000005")) && s.input == nil)
    // Nothing matching: says so.
    AppFixture.send(&s, [.char(":")] + AppFixture.typed("zzzz") + [.enter])
    #expect(s.notice?.text.contains("nothing matches") == true)
  }

  @Test func filtersKeepWhatTheySayAndEscClearsThem() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("5"), .char("\\")] + AppFixture.typed("kind:council stance:refused") + [.enter])
    let kept = s.derived.visibleOrganisations
    #expect(!kept.isEmpty)
    #expect(kept.allSatisfy { $0.kind == .council && $0.stance == .refused })
    #expect(s.notice?.text.contains("\(kept.count) kept") == true)
    let screen = AppView.render(s).lines.joined(separator: "\n")
    #expect(screen.contains("\(kept.count) of 498 organisations · filter \\kind:council stance:refused"))
    #expect(kept.contains { $0.org == s.organisations.list.selected }, "the selection stays on a kept row")
    // Prefixes and negation.
    AppFixture.send(&s, [.char("\\"), .ctrl("u")] + AppFixture.typed("k:coun !st:ref") + [.enter])
    #expect(s.derived.visibleOrganisations.allSatisfy { $0.kind == .council && $0.stance != .refused })
    // A term that does not read is refused, and the prompt stays.
    AppFixture.send(&s, [.char("\\"), .ctrl("u")] + AppFixture.typed("colour:red") + [.enter])
    #expect(s.notice?.kind == .error && s.input != nil)
    AppFixture.send(&s, [.escape])
    #expect(s.filters[.organisations] == nil, "Esc clears")
    #expect(s.derived.visibleOrganisations.count == 498)
    // \ then Enter on nothing clears too.
    AppFixture.send(&s, [.char("\\")] + AppFixture.typed("pivotal") + [.enter])
    #expect(s.derived.visibleOrganisations.allSatisfy { $0.pivotal })
    AppFixture.send(&s, [.char("\\"), .ctrl("u"), .enter])
    #expect(s.filters[.organisations] == nil)
  }

  @Test func theLeagueMembersAndFlagsTakeFiltersToo() {
    var s = AppFixture.state(flags: AppFixture.someFlags)
    AppFixture.send(&s, [.char("\\")] + AppFixture.typed("region:London") + [.enter])
    #expect(s.derived.visible.count == 5 && s.derived.visible.allSatisfy { $0.region == .london })
    #expect(s.derived.total?.name == "England" || s.derived.total != nil)
    AppFixture.send(&s, [.char("\\")] + AppFixture.typed(" pivotal") + [.enter])
    #expect(s.derived.visible.allSatisfy { $0.pivotal > 0 && $0.region == .london })
    AppFixture.send(&s, [.char("\\"), .ctrl("u"), .enter, .char("3")])
    AppFixture.send(&s, [.char("\\")] + AppFixture.typed("kind:council") + [.enter])
    #expect(!s.derived.members.isEmpty && s.derived.members.allSatisfy { $0.kind == .council })
    AppFixture.send(&s, [.char("4"), .char("\\")] + AppFixture.typed("region:North") + [.enter])
    #expect(s.derived.visibleFlags.count < s.derived.activeFlags.count)
  }

  @Test func searchMatchesCodesAndCountsMatches() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("/")] + AppFixture.typed("E54000005"))
    #expect(s.league.list.selected == AppFixture.footprint("E54000005"))
    AppFixture.send(&s, [.enter])
    AppFixture.send(&s, [.char("/")] + AppFixture.typed("london"))
    #expect(Search.count(s, "london") == 5)
    #expect(AppView.render(s).lines.last?.contains("5 matches") == true)
  }
}

/// The message log, unflag confirmation, undo and the quit prompt, through the reducer.
@Suite("Reducer: the message log, undo and quitting with unsaved flags")
struct FlagSafetyReducerTests {
  @Test func mShowsEveryNoticeNewestFirstAndKeepsTheLast200() {
    var s = AppFixture.state()
    AppFixture.send(&s, [.char("+"), .char("R"), .char("x")])
    #expect(s.messages.entries.map(\.text).contains { $0.hasPrefix("plans deliver 110%") })
    #expect(s.messages.entries.map(\.text).contains { $0.hasPrefix("showing North only") })
    AppFixture.send(&s, [.char("M")])
    #expect(s.overlay == .messages(scroll: 0))
    let screen = AppView.render(s).lines.joined(separator: "\n")
    #expect(screen.contains("Messages, newest first"))
    #expect(screen.contains("09:00:00  x does nothing here"), "the newest first, with the time it happened")
    let newest = screen.range(of: "x does nothing here")?.lowerBound
    let older = screen.range(of: "showing North only")?.lowerBound
    #expect(newest != nil && older != nil && newest! < older!)
    AppFixture.send(&s, [.char("j")])
    #expect(s.overlay == .messages(scroll: 0), "all of it shows: j keeps it open, nothing to scroll")
    AppFixture.send(&s, [.char("x")])
    #expect(s.overlay == nil, "any other key closes it")
    for i in 0..<250 { s.messages.add(Notice(text: "message \(i)", kind: .info), at: AppFixture.time) }
    #expect(s.messages.entries.count == MessageLog.limit)
    #expect(s.messages.entries.last?.text == "message 249" && s.messages.entries.first?.text == "message 50")
  }

  @Test func unflagAsksForConfirmationAndZUndoesByAppending() {
    let flag = FlagEvent(
      kind: .flag, org: "E09000009", footprint: "E54000027", reason: "first", author: "ana",
      time: "2016-09-01T09:00:00Z")
    var s = AppFixture.state(flags: [flag])
    AppFixture.send(&s, [.char("4")])
    var effects = Reducer.reduce(&s, .keyPressed(.char("u")), at: AppFixture.time)
    #expect(effects.isEmpty, "nothing is saved before confirming")
    #expect(
      s.input?.purpose
        == .unflagReason(
          org: AppFixture.organisation("E09000009"),
          footprint: AppFixture.footprint("E54000027")))
    AppFixture.send(&s, AppFixture.typed("agreed"))
    effects = Reducer.reduce(&s, .keyPressed(.enter), at: AppFixture.time)
    guard case .saveFlags(let drafts, _)? = effects.first else {
      Issue.record("Enter saves the unflag")
      return
    }
    #expect(drafts.map(\.kind) == [.unflag] && drafts.first?.reason == "agreed")
    let saved = drafts.map {
      FlagEvent(
        kind: $0.kind, org: $0.org, footprint: $0.footprint, reason: $0.reason, author: $0.author,
        time: "2016-09-02T09:00:00Z")
    }
    _ = Reducer.reduce(&s, .flagSaved(saved, nil), at: AppFixture.time)
    effects = Reducer.reduce(&s, .keyPressed(.char("z")), at: AppFixture.time)
    guard case .saveFlags(let undo, _)? = effects.first else {
      Issue.record("z saves the opposite event")
      return
    }
    #expect(undo.map(\.kind) == [.flag] && undo.first?.reason == "first", "the flag comes back with its reason")
    _ = Reducer.reduce(&s, .keyPressed(.char("z")), at: AppFixture.time)
    #expect(s.notice?.text.hasPrefix("nothing to undo") == true)
  }

  @Test func quittingWithUnsavedChangesAsks() {
    var s = AppFixture.state()
    s.session.pending = [
      FlagEvent(
        kind: .flag, org: "E09000009", footprint: "E54000027", reason: "r", author: "a", time: "2016-09-01T09:00:00Z")
    ]
    AppFixture.send(&s, [.char("q")])
    #expect(!s.quit && s.overlay == .confirmQuit)
    #expect(s.notice?.text.contains("w retries · q quits") == true && s.notice?.text.contains("Esc stays") == true)
    AppFixture.send(&s, [.escape])
    #expect(!s.quit && s.overlay == nil)
    AppFixture.send(&s, [.ctrl("c"), .ctrl("c")])
    #expect(s.quit, "a second Ctrl-C quits")
    let csv = UnsavedFlags.csv(s.session.pending)
    #expect(csv == "event,org,footprint,reason,author,time\nflag,E09000009,E54000027,r,a,2016-09-01T09:00:00Z\n")
  }
}
