/// One entry of the flag journal: a body flagged, or unflagged, in a footprint.
public struct FlagEvent: Sendable, Hashable {
  /// Flagging or unflagging.
  public enum Kind: String, Sendable, Hashable {
    /// "This body is not cooperating with this footprint's plan."
    case flag
    /// The flag is lifted.
    case unflag
  }

  /// Flag or unflag.
  public var kind: Kind
  /// The organisation's code.
  public var org: String
  /// The footprint's code.
  public var footprint: String
  /// Why (required for a flag; optional for an unflag).
  public var reason: String
  /// Who made the change.
  public var author: String
  /// When, in UTC, ISO 8601 (`2016-08-26T09:30:00Z`).
  public var time: String
  /// The line in the journal, once read back (0 for events not yet saved).
  public var line: Int

  /// Creates an event. The reason and author are kept exactly as given
  /// (line breaks and all): the journal stores them exactly.
  public init(
    kind: Kind, org: String, footprint: String, reason: String, author: String, time: String, line: Int = 0
  ) {
    self.kind = kind
    self.org = org
    self.footprint = footprint
    self.reason = reason
    self.author = author
    self.time = time
    self.line = line
  }

  /// The key of the pair the event is about.
  public var pair: FlagPair { FlagPair(org: org, footprint: footprint) }

  /// Whether a reason as typed says nothing (empty, or only spaces and line
  /// breaks). A reason that says something is saved exactly as typed.
  public static func isBlank(_ reason: String) -> Bool { reason.trimmingWhitespace().isEmpty }
}

/// An (organisation, footprint) pair, by code.
public struct FlagPair: Sendable, Hashable, Comparable {
  /// Organisation code.
  public var org: String
  /// Footprint code.
  public var footprint: String

  /// Creates a pair.
  public init(org: String, footprint: String) {
    self.org = org
    self.footprint = footprint
  }

  /// Pairs order by footprint code, then organisation code.
  public static func < (a: FlagPair, b: FlagPair) -> Bool { (a.footprint, a.org) < (b.footprint, b.org) }
}
