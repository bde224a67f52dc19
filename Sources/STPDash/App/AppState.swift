import DashModel

/// The loaded data: dataset, analysis and flags (saved and not yet saved).
struct Session {
  /// The data directory as the user named it.
  var directory: String
  /// The data as loaded, every date.
  var loaded: Dataset
  /// The data as of the view's day (the same as `loaded` for the latest).
  var dataset: Dataset
  var analysis: Analysis
  var journalPath: String
  /// Flags as read from disk.
  var saved: FlagHistory
  /// Changes made here that could not be written yet (kept until `w` succeeds).
  var pending: [FlagEvent] = []
  /// Problems that did not stop loading (data warnings, corrupt flag lines).
  var warnings: [Problem] = []
  /// Counts changes to the data and to the flags: what is derived from them
  /// is recomputed when these move (see ``Derived``).
  var dataRevision = 0
  var flagsRevision = 0

  /// Saved flags followed by unsaved ones: the state the user sees.
  var flags: FlagHistory { saved.appending(pending).asOf(dataset.asOfDay) }

  /// The first and last dates of the data as loaded: counted on the first
  /// `<` or `>`, then kept (a pass over every stance record).
  private var datedRangeKept: ClosedRange<Day>?? = nil

  /// The first and last dates of the data as loaded.
  mutating func datedRange() -> ClosedRange<Day>? {
    if let kept = datedRangeKept { return kept }
    let range = loaded.datedRange
    datedRangeKept = .some(range)
    return range
  }

  /// Shows the data as known on `day` (`nil`: everything): every figure follows.
  mutating func setAsOf(_ day: Day?) {
    guard day != dataset.asOfDay else { return }
    dataset = loaded.asOf(day)
    analysis = Analysis(dataset)
    dataRevision += 1
    flagsRevision += 1
  }

  init(directory: String, dataset: Dataset, journalPath: String, saved: FlagHistory, warnings: [Problem] = []) {
    self.directory = directory
    self.loaded = dataset
    self.dataset = dataset
    self.analysis = Analysis(dataset)
    self.journalPath = journalPath
    self.saved = saved
    self.warnings = warnings
  }
}

/// A list's selection and scroll position.
struct ListState<Key: Hashable>: Hashable {
  /// The selected row's stable key (a footprint, a membership, …).
  var selected: Key?
  /// The first row shown.
  var scroll = 0
}

/// The league's settings.
struct LeagueState: Hashable {
  var sort: LeagueColumn = .doNothing
  var ascending = false
  var region: Region?
  var list = ListState<FootprintID>()
}

/// The footprint screen's member list.
struct MembersState: Hashable {
  var footprint: FootprintID?
  var sort: MemberColumn = .kind
  var ascending = true
  var list = ListState<MembershipID>()
}

/// The Organisations screen's list.
struct OrganisationsState: Hashable {
  var sort: OrganisationColumn = .savings
  var ascending = false
  var list = ListState<OrganisationID>()
}

/// The Changes screen's list.
struct ChangesState: Hashable {
  var sort: ChangeColumn = .footprint
  var ascending = true
  var list = ListState<String>()
}

/// A line of text being typed: a search, a filter, a go-to, or a flag's reason.
struct TextInput: Hashable {
  enum Purpose: Hashable {
    /// Incremental search; `origin` is the position to return to on Esc.
    case search(origin: Int?)
    /// The reason for flagging an organisation in a footprint.
    case flagReason(org: OrganisationID, footprint: FootprintID)
    /// A filter for a list; `origin` is the filter to return to on Esc.
    case filter(FilterScope, origin: FilterQuery?)
    /// Go to anything: `selected` is the highlighted match.
    case goTo(selected: Int)
    /// Confirming an unflag; the text is its (optional) reason.
    case unflagReason(org: OrganisationID, footprint: FootprintID)
    /// Where to save an export; `overwrite` once the user was told it exists.
    case exportPath(overwrite: String?)
    /// A delivery percentage typed (`%`).
    case delivery

    /// The most text the prompt holds, in bytes of UTF-8: enough for any
    /// name, filter or reason, and a bound on what each key costs.
    var limit: Int {
      switch self {
      case .search, .filter, .goTo: 256
      case .flagReason, .unflagReason: 2000
      case .exportPath: 1024
      case .delivery: 8
      }
    }
  }

  var purpose: Purpose
  var text = ""
  /// The text is a suggestion: the first key typed replaces it (Backspace edits it).
  var suggested = false
}

