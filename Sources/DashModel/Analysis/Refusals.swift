/// Which recorded stances count as refusing a plan (besides flags and
/// assumed refusals, which always do).
public enum RefusingRule: Int, CaseIterable, Sendable, Hashable {
  /// Bodies that refused.
  case refused
  /// Dissenting bodies too.
  case dissenting
  /// Conditional and dissenting bodies too.
  case conditional

  /// The word `--refusing` takes and exports record.
  public var code: String {
    switch self {
    case .refused: "refused"
    case .dissenting: "dissenting"
    case .conditional: "conditional"
    }
  }

  /// Parses `refused`, `dissenting` or `conditional` (or a unique start of one).
  public init?(code: String) {
    let key = code.lowercased()
    let found = Self.allCases.filter { !key.isEmpty && $0.code.hasPrefix(key) }
    guard found.count == 1 else { return nil }
    self = found[0]
  }

  /// Whether a body of this stance counts as refusing.
  public func counts(_ s: Stance) -> Bool {
    switch s {
    case .refused: true
    case .dissenting: self != .refused
    case .conditional: self == .conditional
    case .aligned, .unknown: false
    }
  }

  /// The next rule, round (the dashboard's `!`).
  public var next: RefusingRule { Self(rawValue: (rawValue + 1) % Self.allCases.count) ?? .refused }
}

/// The refusals a figure takes into account: recorded stances (under a
/// rule), active flags, and bodies assumed to refuse for a what-if.
public struct Refusals: Sendable, Hashable {
  /// Which stances count.
  public var rule: RefusingRule
  /// The active flags.
  public var flags: FlagSet
  /// Organisations assumed refusing in every footprint they belong to.
  public var assumed: Set<OrganisationID>

  /// Refusals under a rule, with flags and assumed refusals.
  public init(rule: RefusingRule = .refused, flags: FlagSet = FlagSet(), assumed: Set<OrganisationID> = []) {
    self.rule = rule
    self.flags = flags
    self.assumed = assumed
  }

  /// Whether any member is flagged or assumed refusing: when none is, a
  /// count over members need not look either up.
  var marksAny: Bool { flags.count > 0 || !assumed.isEmpty }

  /// Whether the member is flagged in its footprint.
  @inline(__always)
  public func isFlagged(_ ms: Membership) -> Bool {
    flags.count > 0 && flags.contains(org: ms.org, footprint: ms.footprint)
  }

  /// Whether the member is assumed refusing.
  @inline(__always)
  public func isAssumed(_ ms: Membership) -> Bool { !assumed.isEmpty && assumed.contains(ms.org) }

  /// Whether a membership counts as refusing its footprint's plan.
  @inline(__always)
  public func refuses(_ m: MembershipID, in d: Dataset) -> Bool {
    let ms = d.memberships[m]
    return isAssumed(ms) || isFlagged(ms) || rule.counts(d.stance(membership: m))
  }
}
