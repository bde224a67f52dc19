/// A whole, checked data directory: footprints, member bodies, memberships,
/// figures and stances, with the indexes every view needs.
///
/// A `Dataset` only exists when loading found no errors; it never holds half a directory.
public struct Dataset: Sendable {
  /// The footprints, in file order.
  public let footprints: EntityList<Footprint, Footprint>
  /// The organisations, in file order.
  public let organisations: Organisations
  /// Every membership, in file order.
  public let memberships: MembershipList
  /// Every figure of `finance.csv`.
  public let finance: FinanceTable
  /// Every stance record (the history), in file order.
  public let alignment: StanceRecords
  /// Problems that did not stop loading.
  public let warnings: [Problem]
  /// Every figure of the optional `indicators.csv`, in file order.
  public let indicatorRecords: [IndicatorRecord]
  /// Each footprint's place on the hex map (optional `hexmap.csv`); empty without one.
  public let hexes: [HexCell]
  /// Whether `indicators.csv` was there.
  public let hasIndicatorsFile: Bool
  /// Whether `hexmap.csv` was there.
  public let hasHexMapFile: Bool
  /// Service changes, referrals, designations and notes (the optional dispute files).
  public let disputes: Disputes
  /// The day this view of the data is as of, or `nil` for everything known.
  public let asOfDay: Day?

  /// The memberships of each footprint, in file order.
  public let membersOfFootprint: Groups<Footprint, Membership>
  /// The memberships of each organisation, in file order.
  public let membershipsOfOrganisation: Groups<Organisation, Membership>
  /// For each membership, its stance records, oldest first.
  public let alignmentHistory: Groups<Membership, AlignmentRecord>

  let codes: CodeIndex

  /// The indexes over memberships and stances, which need neither figures
  /// nor footprint details: built while `finance.csv` is still being read.
  struct Indexes: Sendable {
    var membersOfFootprint: Groups<Footprint, Membership>
    var membershipsOfOrganisation: Groups<Organisation, Membership>
    var alignmentHistory: Groups<Membership, AlignmentRecord>

    init(
      footprintCount: Int, organisationCount: Int, memberships: MembershipList, alignment: StanceRecords
    ) {
      var unmatched: [StanceRecordID] = []
      self.init(
        footprintCount: footprintCount, organisationCount: organisationCount, memberships: memberships,
        alignment: alignment, unmatched: &unmatched)
    }

    /// The same, with the stance records that belong to no membership
    /// (left out of the history) added to `unmatched`, in file order.
    init(
      footprintCount: Int, organisationCount: Int, memberships: MembershipList, alignment: StanceRecords,
      unmatched: inout [StanceRecordID]
    ) {
      // Read column by column: no membership is built whole.
      membersOfFootprint = Groups(
        groupCount: footprintCount, count: memberships.count, key: { memberships.footprintIndex($0) },
        value: { $0 })
      let byOrg = Groups<Organisation, Membership>(
        groupCount: organisationCount, count: memberships.count, key: { memberships.orgIndex($0) },
        value: { $0 })
      membershipsOfOrganisation = byOrg
      // A stance belongs to the membership of its (org, footprint); an org has
      // only a few memberships, so a short scan finds it.
      func find(_ org: OrganisationID, _ footprint: FootprintID) -> MembershipID? {
        byOrg[org].first { memberships.footprintIndex($0.index) == footprint.index }
      }
      var keys: [Int32] = []
      var records: [Int32] = []
      keys.reserveCapacity(alignment.count)
      records.reserveCapacity(alignment.count)
      for i in alignment.indices {
        if let m = find(alignment.org(i), alignment.footprint(i)) {
          keys.append(Int32(truncatingIfNeeded: m.index))
          records.append(Int32(truncatingIfNeeded: i.index))
        } else {
          unmatched.append(i)
        }
      }
      // Oldest first: undated records before dated ones, then by date, then
      // file order. Most members have one record, so sort only when needed.
      var history = Groups<Membership, AlignmentRecord>(
        groupCount: memberships.count, count: keys.count, key: { Int(keys[$0]) }, value: { Int(records[$0]) })
      var sortedItems: [Int32]? = nil
      for m in history.indices where history[m].count > 1 {
        var group = Array(history[m])
        group.sort { a, b in
          let da = alignment.dateNumber(a)
          let db = alignment.dateNumber(b)
          return da != db ? da < db : a < b
        }
        if sortedItems == nil { sortedItems = history.items }
        for (j, r) in group.enumerated() { sortedItems?[Int(history.offsets[m.index]) + j] = Int32(r.index) }
      }
      if let sortedItems { history = Groups(offsets: history.offsets, items: sortedItems) }
      alignmentHistory = history
    }
  }