/// A message on the status line.
struct Notice: Hashable {
  enum Kind: Hashable { case info, ok, error }
  var text: String
  var kind: Kind
}

/// What ``Derived`` was computed from. After every action the state's
/// current inputs are compared with these, and only what depends on a
/// changed input is computed again.
struct DerivedInputs: Equatable {
  var data = -1
  var flags = -1
  var delivery = Delivery.full
  var sort = LeagueColumn.doNothing
  var ascending = false
  var region: Region?
  var membersOf: FootprintID?
  var memberSort = MemberColumn.kind
  var memberAscending = true
  var observed = false
  var assumed: Set<OrganisationID> = []
  var refusing = RefusingRule.refused
  var filters: [FilterScope: FilterQuery] = [:]
  /// Whether the Organisations screen is open (its lines are made only then).
  var organisations = false
  var orgSort = OrganisationColumn.savings
  var orgAscending = false
  var changeSort = ChangeColumn.footprint
  var changeAscending = true
  /// The day the view is as of (`nil`: everything known).
  var asOf: Day?
  /// Whether the Regions screen is open (its summaries are made only then).
  var regions = false
  /// The map's measure while the map is open (its ranking is made only then).
  var mapMetric: LeagueColumn?
  /// What `:` has typed so far, while it is open.
  var goTo: String?
  /// What `/` has typed so far, while it is open.
  var search: String?
}

/// What is computed from the data and settings, kept until they change.
struct Derived {
  /// What the values below were computed from.
  var inputs: DerivedInputs?
  var flagSet = FlagSet()
  /// Per-footprint figures that depend on flags (not on delivery or sort).
  var leagueInputs: LeagueInputs?
  /// The league's inputs made for each refusing rule under the current
  /// flags and assumed refusals (cleared when either changes).
  var inputsByRule: [RefusingRule: LeagueInputs] = [:]
  /// One row per footprint at the current delivery, before sorting.
  var rows: [LeagueRow] = []
  /// Every footprint in league order under the current sort.
  var ranked: [LeagueRow] = []
  /// The rows shown (region filter and `\\` filter applied).
  var visible: [LeagueRow] = []
  /// Totals of the rows shown.
  var total: LeagueRow?
  /// Active flags, newest first, and the stable key of each (see ``FlagKeys``).
  var activeFlags: [FlagEvent] = []
  var activeFlagKeys: [Int] = []
  /// The active flags' keys before the last change, to keep a selection's place.
  var previousFlagKeys: [Int] = []
  /// The Footprint screen's members, in its sort order.
  var members: [MemberRow] = []
  /// Its facts drawn full width (the verdict, pivotal bodies, blockers).
  var wideFacts: [Fact] = []
  /// Each footprint's place in name order (sorting compares integers), made once per load.
  var nameOrder: NameOrder?
  /// Each footprint's name, lower-cased and in search form, made once per load.
  var searchNames = EntityList<Footprint, (lower: String, key: String)>([])
  /// Where each do-nothing gap stands among the footprints' (its colour), made once per load.
  var bands = GapBands(gaps: [])
  /// The data's figures by basis (all files), made once per load.
  var basisCounts = BasisCounts(file: "")
  /// Every organisation (made while the Organisations screen is open).
  var organisations: [OrganisationLine] = []
  /// Those the filter keeps, in the screen's sort order.
  var visibleOrganisations: [OrganisationLine] = []
  /// The active flags the filter keeps, and their keys.
  var visibleFlags: [FlagEvent] = []
  var visibleFlagKeys: [Int] = []
  /// Every footprint ranked by the map's measure (while the map is open).
  var mapRanked: [LeagueRow] = []
  /// The changes the Changes filter keeps, in its sort order.
  var visibleChanges: [ChangeLine] = []
  /// How many changes there are before the filter.
  var changeCount = 0
  /// The regions and England (made while the Regions screen is open).
  var regionSummaries: [RegionSummary] = []
  /// What `:` matches for the text typed so far, best first.
  var goToMatches: [GoTo.Match] = []
  /// How many rows of the current list `/` matches so far.
  var searchCount = 0
}

/// A stable number for each (organisation, footprint) pair of the flags,
/// so the Flags screen selects a flag, not a position.
struct FlagKeys {
  private var ids: [FlagPair: Int] = [:]

  /// The pair's number, given on first sight.
  mutating func key(_ pair: FlagPair) -> Int {
    if let id = ids[pair] { return id }
    let id = ids.count
    ids[pair] = id
    return id
  }
}

