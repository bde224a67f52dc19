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
    org: Int, footprint: Int, stance: Stance, date: Int, note: Int32, source: Int32, basis: Basis, line: Int
  ) {
    orgs.append(Int32(org))
    footprints.append(Int32(footprint))
    stances.append(UInt8(stance.rawValue))
    bases.append(basis.rawValue)
    dates.append(Int32(date))
    notes.append(note)
    sources.append(source)
    lines.append(Int32(truncatingIfNeeded: line))
  }

  /// Adds a record as a value.
  public mutating func append(_ r: AlignmentRecord) {
    let date = r.asOf.flatMap { AlignmentRows.isoDate($0) } ?? 0
    append(
      org: r.org, footprint: r.footprint, stance: r.stance, date: date, note: textID(r.note),
      source: textID(r.source), basis: r.basis, line: r.line)
  }

  /// The first record's position.
  public var startIndex: Int { 0 }
  /// One past the last record.
  public var endIndex: Int { orgs.count }

  /// The organisation of a record, without building the whole value.
  public func org(_ i: Int) -> Int { Int(orgs[i]) }
  /// The footprint of a record.
  public func footprint(_ i: Int) -> Int { Int(footprints[i]) }
  /// The stance of a record.
  public func stance(_ i: Int) -> Stance { Stance(rawValue: Int(stances[i])) ?? .unknown }
  /// The date of a record as `YYYYMMDD` (0 when undated): dates sort as numbers.
  public func dateNumber(_ i: Int) -> Int { Int(dates[i]) }

  /// A record.
  public subscript(i: Int) -> AlignmentRecord {
    let d = Int(dates[i])
    return AlignmentRecord(
      org: Int(orgs[i]), footprint: Int(footprints[i]), stance: stance(i),
      asOf: d == 0 ? nil : Self.isoText(d), note: notes[i] == 0 ? nil : texts[Int(notes[i])],
      source: sources[i] == 0 ? nil : texts[Int(sources[i])], basis: Basis(rawValue: bases[i]) ?? .reported,
      line: Int(lines[i]))
  }

  /// `20160826` as `2016-08-26`.
  static func isoText(_ d: Int) -> String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let y = d / 10_000
    let text = String(y)
    return String(repeating: "0", count: Swift.max(0, 4 - text.count)) + text + "-" + two(d / 100 % 100) + "-"
      + two(d % 100)
  }
}