  init(
    footprints: [Footprint], organisations: Organisations, memberships: [Membership],
    finance: FinanceTable, alignment: StanceRecords, warnings: [Problem], codes: CodeIndex,
    indexes: Indexes? = nil, indicators: [IndicatorRecord] = [], hexes: [HexCell] = [],
    hasIndicatorsFile: Bool = false, hasHexMapFile: Bool = false, disputes: Disputes? = nil, asOfDay: Day? = nil
  ) {
    self.init(
      footprints: footprints, organisations: organisations, memberships: MembershipList(memberships),
      finance: finance, alignment: alignment, warnings: warnings, codes: codes, indexes: indexes,
      indicators: indicators, hexes: hexes, hasIndicatorsFile: hasIndicatorsFile, hasHexMapFile: hasHexMapFile,
      disputes: disputes, asOfDay: asOfDay)
  }

  init(
    footprints: [Footprint], organisations: Organisations, memberships: MembershipList,
    finance: FinanceTable, alignment: StanceRecords, warnings: [Problem], codes: CodeIndex,
    indexes: Indexes? = nil, indicators: [IndicatorRecord] = [], hexes: [HexCell] = [],
    hasIndicatorsFile: Bool = false, hasHexMapFile: Bool = false, disputes: Disputes? = nil, asOfDay: Day? = nil
  ) {
    self.disputes = disputes ?? Disputes(footprintCount: footprints.count)
    self.asOfDay = asOfDay
    self.indicatorRecords = indicators
    self.hexes = hexes
    self.hasIndicatorsFile = hasIndicatorsFile
    self.hasHexMapFile = hasHexMapFile
    self.footprints = EntityList(footprints)
    self.organisations = organisations
    self.memberships = memberships
    self.finance = finance
    self.alignment = alignment
    self.warnings = warnings
    self.codes = codes
    let ix =
      indexes
      ?? Indexes(
        footprintCount: footprints.count, organisationCount: organisations.count, memberships: memberships,
        alignment: alignment)
    membersOfFootprint = ix.membersOfFootprint
    membershipsOfOrganisation = ix.membershipsOfOrganisation
    alignmentHistory = ix.alignmentHistory
  }

  /// The data as known on `day`: stances, ratings, indicators, changes,
  /// referrals, designations and notes dated later are left out (what has
  /// no date stays). `nil` gives everything. Call it on the data as loaded.
  public func asOf(_ day: Day?) -> Dataset {
    guard let day else { return self }
    let kept = alignment.filter { i in alignment.date(i).map { $0.known(asOf: day) } ?? true }
    let fps = footprints.storage.map { f -> Footprint in
      var f = f
      if let d = f.ratingAsOf, !d.known(asOf: day) { f.rating = nil }
      return f
    }
    return Dataset(
      footprints: fps, organisations: organisations, memberships: memberships, finance: finance,
      alignment: kept, warnings: warnings, codes: codes, indexes: nil,
      indicators: indicatorRecords.filter { $0.asOf.map { $0.known(asOf: day) } ?? true }, hexes: hexes,
      hasIndicatorsFile: hasIndicatorsFile, hasHexMapFile: hasHexMapFile,
      disputes: disputes.asOf(day, footprintCount: footprints.count), asOfDay: day)
  }

  /// The first and last dates the data carry (stances, ratings, indicators, disputes), if any.
  public var datedRange: ClosedRange<Day>? {
    var lo: Day? = nil
    var hi: Day? = nil
    func see(_ d: EventDate?) {
      guard let d else { return }
      lo = lo.map { min($0, d.end) } ?? d.end
      hi = hi.map { max($0, d.end) } ?? d.end
    }
    for i in alignment.indices { see(alignment.date(i)) }
    for f in footprints { see(f.ratingAsOf) }
    for r in indicatorRecords { see(r.asOf) }
    for d in disputes.dates { see(d) }
    guard let lo, let hi else { return nil }
    return lo...hi
  }

  static func key(org: OrganisationID, footprint: FootprintID) -> Int64 {
    key(org: org.index, footprint: footprint.index)
  }