/// Everything the dashboard shows, in one value.
struct AppState {
  var session: Session
  var size: Size
  var caps: Capabilities
  /// Recorded as the author of flags made here.
  var author: String
  var route: [Screen] = [.league]
  var league = LeagueState()
  var members = MembersState()
  var orgList = ListState<MembershipID>()
  /// How far the organisation screen's details are scrolled.
  var orgDetailScroll = 0
  /// How far the Regions screen's measures are scrolled.
  var regionsScroll = 0
  var flagsList = ListState<Int>()
  var organisations = OrganisationsState()
  var changes = ChangesState()
  /// The day the view is as of (`<`/`>` step by month, `=` back to the latest); `nil`: everything known.
  var asOf: Day?
  /// Each table's hidden columns (`c`) and sideways scroll (`H`/`L`), by table.
  var tables: [TableName: TableSettings] = [:]
  /// The league column the map is coloured by.
  var mapMetric = LeagueColumn.doNothing
  /// The uniform delivery setting (`+`/`-`/`0`).
  var delivery = Delivery.full
  /// Each footprint at its observed delivery instead (`D`).
  var observed = false
  /// Organisations assumed refusing, for a what-if: this session only, never saved.
  var assumed: Set<OrganisationID> = []
  /// Which recorded stances count as refusing a plan (`!`).
  var refusing = RefusingRule.refused
  /// Each list's filter (`\\`).
  var filters: [FilterScope: FilterQuery] = [:]
  /// What is open over the screen (help, a prompt, …), if anything.
  var overlay: Overlay?
  /// An export made and waiting for its file name.
  var pendingExport: ExportContent?
  /// This session's flag changes, newest last, for `z` to undo: each with
  /// the reason of the flag it replaced or removed (`nil`: there was none).
  var undoable: [(change: FlagDraft, before: String?)] = []
  /// Whether colleagues' changes arrive by themselves (file watching or a
  /// database's notifications work).
  var liveUpdates = true
  /// Every notice shown, newest last (at most ``MessageLog/limit``).
  var messages = MessageLog()
  /// The data files changed on disk since they were loaded (`r` reloads).
  var dataChangedOnDisk = false
  /// Where each tab switch came from, so `Esc` goes back there (as k9s and
  /// lazygit do): the route before, and the route the switch made.
  var tabHistory: [(before: [Screen], made: [Screen])] = []
  var lastSearch = ""
  /// What the status line says (the reducer logs each new one with its time).
  var notice: Notice?
  var quit = false
  /// The last click, to recognise a double click.
  var lastClick: MouseEvent?
  /// Disk work under way, shown on the status line while it runs.
  var busy: String?
  var derived = Derived()
  var flagKeys = FlagKeys()

  init(session: Session, size: Size, caps: Capabilities, author: String) {
    self.session = session
    self.size = size
    self.caps = caps
    self.author = author
    derive()
    league.list.selected = derived.visible.first?.footprint
  }

  /// The screen on top.
  var screen: Screen { route.last ?? .league }

  var theme: Theme { Theme(caps) }
  var glyphs: Glyphs { Glyphs(caps) }

  /// The inputs of ``Derived`` as the state has them now.
  var derivedInputs: DerivedInputs {
    DerivedInputs(
      data: session.dataRevision, flags: session.flagsRevision, delivery: delivery, sort: league.sort,
      ascending: league.ascending, region: league.region, membersOf: members.footprint, memberSort: members.sort,
      memberAscending: members.ascending, observed: observed, assumed: assumed, refusing: refusing, filters: filters,
      organisations: route.contains(.organisations), orgSort: organisations.sort,
      orgAscending: organisations.ascending, changeSort: changes.sort, changeAscending: changes.ascending,
      asOf: asOf, regions: route.contains(.regions), mapMetric: route.contains(.map) ? mapMetric : nil,
      goTo: goToText, search: searchText)
  }

  /// The text `/` has typed, while it is open.
  var searchText: String? {
    guard let input, case .search = input.purpose else { return nil }
    return input.text
  }

  /// The text `:` has typed, while it is open.
  var goToText: String? {
    guard let input, case .goTo = input.purpose else { return nil }
    return input.text
  }

  /// The delivery of every footprint: uniform, or each at its observed rate.
  var scheme: DeliveryScheme { observed ? .observed : .uniform(delivery) }

  /// The delivery setting of one footprint (England: the uniform setting).
  func delivery(footprint f: FootprintID?) -> Delivery {
    guard let f else { return delivery }
    return scheme.delivery(footprint: f, in: session.analysis)
  }

