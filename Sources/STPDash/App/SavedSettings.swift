import DashModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// Where the user left off, per data directory: the screen, sorts, region,
/// filters and delivery. Saved on quitting under `$XDG_STATE_HOME/stpdash/`
/// (default `~/.local/state/stpdash/`), written atomically; read on the next
/// start unless `--fresh`. A file that cannot be read is ignored, and says so.
struct SavedSettings: Codable, Equatable {
  var version = 1
  var screen: String
  var footprint: String?
  var leagueSort: String
  var leagueAscending: Bool
  var region: String?
  var filters: [String: String]
  var delivery: Int
  var observed: Bool
  var mapMetric: String
  var organisationsSort: String
  var organisationsAscending: Bool
  /// Each table's hidden columns and sideways scroll (absent in older files).
  var tables: [String: TableSettings]? = nil
  /// Which stances count as refusing (absent in older files: refused only).
  var refusing: String? = nil
  /// The flag journal used (a path, or a database URL without its password).
  var flags: String? = nil

  init(_ s: AppState) {
    let d = s.session.dataset
    switch s.screen {
    case .trajectory: screen = "trajectory"
    case .footprint: screen = "footprint"
    case .organisation: screen = "footprint"
    case .flags: screen = "flags"
    case .organisations: screen = "organisations"
    case .map: screen = "map"
    case .regions: screen = "regions"
    case .changes: screen = "changes"
    case .league: screen = "league"
    }
    footprint = s.focusFootprint.map { d.footprints[$0].code }
    leagueSort = s.league.sort.key
    leagueAscending = s.league.ascending
    region = s.league.region?.name
    filters = Dictionary(uniqueKeysWithValues: s.filters.map { (Self.name($0.key), $0.value.text) })
    delivery = s.delivery.percent
    observed = s.observed
    refusing = s.refusing.code
    flags = PostgresJournal.withoutPassword(s.session.journalPath)
    mapMetric = s.mapMetric.key
    organisationsSort = s.organisations.sort.key
    organisationsAscending = s.organisations.ascending
    tables = Dictionary(uniqueKeysWithValues: s.tables.map { ($0.key.rawValue, $0.value) })
  }

  static func name(_ scope: FilterScope) -> String {
    switch scope {
    case .league: "league"
    case .members: "members"
    case .organisations: "organisations"
    case .flags: "flags"
    case .changes: "changes"
    }
  }

  /// Puts these settings into a fresh state (whatever no longer fits the data is left as it is).
  func apply(to s: inout AppState) {
    let d = s.session.dataset
    if let c = LeagueColumn(key: leagueSort) { s.league.sort = c }
    s.league.ascending = leagueAscending
    s.league.region = region.flatMap { Region(name: $0) }
    for scope in FilterScope.allCases {
      if let text = filters[Self.name(scope)], case .success(let q) = FilterQuery.parse(text, scope: scope),
        !q.isEmpty
      {
        s.filters[scope] = q
      }
    }
    s.delivery = Delivery(percent: delivery)
    s.observed = observed
    if let r = refusing.flatMap({ RefusingRule(code: $0) }) { s.refusing = r }
    if let c = LeagueColumn(key: mapMetric), MapPresenter.metrics.contains(c) { s.mapMetric = c }
    if let c = OrganisationColumn(key: organisationsSort) { s.organisations.sort = c }
    s.organisations.ascending = organisationsAscending
    for (name, settings) in tables ?? [:] {
      if let t = TableName(rawValue: name) { s.tables[t] = settings }
    }
    s.derive()
    let f = footprint.flatMap { d.footprintID(code: $0) }
    if let f, s.derived.visible.contains(where: { $0.footprint == f }) {
      s.league.list.selected = f
    } else {
      s.league.list.selected = s.derived.visible.first?.footprint
    }
    Lists.reveal(&s, screen: .league)
    switch screen {
    case "trajectory": Navigation.switchTab(&s, .trajectory)
    case "footprint": Navigation.switchTab(&s, .footprint)
    case "flags": Navigation.switchTab(&s, .flags)
    case "organisations": Navigation.switchTab(&s, .organisations)
    case "map": Navigation.switchTab(&s, .map)
    case "regions": Navigation.switchTab(&s, .regions)
    case "changes": Navigation.switchTab(&s, .changes)
    default: break
    }
    s.derive()
  }

  /// The state folder: `$XDG_STATE_HOME/stpdash`, or `~/.local/state/stpdash`.
  static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/stpdash" }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.local/state/stpdash"
  }

  /// The file for a data directory: its absolute path, made a file name.
  static func file(directory: String, folder: String) -> String {
    var path = directory
    if !path.hasPrefix("/") {
      path = FileManager.default.currentDirectoryPath + "/" + path
    }
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    let name = String(path.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    // Long paths keep their end (the directory's own name) and a hash of the whole.
    var hash: UInt64 = 1_469_598_103_934_665_603
    for b in path.utf8 { hash = (hash ^ UInt64(b)) &* 1_099_511_628_211 }
    return folder + "/" + String(name.suffix(120)) + "-" + String(hash, radix: 16) + ".json"
  }

  enum ReadOutcome: Equatable {
    case none
    case settings(SavedSettings)
    case unreadable(String)
  }

  static func read(path: String) -> ReadOutcome {
    guard FileManager.default.fileExists(atPath: path) else { return .none }
    var st = stat()
    guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size < 1 << 20,
      let data = FileManager.default.contents(atPath: path)
    else { return .unreadable("not an ordinary file of at most 1 MB") }
    do {
      let s = try JSONDecoder().decode(SavedSettings.self, from: data)
      guard s.version == 1 else { return .unreadable("written by another version") }
      return .settings(s)
    } catch {
      return .unreadable("not settings STPDash wrote")
    }
  }

  /// Writes atomically: a temporary file beside it, then a rename. The
  /// failure, if any, in the system's words.
  func write(path: String) -> String? {
    let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
    if let f = SafeFile.makeDirectories(folder) { return f.message }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(self) else { return "cannot encode the settings" }
    return SafeFile.write(String(decoding: data, as: UTF8.self), to: path, name: path, overwrite: true)?.message
  }
}