  static func key(org: Int, footprint: Int) -> Int64 { Int64(org) << 32 | Int64(footprint) }

  /// The empty dataset.
  public static let empty = Dataset(
    footprints: [], organisations: Organisations([]), memberships: [],
    finance: FinanceTable(footprintCount: 0, organisationCount: 0), alignment: StanceRecords(), warnings: [],
    codes: CodeIndex(capacity: 0))

  /// An organisation's indicator figures, by indicator then year.
  public func indicators(organisation org: OrganisationID) -> [IndicatorRecord] {
    indicators(of: finance.entity(organisation: org))
  }

  /// A footprint's own indicator figures (not its members'), by indicator then year.
  public func indicators(footprint f: FootprintID) -> [IndicatorRecord] {
    indicators(of: finance.entity(footprint: f))
  }

  private func indicators(of e: FinanceEntity) -> [IndicatorRecord] {
    indicatorRecords.filter { $0.entity == e }.sorted {
      $0.indicator != $1.indicator ? $0.indicator < $1.indicator : $0.year < $1.year
    }
  }

  /// The footprint with this code, if any.
  public func footprintID(code: String) -> FootprintID? {
    guard let id = codes.find(code.nfc), id < footprints.count else { return nil }
    return FootprintID(id)
  }

  /// The organisation with this code, if any.
  public func organisationID(code: String) -> OrganisationID? {
    guard let id = codes.find(code.nfc), id >= footprints.count else { return nil }
    return OrganisationID(id - footprints.count)
  }

  /// The membership of an organisation in a footprint, if it is a member.
  public func membership(org: OrganisationID, footprint: FootprintID) -> MembershipID? {
    guard org.index >= 0, org.index < organisations.count else { return nil }
    return membershipsOfOrganisation[org].first { memberships[$0].footprint == footprint }
  }

  /// A membership's current stance record (the last of its history), if any.
  public func currentStanceRecord(membership m: MembershipID) -> StanceRecordID? {
    alignmentHistory.last(of: m)
  }

  /// The record behind a membership's current stance, if any.
  public func stanceRecord(membership m: MembershipID) -> AlignmentRecord? {
    currentStanceRecord(membership: m).map { alignment[$0] }
  }

  /// The current stance of a membership (`unknown` when no record says).
  public func stance(membership m: MembershipID) -> Stance {
    guard let r = currentStanceRecord(membership: m) else { return .unknown }
    return alignment.stance(r)
  }

  /// Finds footprints by code or by a piece of their name, ignoring case.
  ///
  /// An exact code or exact name wins; otherwise every footprint whose name
  /// contains the text (spaces and punctuation ignored) is returned.
  public func findFootprints(_ query: String) -> [FootprintID] {
    let q = query.trimmingWhitespace()
    if let i = footprintID(code: q.uppercased()) ?? footprintID(code: q) { return [i] }
    let key = Self.searchKey(q)
    guard !key.isEmpty else { return [] }
    if let exact = footprints.indices.first(where: { Self.searchKey(footprints[$0].name) == key }) {
      return [exact]
    }
    return footprints.indices.filter { Self.searchKey(footprints[$0].name).contains(key) }
  }

  /// Finds organisations by code or by a piece of their name, ignoring case.
  public func findOrganisations(_ query: String) -> [OrganisationID] {
    let q = query.trimmingWhitespace()
    if let i = organisationID(code: q) ?? organisationID(code: q.uppercased()) { return [i] }
    let key = Self.searchKey(q)
    guard !key.isEmpty else { return [] }
    if let exact = organisations.indices.first(where: { Self.searchKey(organisations[$0].name) == key }) {
      return [exact]
    }
    return organisations.indices.filter { Self.searchKey(organisations[$0].name).contains(key) }
  }

  /// Lower-case letters and digits only, so "north-west" finds "North West".
  package static func searchKey(_ text: String) -> String {
    String(
      text.nfc.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        .map(
          Character.init))
  }
}

extension String {
  /// The string in Unicode normalisation form C (composed): `e` with a
  /// combining acute and `é` become the same bytes. Codes and names are
  /// compared in this form. ASCII is returned as it is, at no cost.
  package var nfc: String {
    var ascii = true
    for u in utf8 where u >= 0x80 {
      ascii = false
      break
    }
    return ascii ? self : String(decoding: _nfcCodeUnits, as: UTF8.self)
  }

  /// The string without leading and trailing white space.
  package func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