  /// The refusals every figure counts: stances under the rule, flags, and assumed refusals.
  var refusals: Refusals { Refusals(rule: refusing, flags: derived.flagSet, assumed: assumed) }

  /// The delivery as the status line and exports say it.
  var deliveryLabel: String { scheme.setting }

  /// The league's inputs for the refusals: made again when the flags or the
  /// refusing rule change; when only bodies assumed refusing change, made
  /// again for their footprints alone.
  private mutating func deriveRefusals(
    before: DerivedInputs?, now: DerivedInputs, flagsChanged: Bool, dataChanged: Bool
  ) {
    let counted = refusals
    // Inputs made for another rule stay right while the data, the flags
    // and the assumed refusals are unchanged: `!` cycling back to a rule
    // takes them up again instead of counting every member.
    if flagsChanged || before?.assumed != now.assumed { derived.inputsByRule = [:] }
    if !flagsChanged && before?.refusing == now.refusing, let was = before?.assumed, was != now.assumed,
      derived.leagueInputs != nil
    {
      let d = session.dataset
      let footprints = Set(
        was.symmetricDifference(now.assumed).flatMap { o in
          d.membershipsOfOrganisation[o].map { d.memberships[$0].footprint }
        })
      derived.leagueInputs?.update(footprints, refusals: counted, analysis: session.analysis)
    } else if flagsChanged || before?.assumed != now.assumed || before?.refusing != now.refusing {
      if let kept = derived.inputsByRule[now.refusing] {
        derived.leagueInputs = kept
      } else {
        // The members' order by holding is the data's, made on the first
        // change of refusals after a load (a load, or another day, counts
        // once as a batch command does) and kept until the data changes.
        derived.leagueInputs = LeagueTable.inputs(
          session.analysis, refusals: counted,
          holdings: dataChanged ? nil : derived.leagueInputs?.holdings ?? Holdings(session.analysis))
      }
    }
    if let inputs = derived.leagueInputs { derived.inputsByRule[now.refusing] = inputs }
  }

  /// Puts the league in the order asked for.
  private mutating func rank(rowsChanged: Bool) {
    if rowsChanged || derived.ranked.count != derived.rows.count {
      derived.ranked = LeagueTable.rank(
        derived.rows, by: league.sort, ascending: league.ascending, names: derived.nameOrder)
      return
    }
    // Only the order asked for changed: the ranked rows are the same rows,
    // put in the new order where they are. The shown rows, which may share
    // their storage, let go of it first; copying every row again from the
    // unranked ones cost most of a re-sort.
    derived.visible = []
    var ranked: [LeagueRow] = []
    swap(&ranked, &derived.ranked)
    derived.ranked = LeagueTable.rank(
      consume ranked, by: league.sort, ascending: league.ascending, names: derived.nameOrder)
  }

