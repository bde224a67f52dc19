import DashModel

/// What a value means to the reader, said once for every front end: the
/// screen turns a tone into colour (or, without colour, emphasis); text
/// output leaves it out.
enum Tone: Hashable {
  case normal
  /// Secondary: a rank, an empty value, a date.
  case dim
  /// A good sign: a plan that balances, an aligned body.
  case good
  /// Worth a look: a weak plan, a dissenting body, some savings at risk.
  case warn
  /// A bad sign: a refusal, a large share of the gap at risk.
  case bad
  /// Flagged as not cooperating.
  case flag
  /// A flag change not yet on disk.
  case unsaved
}

/// The tones of league figures and stances.
enum Meaning {
  /// Do-nothing gap by its own size among the footprints': the largest
  /// quarter bad, the upper half a warning (England's total: plain).
  static func gap(_ row: LeagueRow, band: Int) -> Tone {
    guard row.footprint != nil else { return .normal }
    return band == 2 ? .bad : (band == 1 ? .warn : .normal)
  }

  /// Plan gap: balance reached is good; a plan leaving over a tenth of the gap is a warning.
  static func plan(_ row: LeagueRow) -> Tone {
    guard let p = row.plan else { return .normal }
    if p <= 0 { return .good }
    if let dn = row.doNothing, dn > 0, p > dn * 0.1 { return .warn }
    return .normal
  }

  /// Savings at risk: any is a warning; over a tenth of the gap is bad.
  static func atRisk(_ row: LeagueRow) -> Tone {
    guard let r = row.atRisk, r > 0 else { return .dim }
    if let dn = row.doNothing, dn > 0, r > dn * 0.1 { return .bad }
    return .warn
  }

  /// The plan with refusals: bad where it balances as filed but not with
  /// its refusals (the refusals sink it), a warning where it is short
  /// anyway, good where it balances even so.
  static func short(_ row: LeagueRow) -> Tone {
    guard let short = row.planWithRefusals else { return .normal }
    if short <= 0 { return .good }
    return row.balancesAsFiled == true ? .bad : .warn
  }

  /// Blockers needed: already short or one body enough is bad; two a warning.
  static func blockers(_ row: LeagueRow) -> Tone {
    switch row.blockersNeeded {
    case 0?, 1?: .bad
    case 2?: .warn
    default: .dim
    }
  }

  static func stance(_ s: Stance) -> Tone {
    switch s {
    case .aligned: .good
    case .conditional: .normal
    case .dissenting: .warn
    case .refused: .bad
    case .unknown: .dim
    }
  }

  static func rating(_ r: Rating?) -> Tone {
    switch r {
    case .outstanding: .good
    case .needsMostImprovement: .bad
    case nil: .dim
    default: .normal
    }
  }
}
