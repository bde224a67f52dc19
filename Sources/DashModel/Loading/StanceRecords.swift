/// Every stance record of `alignment.csv`, stored compactly: a national-scale
/// file has hundreds of thousands of records, each of which would otherwise
/// carry three optional strings. Read as ``AlignmentRecord`` values.
public struct StanceRecords: RandomAccessCollection, Sendable {
  private var orgs: [Int32] = []
  private var footprints: [Int32] = []
  private var stances: [UInt8] = []
  private var bases: [UInt8] = []
  /// `YYYYMMDD`, or 0 when undated.
  private var dates: [Int32] = []
  /// Indices into `texts`; 0 is "none".
  private var notes: [Int32] = []
  private var sources: [Int32] = []
  private var lines: [Int32] = []
  /// Distinct notes and sources; index 0 is unused (none).
  var texts: [String] = [""]
  private var textIDs: [String: Int32] = [:]

  /// No records.
  public init() {}

  /// Room for about `n` records.
  mutating func reserve(_ n: Int) {
    for k in [\Self.orgs, \.footprints, \.dates, \.notes, \.sources, \.lines] as [WritableKeyPath<Self, [Int32]>] {
      self[keyPath: k].reserveCapacity(n)
    }
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

  /// Adds a record; `date` is its `as_of` as `YYYYMMDD` (0 when undated),
  /// `note` and `source` ids into ``texts`` (0 for none).
  mutating func append(
    org: Int, footprint: Int, stance: Stance, date: Int32, note: Int32, source: Int32, basis: Basis, line: Int
  ) {
    orgs.append(Int32(org))
    footprints.append(Int32(footprint))
    stances.append(UInt8(stance.rawValue))
    bases.append(basis.rawValue)
    dates.append(date)
    notes.append(note)
    sources.append(source)
    lines.append(Int32(truncatingIfNeeded: line))
  }

  /// Adds a record as a value.
  public mutating func append(_ r: AlignmentRecord) {
    append(
      org: r.org.index, footprint: r.footprint.index, stance: r.stance, date: r.asOf?.number ?? 0, note: textID(r.note),
      source: textID(r.source), basis: r.basis, line: r.line)
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
  public func date(_ i: StanceRecordID) -> Day? { dates[i.index] == 0 ? nil : Day(number: dates[i.index]) }
  /// The date as a number that sorts (0 when undated: before every date).
  package func dateNumber(_ i: StanceRecordID) -> Int32 { dates[i.index] }

  /// A record.
  public subscript(i: StanceRecordID) -> AlignmentRecord {
    let r = i.index
    return AlignmentRecord(
      org: org(i), footprint: footprint(i), stance: stance(i), asOf: date(i),
      note: notes[r] == 0 ? nil : texts[Int(notes[r])], source: sources[r] == 0 ? nil : texts[Int(sources[r])],
      basis: Basis(rawValue: bases[r]) ?? .reported, line: Int(lines[r]))
  }
}
