/// A proposed change to a service (an A&E, a maternity unit, beds), from `changes.csv`.
public struct ServiceChange: Sendable, Hashable {
  /// The data's identifier, which referrals name.
  public var id: String
  /// The footprint whose plan or system proposed it.
  public var footprint: FootprintID
  /// The hospital or site.
  public var site: String
  /// The trust that runs the site, when it is among the organisations.
  public var org: OrganisationID?
  /// The service: `A&E`, `maternity`, `stroke`, `beds`, …
  public var service: String
  /// What was proposed.
  public var change: String
  /// When it was proposed, when the source says.
  public var proposed: EventDate?
  /// Where it stood at `statusDate` (proposed, consulted, decided, reprieved…).
  public var status: String?
  /// When the status was reached.
  public var statusDate: EventDate?
  /// The kind of source the row rests on.
  public var sourceKind: SourceKind
  /// Where it is reported.
  public var source: String?
  /// The source's words.
  public var quote: String?
  /// A caveat (a conflict between sources, a date as published).
  public var note: String?
  /// The line in `changes.csv`.
  public var line: Int
}

/// A referral of a change to the Secretary of State (and the Independent
/// Reconfiguration Panel), or a related decision, from `referrals.csv`.
public struct Referral: Sendable, Hashable {
  /// The data's identifier.
  public var id: String
  /// The change referred, when it is one of `changes.csv`'s.
  public var change: String?
  /// The footprint.
  public var footprint: FootprintID
  /// The site.
  public var site: String
  /// The service.
  public var service: String
  /// Who referred it (a council's scrutiny committee, usually).
  public var referredBy: String
  /// When it was referred.
  public var referred: EventDate?
  /// What the Secretary of State did.
  public var action: String?
  /// When.
  public var actionDate: EventDate?
  /// The Independent Reconfiguration Panel's advice.
  public var advice: String?
  /// When it was given.
  public var adviceDate: EventDate?
  /// The final outcome.
  public var outcome: String?
  /// When.
  public var outcomeDate: EventDate?
  /// The kind of source.
  public var sourceKind: SourceKind
  /// Where it is reported.
  public var source: String?
  /// The key words of the source.
  public var quote: String?
  /// A caveat.
  public var note: String?
  /// The line in `referrals.csv`.
  public var line: Int
}

/// What NHS England later made of a footprint.
public enum DesignationKind: UInt8, DataWord, Hashable {
  case capitalWave1 = 1, accountableCareSystem, devolutionDeal, integratedCareSystem

  /// The word in data files.
  public var code: String {
    switch self {
    case .capitalWave1: "capital-wave-1"
    case .accountableCareSystem: "accountable-care-system"
    case .devolutionDeal: "devolution-deal"
    case .integratedCareSystem: "integrated-care-system"
    }
  }

  /// As a sentence says it.
  public var label: String {
    switch self {
    case .capitalWave1: "capital wave 1"
    case .accountableCareSystem: "accountable care system"
    case .devolutionDeal: "devolution deal"
    case .integratedCareSystem: "integrated care system"
    }
  }

}

/// A footprint's designation, from `designations.csv`.
public struct Designation: Sendable, Hashable {
  /// The footprint designated.
  public var footprint: FootprintID
  /// What it was designated.
  public var kind: DesignationKind
  /// When.
  public var date: EventDate?
  /// What it covers when not the whole footprint, or another caveat.
  public var note: String?
  /// The kind of source.
  public var sourceKind: SourceKind
  /// Where it is reported.
  public var source: String?
  /// The source's words.
  public var quote: String?
  /// The line in `designations.csv`.
  public var line: Int
}

/// A dated statement about a footprint that names no single member body
/// ("five West Yorkshire council leaders"), from `footprint_notes.csv`:
/// shown on the footprint, never guessed onto a body.
public struct FootprintNote: Sendable, Hashable {
  /// The footprint it is about.
  public var footprint: FootprintID
  /// When, if known.
  public var date: EventDate?
  /// What was said, and by whom.
  public var text: String
  /// The kind of source.
  public var sourceKind: SourceKind
  /// Where it is reported.
  public var source: String?
  /// The source's words.
  public var quote: String?
  /// A caveat (who the group's members are is inferred, a date as published).
  public var caveat: String? = nil
  /// The line in `footprint_notes.csv`.
  public var line: Int
}