  /// Brings ``Derived`` up to date: the one place it is computed. Each part
  /// is recomputed only when an input it depends on has changed, so calling
  /// this after every action costs nothing when nothing it reads changed.
  mutating func derive() {
    let now = derivedInputs
    let before = derived.inputs
    if now == before { return }
    let dataChanged = before?.data != now.data
    let flagsChanged = dataChanged || before?.flags != now.flags
    if flagsChanged {
      let flags = session.flags
      derived.flagSet = flags.activeSet(in: session.dataset)
      derived.activeFlags = flags.active()
      derived.previousFlagKeys = derived.activeFlagKeys
      derived.activeFlagKeys = derived.activeFlags.map { flagKeys.key($0.pair) }
    }
    let assumedChanged = before?.assumed != now.assumed || before?.refusing != now.refusing
    deriveRefusals(before: before, now: now, flagsChanged: flagsChanged, dataChanged: dataChanged)
    if dataChanged {
      derived.basisCounts = session.dataset.basisCounts.reduce(into: BasisCounts(file: "all")) {
        $0.reported += $1.reported
        $0.caveat += $1.caveat
        $0.illustrative += $1.illustrative
      }
      derived.bands = GapBands(session.analysis)
      derived.nameOrder = NameOrder(session.dataset)
      derived.searchNames = EntityList(
        session.dataset.footprints.map { ($0.name.lowercased(), Dataset.searchKey($0.name)) })
    }
    let deliveryChanged = before?.delivery != now.delivery || before?.observed != now.observed
    let rowsChanged = flagsChanged || assumedChanged || deliveryChanged
    let keepOrder = deriveRows(
      before: before, now: now,
      changed: (data: dataChanged, refusals: flagsChanged || assumedChanged, delivery: deliveryChanged))
    let filtersChanged = before?.filters != now.filters
    let rankChanged = rowsChanged || before?.sort != now.sort || before?.ascending != now.ascending
    if rankChanged && !keepOrder { rank(rowsChanged: rowsChanged) }
    if rankChanged || before?.region != now.region || filtersChanged {
      derived.visible = LeagueReport.visible(derived.ranked, region: league.region, filter: filters[.league])
      derived.total = LeagueTable.total(
        derived.visible, analysis: session.analysis, name: LeagueReport.totalName(league.region))
    }
    if rowsChanged || before?.membersOf != now.membersOf || before?.memberSort != now.memberSort
      || before?.memberAscending != now.memberAscending || filtersChanged
    {
      derived.members = members.footprint.map(computeMemberRows) ?? []
    }
    if rowsChanged || before?.membersOf != now.membersOf {
      derived.wideFacts = members.footprint.map(computeWideFacts) ?? []
    }
    let orgsChanged = rowsChanged || before?.organisations != now.organisations
    if orgsChanged {
      derived.organisations =
        now.organisations
        ? OrganisationTable.lines(session.analysis, delivery: scheme, refusals: refusals) : []
    }
    if orgsChanged || filtersChanged || before?.orgSort != now.orgSort || before?.orgAscending != now.orgAscending {
      let d = session.dataset
      var lines = derived.organisations
      if let q = filters[.organisations] { lines = lines.filter { q.matches(.organisation($0, dataset: d)) } }
      derived.visibleOrganisations = lines.sorted(
        by: organisations.sort.order(ascending: organisations.ascending, dataset: d))
    }
    if flagsChanged || filtersChanged {
      let d = session.dataset
      if let q = filters[.flags] {
        let kept = derived.activeFlags.indices.filter { q.matches(.flag(derived.activeFlags[$0], dataset: d)) }
        derived.visibleFlags = kept.map { derived.activeFlags[$0] }
        derived.visibleFlagKeys = kept.map { derived.activeFlagKeys[$0] }
      } else {
        derived.visibleFlags = derived.activeFlags
        derived.visibleFlagKeys = derived.activeFlagKeys
      }
    }
    deriveChanges(before: before, now: now, dataChanged: dataChanged)
    deriveMapRanking(before: before, now: now, rowsChanged: rowsChanged)
    if rowsChanged || before?.regions != now.regions {
      derived.regionSummaries =
        now.regions
        ? RegionsPresenter.summaries(
          derived.rows, analysis: session.analysis, delivery: scheme, refusals: refusals) : []
    }
    if dataChanged || before?.goTo != now.goTo {
      derived.goToMatches = now.goTo.map { GoTo.matches(self, $0) } ?? []
    }
    derived.inputs = now
    // Any change may change the list searched: counted again while `/` is
    // open (after the inputs are recorded, so the lists above are used).
    derived.searchCount = now.search.map { Search.count(self, $0) } ?? 0
  }

  /// The league's rows for new refusals or delivery; returns whether the
  /// ranked league kept its order (re-figured in place, not sorted again).
  private mutating func deriveRows(
    before: DerivedInputs?, now: DerivedInputs, changed: (data: Bool, refusals: Bool, delivery: Bool)
  ) -> Bool {
    // New refusals at the same delivery change only a row's refusal
    // figures, and a new delivery only its delivery figures: the rows are
    // re-figured in place, and the league keeps its order unless it is
    // sorted by a figure that changed.
    let rowsChanged = changed.refusals || changed.delivery
    let inPlace = derived.inputs != nil && !changed.data && before?.sort == now.sort
    let refusalsOnly = rowsChanged && !changed.delivery && inPlace
    let deliveryOnly = changed.delivery && !changed.refusals && inPlace
    let keepOrder =
      before?.ascending == now.ascending
      && ((refusalsOnly && !LeagueTable.followsRefusals(league.sort))
        || (deliveryOnly && !LeagueTable.followsDelivery(league.sort)))
    if rowsChanged, let inputs = derived.leagueInputs {
      // The shown rows may share the ranked rows' storage: let go of them
      // first so the ranked rows change in place, not as a copy.
      if keepOrder { derived.visible = [] }
      if refusalsOnly && keepOrder {
        LeagueTable.refresh(&derived.ranked, inputs: inputs)
        LeagueTable.copyFigures(from: derived.ranked, into: &derived.rows)
      } else if refusalsOnly {
        LeagueTable.refresh(&derived.rows, inputs: inputs)
      } else if deliveryOnly && keepOrder {
        LeagueTable.redeliver(&derived.ranked, analysis: session.analysis, scheme: scheme, inputs: inputs)
        LeagueTable.copyFigures(from: derived.ranked, into: &derived.rows)
      } else if deliveryOnly {
        LeagueTable.redeliver(&derived.rows, analysis: session.analysis, scheme: scheme, inputs: inputs)
      } else {
        derived.rows = LeagueTable.rows(session.analysis, delivery: scheme, inputs: inputs)
      }
    }
    return keepOrder
  }

