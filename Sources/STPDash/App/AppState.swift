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

/// What is computed from the data and settings, kept until they change.
struct Derived {
  var flagSet = FlagSet()
  /// Per-footprint figures that depend on flags (not on delivery or sort).
  var inputs: LeagueInputs?
  /// One row per footprint at the current delivery, before sorting.
  var rows: [LeagueRow] = []
  /// Every footprint in league order under the current sort.
  var ranked: [LeagueRow] = []
  /// The rows shown (region filter applied).
  var visible: [LeagueRow] = []
  /// Totals of the rows shown.
  var total: LeagueRow?
  /// Active flags, newest first.
  var activeFlags: [FlagEvent] = []
  /// Each footprint's name, lower-cased and in search form, made once per load.
  var searchNames: [(lower: String, key: String)] = []
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
  var derived = Derived()

  init(session: Session, size: Size, caps: Capabilities, author: String) {
    self.session = session
    self.size = size
    self.caps = caps
    self.author = author
    refresh()
    league.list.selected = derived.visible.first?.footprint
  }

  /// The screen on top.
  var screen: Screen { route.last ?? .league }

  var theme: Theme { Theme(caps) }
  var glyphs: Glyphs { Glyphs(caps) }

  /// What changed, so only what depends on it is recomputed.
  enum Change {
    /// Data or flags: everything.
    case data
    /// The delivery setting: the rows' figures, then the order.
    case delivery
    /// Sort or region filter: only the order.
    case order
  }

  /// Recomputes what depends on data, flags, delivery, sort and filter.
  mutating func refresh(_ change: Change = .data) {
    if change == .data || derived.inputs == nil {
      let flags = session.flags
      derived.flagSet = flags.activeSet(in: session.dataset)
      derived.activeFlags = flags.active()
      derived.inputs = LeagueTable.inputs(session.analysis, flags: derived.flagSet)
      if derived.searchNames.count != session.dataset.footprints.count {
        derived.searchNames = session.dataset.footprints.map { ($0.name.lowercased(), Dataset.searchKey($0.name)) }
      }
    }
    if change != .order || derived.rows.isEmpty, let inputs = derived.inputs {
      derived.rows = LeagueTable.rows(session.analysis, delivery: delivery, inputs: inputs)
    }
    derived.ranked = LeagueTable.rank(derived.rows, by: league.sort, ascending: league.ascending)
    derived.visible = LeagueTable.filter(derived.ranked, region: league.region)
    derived.total = LeagueTable.total(
      derived.visible, analysis: session.analysis, name: league.region.map { "\($0.name) total" } ?? "England")
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

  /// The members of the footprint screen's footprint, in its sort order.
  func memberRows(_ f: Int) -> [MemberRow] {
    MemberRow.rows(footprint: f, analysis: session.analysis, flags: derived.flagSet, delivery: delivery)
      .sorted(by: members.sort.order(ascending: members.ascending))
  }

  /// Whether an (org, footprint) pair has an unsaved change.
  func isUnsaved(org: String, footprint: String) -> Bool {
    session.pending.contains { $0.org == org && $0.footprint == footprint }
  }
}