/// The disputes and the later history: service changes, referrals,
/// designations and notes, each indexed by footprint.
public struct Disputes: Sendable {
  /// Every change, in file order.
  public let changes: [ServiceChange]
  /// Every referral, in file order.
  public let referrals: [Referral]
  /// Every designation, in file order.
  public let designations: [Designation]
  /// Every footprint note, in file order.
  public let notes: [FootprintNote]
  /// How many changes and referrals each footprint has, by footprint index.
  private let changeCounts: [Int32]
  private let referralCounts: [Int32]

  /// Disputes over `footprintCount` footprints.
  public init(
    footprintCount: Int, changes: [ServiceChange] = [], referrals: [Referral] = [], designations: [Designation] = [],
    notes: [FootprintNote] = []
  ) {
    self.changes = changes
    self.referrals = referrals
    self.designations = designations
    self.notes = notes
    var c = [Int32](repeating: 0, count: footprintCount)
    for x in changes where x.footprint.index < footprintCount { c[x.footprint.index] += 1 }
    changeCounts = c
    var r = [Int32](repeating: 0, count: footprintCount)
    // A related decision (no referral date) is listed but not counted as a referral.
    for x in referrals where x.footprint.index < footprintCount && x.referred != nil { r[x.footprint.index] += 1 }
    referralCounts = r
  }

  /// None.
  public static let none = Disputes(footprintCount: 0)

  /// How many proposed changes a footprint has.
  public func changeCount(footprint f: FootprintID) -> Int {
    f.index < changeCounts.count ? Int(changeCounts[f.index]) : 0
  }

  /// How many referrals a footprint has (related decisions without a referral date not counted).
  public func referralCount(footprint f: FootprintID) -> Int {
    f.index < referralCounts.count ? Int(referralCounts[f.index]) : 0
  }

  /// A footprint's changes, in file order.
  public func changes(footprint f: FootprintID) -> [ServiceChange] { changes.filter { $0.footprint == f } }

  /// A footprint's referrals, in file order.
  public func referrals(footprint f: FootprintID) -> [Referral] { referrals.filter { $0.footprint == f } }

  /// The referrals of one change.
  public func referrals(change: ServiceChange) -> [Referral] {
    referrals.filter { $0.change == change.id && $0.footprint == change.footprint }
  }

  /// A footprint's designations, oldest first.
  public func designations(footprint f: FootprintID) -> [Designation] {
    designations.filter { $0.footprint == f }.sorted { ($0.date?.end.number ?? 0) < ($1.date?.end.number ?? 0) }
  }

  /// A footprint's notes, in file order.
  public func notes(footprint f: FootprintID) -> [FootprintNote] { notes.filter { $0.footprint == f } }

  /// Every date the records carry.
  var dates: [EventDate] {
    var out: [EventDate?] = []
    for c in changes { out += [c.proposed, c.statusDate] }
    for r in referrals { out += [r.referred, r.actionDate, r.adviceDate, r.outcomeDate] }
    for d in designations { out.append(d.date) }
    for n in notes { out.append(n.date) }
    return out.compactMap { $0 }
  }

  /// As known on `day`: what is dated later is left out; a change proposed
  /// earlier keeps its row but not a status reached later; a referral's
  /// later steps (and undated ones) are left out.
  func asOf(_ day: Day, footprintCount: Int) -> Disputes {
    func known(_ d: EventDate?) -> Bool { d.map { $0.known(asOf: day) } ?? false }
    let changes: [ServiceChange] = changes.compactMap { c in
      if let p = c.proposed, !p.known(asOf: day) { return nil }
      var c = c
      if !known(c.statusDate) {
        c.status = nil
        c.statusDate = nil
      }
      return c
    }
    let referrals: [Referral] = referrals.compactMap { r in
      // Known from its first dated step: the referral, or a related decision's first step.
      guard known(r.referred ?? r.actionDate ?? r.adviceDate ?? r.outcomeDate) else { return nil }
      var r = r
      if !known(r.actionDate) { (r.action, r.actionDate) = (nil, nil) }
      if !known(r.adviceDate) { (r.advice, r.adviceDate) = (nil, nil) }
      if !known(r.outcomeDate) { (r.outcome, r.outcomeDate) = (nil, nil) }
      return r
    }
    return Disputes(
      footprintCount: footprintCount, changes: changes, referrals: referrals,
      designations: designations.filter { known($0.date) },
      notes: notes.filter { $0.date.map { $0.known(asOf: day) } ?? true })
  }
}