  /// The map's ranking by its measure: made again when the rows or the measure change, while the map is open.
  private mutating func deriveMapRanking(before: DerivedInputs?, now: DerivedInputs, rowsChanged: Bool) {
    guard rowsChanged || before?.mapMetric != now.mapMetric else { return }
    derived.mapRanked =
      now.mapMetric.map {
        LeagueTable.rank(derived.rows, by: $0, ascending: $0.naturallyAscending, names: derived.nameOrder)
      } ?? []
  }

  /// The Changes screen's list: made again when the data (or its date), the filter or the sort change.
  private mutating func deriveChanges(before: DerivedInputs?, now: DerivedInputs, dataChanged: Bool) {
    guard
      dataChanged || before?.filters[.changes] != now.filters[.changes] || before?.changeSort != now.changeSort
        || before?.changeAscending != now.changeAscending
    else { return }
    let d = session.dataset
    derived.visibleChanges = ChangesReport.lines(
      d, filter: filters[.changes], sort: changes.sort, ascending: changes.ascending)
    derived.changeCount = d.disputes.changes.count
  }

  /// The footprint the user is looking at: the one on screen, else the league's selection.
  var focusFootprint: FootprintID? {
    for s in route.reversed() {
      switch s {
      case .footprint(let f): return f
      case .trajectory(let f?): return f
      case .organisation(_, let context?): return context
      case .organisations:
        if let o = organisations.list.selected, let m = session.dataset.membershipsOfOrganisation[o].first {
          return session.dataset.memberships[m].footprint
        }
        continue
      default: continue
      }
    }
    return league.list.selected
  }

  /// A footprint's members in the Footprint screen's sort order: kept in
  /// ``Derived`` for the screen's footprint, computed for any other.
  func memberRows(_ f: FootprintID) -> [MemberRow] {
    if f == members.footprint, derived.inputs == derivedInputs { return derived.members }
    return computeMemberRows(f)
  }

  /// A footprint's facts drawn full width: kept in ``Derived`` for the
  /// Footprint screen's footprint, computed for any other.
  func footprintWideFacts(_ f: FootprintID) -> [Fact] {
    if f == members.footprint, derived.inputs == derivedInputs { return derived.wideFacts }
    return computeWideFacts(f)
  }

  private func computeWideFacts(_ f: FootprintID) -> [Fact] {
    let a = session.analysis
    guard let row = derived.ranked.first(where: { $0.footprint == f }) else { return [] }
    let delivery = delivery(footprint: f)
    return RefusalWords.facts(
      f, analysis: a, row: row, plan: a.blocking(footprint: f, delivery: delivery, refusals: refusals),
      refusals: refusals, delivery: delivery, glyphs: glyphs) + DisputeWords.facts(f, dataset: a.dataset)
  }

  /// The Footprint screen's layout for a footprint (its full-width facts take the lines they need).
  func footprintLayout(_ f: FootprintID) -> Layout.Footprint {
    let lines = FootprintView.wideLines(footprintWideFacts(f), width: size.width).reduce(0) { $0 + $1.count }
    return Layout.Footprint(size, wideLines: lines)
  }

  private func computeMemberRows(_ f: FootprintID) -> [MemberRow] {
    MemberRow.listed(
      footprint: f, analysis: session.analysis, refusals: refusals, delivery: delivery(footprint: f),
      filter: filters[.members], sort: members.sort, ascending: members.ascending)
  }

  /// The active flag with this key, if it is still active.
  func activeFlag(key: Int?) -> FlagEvent? {
    guard let key, let i = derived.activeFlagKeys.firstIndex(of: key) else { return nil }
    return derived.activeFlags[i]
  }

  /// Whether an (org, footprint) pair has an unsaved change.
  func isUnsaved(org: String, footprint: String) -> Bool {
    session.pending.contains { $0.org == org && $0.footprint == footprint }
  }
}
