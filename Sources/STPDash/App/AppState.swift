import DashModel

/// The loaded data: dataset, analysis and flags (saved and not yet saved).
struct Session {
  /// The data directory as the user named it.
  var directory: String
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
  var flags: FlagHistory { saved.appending(pending) }

  init(directory: String, dataset: Dataset, journalPath: String, saved: FlagHistory, warnings: [Problem] = []) {
    self.directory = directory
    self.dataset = dataset
    self.analysis = Analysis(dataset)
    self.journalPath = journalPath
    self.saved = saved
    self.warnings = warnings
  }
}

/// A list's selection and scroll position.
struct ListState: Hashable {
  /// The selected row's stable key (footprint index, membership index, …).
  var selected: Int?
  /// The first row shown.
  var scroll = 0
}

/// The league's settings.
struct LeagueState: Hashable {
  var sort: LeagueColumn = .doNothing
  var ascending = false
  var region: Region?
  var list = ListState()
}

/// The footprint screen's member list.
struct MembersState: Hashable {
  var footprint: Int?
  var sort: MemberColumn = .kind
  var ascending = true
  var list = ListState()
}

/// A line of text being typed: a search, or a flag's reason.
struct TextInput: Hashable {
  enum Purpose: Hashable {
    /// Incremental search; `origin` is the selection to return to on Esc.
    case search(origin: Int?)
    /// The reason for flagging an organisation in a footprint.
    case flagReason(org: Int, footprint: Int)
  }

  var purpose: Purpose
  var text = ""
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
  var membersOf: Int?
  var memberSort = MemberColumn.kind
  var memberAscending = true
}

/// What is computed from the data and settings, kept until they change.
struct Derived {
  /// What the values below were computed from.
  var inputs: DerivedInputs?
  var flagSet = FlagSet()
  /// Per-footprint figures that depend on flags (not on delivery or sort).
  var leagueInputs: LeagueInputs?
  /// One row per footprint at the current delivery, before sorting.
  var rows: [LeagueRow] = []
  /// Every footprint in league order under the current sort.
  var ranked: [LeagueRow] = []
  /// The rows shown (region filter applied).
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
  /// Each footprint's name, lower-cased and in search form, made once per load.
  var searchNames: [(lower: String, key: String)] = []
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
  var orgList = ListState()
  /// How far the organisation screen's details are scrolled.
  var orgDetailScroll = 0
  var flagsList = ListState()
  var delivery = Delivery.full
  var showHelp = false
  var input: TextInput?
  var lastSearch = ""
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
      memberAscending: members.ascending)
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
      derived.leagueInputs = LeagueTable.inputs(session.analysis, flags: derived.flagSet)
    }
    if dataChanged {
      derived.searchNames = session.dataset.footprints.map { ($0.name.lowercased(), Dataset.searchKey($0.name)) }
    }
    let rowsChanged = flagsChanged || before?.delivery != now.delivery
    if rowsChanged, let inputs = derived.leagueInputs {
      derived.rows = LeagueTable.rows(session.analysis, delivery: delivery, inputs: inputs)
    }
    let rankChanged = rowsChanged || before?.sort != now.sort || before?.ascending != now.ascending
    if rankChanged {
      derived.ranked = LeagueTable.rank(derived.rows, by: league.sort, ascending: league.ascending)
    }
    if rankChanged || before?.region != now.region {
      derived.visible = LeagueTable.filter(derived.ranked, region: league.region)
      derived.total = LeagueTable.total(
        derived.visible, analysis: session.analysis, name: league.region.map { "\($0.name) total" } ?? "England")
    }
    if rowsChanged || before?.membersOf != now.membersOf || before?.memberSort != now.memberSort
      || before?.memberAscending != now.memberAscending
    {
      derived.members = members.footprint.map(computeMemberRows) ?? []
    }
    derived.inputs = now
  }

  /// The footprint the user is looking at: the one on screen, else the league's selection.
  var focusFootprint: Int? {
    for s in route.reversed() {
      switch s {
      case .footprint(let f): return f
      case .trajectory(let f?): return f
      case .organisation(_, let context?): return context
      default: continue
      }
    }
    return league.list.selected
  }

  /// A footprint's members in the Footprint screen's sort order: kept in
  /// ``Derived`` for the screen's footprint, computed for any other.
  func memberRows(_ f: Int) -> [MemberRow] {
    if f == members.footprint, derived.inputs == derivedInputs { return derived.members }
    return computeMemberRows(f)
  }

  private func computeMemberRows(_ f: Int) -> [MemberRow] {
    MemberRow.rows(footprint: f, analysis: session.analysis, flags: derived.flagSet, delivery: delivery)
      .sorted(by: members.sort.order(ascending: members.ascending))
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
