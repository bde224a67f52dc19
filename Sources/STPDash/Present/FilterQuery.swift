import DashModel

/// A filter typed after `\` or given to `stpdash orgs --filter`: terms such
/// as `kind:council stance:refused region:London pivotal rating:needs`.
/// Field names and values may be shortened to a prefix (`k:coun`), several
/// terms must all hold, `!` before a term negates it, and a bare word
/// matches a name or code.
struct FilterQuery: Hashable {
  enum Field: String, CaseIterable, Hashable {
    case kind, stance, region, rating, footprint, pivotal, flagged, assumed, name
    /// A change's service, its status, its kind of source; a trust's control-total decision.
    case service, status, source, control
    /// A change referred to the Secretary of State.
    case referred

    /// Fields that hold or do not, with no value.
    var isFlag: Bool { self == .pivotal || self == .flagged || self == .assumed || self == .referred }
  }

  struct Term: Hashable {
    var field: Field
    /// The value as typed, in search form (`nil` for a flag field).
    var value: String?
    var negated: Bool
  }

  /// The text as typed.
  var text: String
  var terms: [Term]

  var isEmpty: Bool { terms.isEmpty }

  /// Parses `text` for a screen offering `fields`; a message naming the term on error.
  static func parse(_ text: String, fields: [Field]) -> Result<FilterQuery, FilterError> {
    var terms: [Term] = []
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      var w = Substring(word)
      var negated = false
      while w.hasPrefix("!") {
        negated.toggle()
        w = w.dropFirst()
      }
      guard !w.isEmpty else { continue }
      if let colon = w.firstIndex(of: ":") {
        let name = w[..<colon].lowercased()
        let value = Dataset.searchKey(String(w[w.index(after: colon)...]))
        let candidates = fields.filter { $0.rawValue.hasPrefix(name) }
        guard let field = candidates.count == 1 ? candidates.first : candidates.first(where: { $0.rawValue == name })
        else {
          let list = fields.map(\.rawValue).joined(separator: ", ")
          return .failure(
            FilterError(
              message: candidates.isEmpty
                ? "no field \"\(name)\" here; fields: \(list)"
                : "\"\(name)\" could be \(candidates.map(\.rawValue).joined(separator: " or "))"))
        }
        if field.isFlag {
          terms.append(Term(field: field, value: nil, negated: negated))
        } else {
          guard !value.isEmpty else { return .failure(FilterError(message: "\(field.rawValue): needs a value")) }
          terms.append(Term(field: field, value: value, negated: negated))
        }
      } else {
        let lower = w.lowercased()
        if let flag = fields.first(where: { $0.isFlag && $0.rawValue.hasPrefix(lower) && lower.count >= 3 }) {
          terms.append(Term(field: flag, value: nil, negated: negated))
        } else {
          let key = Dataset.searchKey(String(w))
          guard !key.isEmpty else { continue }
          terms.append(Term(field: .name, value: key, negated: negated))
        }
      }
    }
    return .success(FilterQuery(text: text.trimmingWhitespace(), terms: terms))
  }

  /// Whether a subject passes every term.
  func matches(_ s: FilterSubject) -> Bool {
    terms.allSatisfy { t in
      let hit: Bool
      switch t.field {
      case .pivotal: hit = s.pivotal
      case .flagged: hit = s.flagged
      case .assumed: hit = s.assumed
      case .referred: hit = s.referred
      default:
        let value = t.value ?? ""
        hit = s.words(t.field).contains { Dataset.searchKey($0).contains(value) }
      }
      return hit != t.negated
    }
  }
}

/// A filter that cannot be read.
struct FilterError: Error, Hashable {
  var message: String
}

/// What a filter can test about a row.
struct FilterSubject {
  var kinds: [String] = []
  var stances: [String] = []
  var regions: [String] = []
  var ratings: [String] = []
  var footprints: [String] = []
  var names: [String] = []
  var services: [String] = []
  var statuses: [String] = []
  var sources: [String] = []
  var controls: [String] = []
  var pivotal = false
  var flagged = false
  var assumed = false
  var referred = false

  func words(_ f: FilterQuery.Field) -> [String] {
    switch f {
    case .kind: kinds
    case .stance: stances
    case .region: regions
    case .rating: ratings
    case .footprint: footprints
    case .name: names
    case .service: services
    case .status: statuses
    case .source: sources
    case .control: controls
    case .pivotal, .flagged, .assumed, .referred: []
    }
  }

  static func kind(_ k: OrganisationKind) -> [String] { [k.rawValue, k.label] }

  /// An organisation of the Organisations screen.
  static func organisation(_ l: OrganisationLine, dataset d: Dataset) -> FilterSubject {
    FilterSubject(
      kinds: kind(l.kind), stances: [l.stance.code], regions: l.regions.map(\.name),
      footprints: l.footprints.flatMap { [d.footprints[$0].name, d.footprints[$0].code] }, names: [l.name, l.code],
      controls: DisputeWords.controlTotalCode(l.org, dataset: d).map { [$0] } ?? [],
      pivotal: l.pivotal, flagged: l.flagged, assumed: l.assumedRefusing)
  }

  /// A proposed change on the Changes screen.
  static func change(_ l: ChangeLine, dataset d: Dataset) -> FilterSubject {
    let fp = d.footprints[l.change.footprint]
    return FilterSubject(
      regions: [fp.region.name], footprints: [fp.name, fp.code], names: [l.change.site, l.change.change, l.change.id],
      services: [l.change.service], statuses: [l.change.status ?? "unknown"] + l.referrals.compactMap(\.outcome),
      sources: [l.change.sourceKind.code], referred: l.referred)
  }

  /// A footprint of the league.
  static func footprint(_ r: LeagueRow) -> FilterSubject {
    FilterSubject(
      regions: r.region.map { [$0.name] } ?? [], ratings: r.rating.map { [$0.name] } ?? [], names: [r.name, r.code],
      pivotal: r.pivotal > 0, flagged: r.flagged > 0)
  }

  /// A member on the Footprint screen.
  static func member(_ r: MemberRow, assumed: Bool) -> FilterSubject {
    FilterSubject(
      kinds: kind(r.kind), stances: [r.stance.code], names: [r.name, r.code], pivotal: r.pivotal, flagged: r.flagged,
      assumed: assumed)
  }

  /// An active flag on the Flags screen.
  static func flag(_ e: FlagEvent, dataset d: Dataset) -> FilterSubject {
    let o = d.organisationID(code: e.org)
    let f = d.footprintID(code: e.footprint)
    return FilterSubject(
      kinds: o.map { kind(d.organisations[$0].kind) } ?? [], regions: f.map { [d.footprints[$0].region.name] } ?? [],
      footprints: [e.footprint] + (f.map { [d.footprints[$0].name] } ?? []),
      names: [e.org] + (o.map { [d.organisations[$0].name] } ?? []), flagged: true)
  }
}

/// The lists a filter applies to, each with its own.
enum FilterScope: Hashable, CaseIterable {
  case league, members, organisations, flags, changes

  var fields: [FilterQuery.Field] {
    switch self {
    case .changes: [.service, .status, .source, .region, .footprint, .referred, .name]
    case .league: [.region, .rating, .pivotal, .flagged, .name]
    case .members: [.kind, .stance, .pivotal, .flagged, .assumed, .name]
    case .organisations: [.kind, .stance, .region, .footprint, .control, .pivotal, .flagged, .assumed, .name]
    case .flags: [.kind, .region, .footprint, .name]
    }
  }
}
