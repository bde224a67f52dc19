/// Every stance record of `alignment.csv`, stored compactly: a national-scale
/// file has hundreds of thousands of records, each of which would otherwise
/// carry three optional strings. Read as ``AlignmentRecord`` values.
public struct StanceRecords: RandomAccessCollection, Sendable {
  private var orgs: [Int32] = []
  private var footprints: [Int32] = []
  private var stances: [UInt8] = []
  private var bases: [UInt8] = []
  /// Each date's ``EventDate/code``, or 0 when undated.
  private var dates: [Int32] = []
  /// Caveats (indices into `texts`; 0 is none) and kinds of source (0 is
  /// none): empty until a record has one, so data without them pay nothing.
  private var caveats: [Int32] = []
  private var sourceKinds: [UInt8] = []
  /// Indices into `texts`; 0 is "none".
  private var notes = TextIDs()
  private var sources = TextIDs()
  private var lines: [Int32] = []
  /// Distinct notes and sources; index 0 is unused (none).
  var texts: [String] = [""]
  private var textIDs: [String: Int32] = [:]

  /// No records.
  public init() {}

  /// Room for about `n` records.
  mutating func reserve(_ n: Int) {
    for k in [\Self.orgs, \.footprints, \.dates, \.lines] as [WritableKeyPath<Self, [Int32]>] {
      self[keyPath: k].reserveCapacity(n)
    }
    notes.reserveCapacity(n)
    sources.reserveCapacity(n)
    stances.reserveCapacity(n)
    bases.reserveCapacity(n)
  }

  private mutating func textID(_ s: String?) -> Int32 {
    guard let s, !s.isEmpty else { return 0 }
    if textIDs.isEmpty { for (i, t) in texts.enumerated() where i > 0 { textIDs[t] = Int32(i) } }
    if let id = textIDs[s] { return id }
    let id = Int32(texts.count)
    texts.append(s)
    textIDs[s] = id
    return id
  }

  /// Adds a record; `date` is its `as_of` as an ``EventDate/code`` (0 when
  /// undated), `note`, `source` and `caveat` ids into ``texts`` (0 for none).
  mutating func append(
    org: Int, footprint: Int, stance: Stance, date: Int32, note: Int32, source: Int32, basis: Basis, line: Int,
    caveat: Int32 = 0, sourceKind: SourceKind? = nil
  ) {
    if caveat != 0 || !caveats.isEmpty {
      if caveats.isEmpty { caveats = [Int32](repeating: 0, count: orgs.count) }
      caveats.append(caveat)
    }
    if sourceKind != nil || !sourceKinds.isEmpty {
      if sourceKinds.isEmpty { sourceKinds = [UInt8](repeating: 0, count: orgs.count) }
      sourceKinds.append(sourceKind?.rawValue ?? 0)
    }
    orgs.append(Int32(org))
    footprints.append(Int32(footprint))
    stances.append(UInt8(stance.rawValue))
    bases.append(basis.rawValue)
    dates.append(date)
    notes.append(note)
    sources.append(source)
    lines.append(Int32(truncatingIfNeeded: line))
  }

  /// What a record's ending cells were read as: its texts' ids and basis.
  struct Texts {
    var note: Int32 = 0
    var source: Int32 = 0
    var caveat: Int32 = 0
    var basis = Basis.reported
  }

  /// The last record's texts and basis (a reader gives them again to the
  /// records that end as it did).
  var lastTexts: Texts {
    let r = orgs.count - 1
    return Texts(note: notes[r], source: sources[r], caveat: caveat(r), basis: Basis(rawValue: bases[r]) ?? .reported)
  }

  /// Adds a record as a value.
  public mutating func append(_ r: AlignmentRecord) {
    append(
      org: r.org.index, footprint: r.footprint.index, stance: r.stance, date: r.asOf?.code ?? 0, note: textID(r.note),
      source: textID(r.source), basis: r.basis, line: r.line, caveat: textID(r.caveat), sourceKind: r.sourceKind)
  }

  /// The records `keep` keeps, in the same order, sharing the texts.
  package func filter(_ keep: (StanceRecordID) -> Bool) -> StanceRecords {
    var out = StanceRecords()
    out.texts = texts
    out.textIDs = textIDs
    for i in indices where keep(i) {
      let r = i.index
      out.orgs.append(orgs[r])
      out.footprints.append(footprints[r])
      out.stances.append(stances[r])
      out.bases.append(bases[r])
      out.dates.append(dates[r])
      out.notes.append(notes[r])
      out.sources.append(sources[r])
      out.lines.append(lines[r])
      if !caveats.isEmpty { out.caveats.append(caveats[r]) }
      if !sourceKinds.isEmpty { out.sourceKinds.append(sourceKinds[r]) }
    }
    return out
  }

  /// The first record.
  public var startIndex: StanceRecordID { StanceRecordID(0) }
  /// One past the last record.
  public var endIndex: StanceRecordID { StanceRecordID(orgs.count) }

  /// The organisation of a record, without building the whole value.
  public func org(_ i: StanceRecordID) -> OrganisationID { OrganisationID(Int(orgs[i.index])) }
  /// The footprint of a record.
  public func footprint(_ i: StanceRecordID) -> FootprintID { FootprintID(Int(footprints[i.index])) }
  /// The stance of a record.
  public func stance(_ i: StanceRecordID) -> Stance { Stance(rawValue: Int(stances[i.index])) ?? .unknown }
  /// The date of a record, if it has one.
  public func date(_ i: StanceRecordID) -> EventDate? { EventDate(code: dates[i.index]) }
  /// The date as a number that sorts (0 when undated: before every date).
  package func dateNumber(_ i: StanceRecordID) -> Int32 { dates[i.index] }

  private func caveat(_ r: Int) -> Int32 { r < caveats.count ? caveats[r] : 0 }
  private func sourceKind(_ r: Int) -> UInt8 { r < sourceKinds.count ? sourceKinds[r] : 0 }

  /// A record.
  public subscript(i: StanceRecordID) -> AlignmentRecord {
    let r = i.index
    return AlignmentRecord(
      org: org(i), footprint: footprint(i), stance: stance(i), asOf: date(i),
      note: notes[r] == 0 ? nil : texts[Int(notes[r])], source: sources[r] == 0 ? nil : texts[Int(sources[r])],
      basis: Basis(rawValue: bases[r]) ?? .reported, line: Int(lines[r]),
      caveat: caveat(r) == 0 ? nil : texts[Int(caveat(r))], sourceKind: SourceKind(rawValue: sourceKind(r)))
  }
}
