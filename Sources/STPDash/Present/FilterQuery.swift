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
    /// A numeric term (`at_risk>50`): the measure's key, how it compares, the number.
    var measure: Comparison? = nil
  }

  /// A measure compared with a number: `at_risk>50`, `per_head>=500`, `needed<100`.
  struct Comparison: Hashable {
    enum Operator: String, Hashable, CaseIterable {
      case atLeast = ">=", atMost = "<=", notEqual = "!=", greater = ">", less = "<", equal = "="
    }
    var key: String
    var op: Operator
    var number: Double

    func holds(_ v: Double?) -> Bool {
      guard let v else { return false }
      switch op {
      case .atLeast: return v >= number
      case .atMost: return v <= number
      case .notEqual: return v != number
      case .greater: return v > number
      case .less: return v < number
      case .equal: return abs(v - number) < 1e-9
      }
    }
  }

  /// The text as typed.
  var text: String
  var terms: [Term]

  var isEmpty: Bool { terms.isEmpty }

  /// Parses `text` for a list: its fields, and its measures for numeric terms.
  static func parse(_ text: String, scope: FilterScope) -> Result<FilterQuery, FilterError> {
    parse(text, fields: scope.fields, measures: scope.measure)
  }

  /// A numeric term, if the word is one (`name`, an operator, a number); an
  /// error when the name is no measure of the list or the number no number.
  static func comparison(_ w: Substring, measures: (String) -> String?) -> Result<Comparison, FilterError>? {
    guard let at = w.firstIndex(where: { $0 == ">" || $0 == "<" || $0 == "=" || $0 == "!" }), at != w.startIndex
    else { return nil }
    let name = w[..<at].lowercased()
    let rest = w[at...]
    guard let op = Comparison.Operator.allCases.first(where: { rest.hasPrefix($0.rawValue) }) else { return nil }
    var numberText = String(rest.dropFirst(op.rawValue.count)).trimmingWhitespace()
    if numberText.hasSuffix("%") { numberText.removeLast() }
    numberText.removeAll { $0 == "," || $0 == "£" }
    guard let key = measures(name) else {
      return .failure(FilterError(message: "no measure \"\(VisibleText.sanitize(name))\" to compare here"))
    }
    guard let n = Double(numberText), n.isFinite else {
      return .failure(
        FilterError(message: "\(name)\(op.rawValue) needs a number (got \"\(VisibleText.sanitize(numberText))\")"))
    }
    return .success(Comparison(key: key, op: op, number: n))
  }

  /// Parses `text` for a screen offering `fields`; a message naming the term on error.
  static func parse(
    _ text: String, fields: [Field], measures: (String) -> String? = { _ in nil }
  ) -> Result<FilterQuery, FilterError> {
    var terms: [Term] = []
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      var w = Substring(word)
      var negated = false
      while w.hasPrefix("!") {
        negated.toggle()
        w = w.dropFirst()
      }
      guard !w.isEmpty else { continue }
      if let numeric = comparison(w, measures: measures) {
        switch numeric {
        case .failure(let e): return .failure(e)
        case .success(let c): terms.append(Term(field: .name, value: nil, negated: negated, measure: c))
        }
        continue
      }
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
      if let c = t.measure { return c.holds(s.number(c.key)) != t.negated }
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
  /// A measure's value by its key, for numeric terms.
  var number: (String) -> Double? = { _ in nil }

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
      pivotal: l.pivotal, flagged: l.flagged, assumed: l.assumedRefusing,
      number: { key in
        switch key {
        case "savings": l.savings
        case "share": l.largestShare.map { $0 * 100 }
        case "at_risk": l.atRisk
        case "power": l.blockingPower.map { $0 * 100 }
        case "banzhaf": l.banzhaf.map { $0 * 100 }
        default: nil
        }
      })
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
      pivotal: r.pivotal > 0, flagged: r.flagged > 0,
      number: { key in LeagueColumn(key: key).flatMap { LeagueTable.filterValue(r, $0) } })
  }

  /// A member on the Footprint screen.
  static func member(_ r: MemberRow, assumed: Bool) -> FilterSubject {
    FilterSubject(
      kinds: kind(r.kind), stances: [r.stance.code], names: [r.name, r.code], pivotal: r.pivotal, flagged: r.flagged,
      assumed: assumed,
      number: { key in
        switch key {
        case "share": r.share * 100
        case "savings": r.savings
        case "power": r.power.map { $0 * 100 }
        case "banzhaf": r.banzhaf.map { $0 * 100 }
        default: nil
        }
      })
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

  /// The measures numeric terms may compare here, by the names typed
  /// (a key, a CSV header or an alias, or a prefix of one); `nil` for none.
  func measure(_ name: String) -> String? {
    let n = name.lowercased()
    switch self {
    case .league:
      if let c = LeagueColumn(key: n), c.isNumeric { return c.key }
      let keys = LeagueColumn.allCases.filter(\.isNumeric).map(\.key)
      let matches = keys.filter { $0.hasPrefix(n) }
      return matches.count == 1 ? matches[0] : nil
    case .members, .organisations:
      let keys =
        self == .members
        ? ["savings", "share", "power", "banzhaf"] : ["savings", "share", "at_risk", "power", "banzhaf"]
      if keys.contains(n) { return n }
      let matches = keys.filter { $0.hasPrefix(n) }
      return matches.count == 1 ? matches[0] : nil
    case .flags, .changes: return nil
    }
  }

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
