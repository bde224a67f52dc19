import DashModel

/// Flagging and unflagging from the dashboard.
enum Flagging {
  /// The (organisation, footprint) pair selected on the current screen.
  static func target(_ state: AppState) -> (org: OrganisationID, footprint: FootprintID)? {
    let d = state.session.dataset
    switch state.screen {
    case .footprint, .organisation:
      let m: MembershipID?
      if case .footprint = state.screen { m = state.members.list.selected } else { m = state.orgList.selected }
      guard let m else { return nil }
      return (d.memberships[m].org, d.memberships[m].footprint)
    case .organisations:
      guard let o = state.organisations.list.selected,
        let line = state.derived.visibleOrganisations.first(where: { $0.org == o }), let f = line.footprints.first
      else { return nil }
      return (o, f)
    case .flags:
      guard let flag = state.activeFlag(key: state.flagsList.selected),
        let o = d.organisationID(code: flag.org), let f = d.footprintID(code: flag.footprint)
      else { return nil }
      return (o, f)
    default:
      return nil
    }
  }

  /// `x`: assumes the selected body refuses the plan in every footprint it
  /// belongs to, or stops assuming it. A what-if for this session only:
  /// never saved, never a flag.
  static func toggleAssumed(_ state: inout AppState) {
    let org: OrganisationID?
    if case .organisation(let o, _) = state.screen { org = o } else { org = target(state)?.org }
    guard let org else {
      state.notice = Notice(text: "select a member body first", kind: .info)
      return
    }
    let d = state.session.dataset
    let name = d.organisations[org].name
    if state.assumed.remove(org) == nil {
      state.assumed.insert(org)
      let held = d.membershipsOfOrganisation[org].reduce(0.0) { sum, m in
        sum
          + max(
            0,
            (state.session.analysis.membershipSavings[m] ?? 0)
              * state.delivery(footprint: d.memberships[m].footprint).factor)
      }
      state.notice = Notice(
        text:
          "assuming \(name) refuses: \(state.glyphs.pound)\(Figures.money(held))m of planned savings at risk (what-if, not saved; x again or X clears)",
        kind: .info)
    } else {
      state.notice = Notice(text: "no longer assuming \(name) refuses", kind: .info)
    }
  }

  /// `f`: asks for the reason on the status line.
  static func begin(_ state: inout AppState) {
    guard let t = target(state) else {
      state.notice = Notice(text: "select a member body first (footprint or organisation screen)", kind: .info)
      return
    }
    // Already flagged: the reason to update, as it stands.
    let current = state.derived.activeFlags.first {
      $0.org == state.session.dataset.organisations[t.org].code
        && $0.footprint == state.session.dataset.footprints[t.footprint].code
    }
    state.input = TextInput(purpose: .flagReason(org: t.org, footprint: t.footprint), text: current?.reason ?? "")
  }

  /// The active flag's reason for a pair, if it is flagged.
  static func currentReason(_ state: AppState, org: OrganisationID, footprint: FootprintID) -> String? {
    let d = state.session.dataset
    return state.derived.activeFlags.first {
      $0.org == d.organisations[org].code && $0.footprint == d.footprints[footprint].code
    }?.reason
  }

  /// Enter on the reason: saves, or keeps asking when the reason is empty.
  static func commit(
    _ state: inout AppState, org: OrganisationID, footprint: FootprintID, reason: String, input: TextInput
  ) -> [Effect] {
    let why = reason
    guard !FlagEvent.isBlank(why) else {
      state.input = input
      state.notice = Notice(text: "a flag needs a reason: type why, then Enter (Esc cancels)", kind: .error)
      return []
    }
    let d = state.session.dataset
    let before = currentReason(state, org: org, footprint: footprint)
    if before == why {
      state.notice = Notice(text: "already flagged with that reason; nothing to save", kind: .info)
      return []
    }
    state.busy = before == nil ? "saving the flag…" : "updating the reason…"
    let draft = FlagDraft(
      kind: .flag, org: d.organisations[org].code, footprint: d.footprints[footprint].code, reason: why,
      author: state.author, time: nil)
    state.undoable.append((draft, before))
    return [.saveFlags([draft], journalPath: state.session.journalPath)]
  }

  /// `u`: unflags the selected body, if it is flagged.
  static func unflag(_ state: inout AppState) -> [Effect] {
    guard let t = target(state) else {
      state.notice = Notice(text: "select a flagged body first", kind: .info)
      return []
    }
    guard state.derived.flagSet.contains(org: t.org, footprint: t.footprint) else {
      state.notice = Notice(text: "\(state.session.dataset.organisations[t.org].name) is not flagged here", kind: .info)
      return []
    }
    // Asked first: a reason is welcome, Enter confirms, Esc keeps the flag.
    state.input = TextInput(purpose: .unflagReason(org: t.org, footprint: t.footprint))
    return []
  }

  /// Enter on the unflag prompt: saves the unflag with its reason (may be empty).
  static func confirmUnflag(
    _ state: inout AppState, org: OrganisationID, footprint: FootprintID, reason: String
  ) -> [Effect] {
    let d = state.session.dataset
    let before = currentReason(state, org: org, footprint: footprint)
    state.busy = "saving…"
    let draft = FlagDraft(
      kind: .unflag, org: d.organisations[org].code, footprint: d.footprints[footprint].code,
      reason: FlagEvent.isBlank(reason) ? "" : reason, author: state.author, time: nil)
    state.undoable.append((draft, before))
    return [.saveFlags([draft], journalPath: state.session.journalPath)]
  }

  /// `z`: undoes this session's last flag change by appending its opposite
  /// (the journal is never rewritten): a new flag is unflagged, an unflag or
  /// an updated reason puts the flag back as it was.
  static func undo(_ state: inout AppState) -> [Effect] {
    guard let last = state.undoable.popLast() else {
      state.notice = Notice(text: "nothing to undo: no flag or unflag made in this session", kind: .info)
      return []
    }
    // Only what this session left may be undone: a colleague's newer
    // change to the same body stays, and the notice says what it was.
    let pair = FlagPair(org: last.change.org, footprint: last.change.footprint)
    let now = state.derived.activeFlags.last { $0.pair == pair }?.reason
    let left = last.change.kind == .flag ? last.change.reason : nil
    guard now == left else {
      let newer = (state.session.saved.events + state.session.pending).last { $0.pair == pair }
      let who = newer.map { " by \(VisibleText.sanitize($0.author))" } ?? ""
      let what =
        now.map { "it is now flagged \"\(VisibleText.sanitize(DisplayWidth.truncate($0, to: 60)))\"" }
        ?? "it is now unflagged"
      state.notice = Notice(
        text:
          "not undone: \(last.change.org) in \(last.change.footprint) was changed since\(who); \(what); nothing written",
        kind: .error)
      return []
    }
    let draft: FlagDraft
    if let before = last.before {
      draft = FlagDraft(
        kind: .flag, org: last.change.org, footprint: last.change.footprint, reason: before, author: state.author,
        time: nil)
    } else {
      draft = FlagDraft(
        kind: .unflag, org: last.change.org, footprint: last.change.footprint, reason: "undo", author: state.author,
        time: nil)
    }
    state.busy = "undoing…"
    return [.saveFlags([draft], journalPath: state.session.journalPath)]
  }

  /// `w`: tries the unsaved changes again, in one write.
  static func retry(_ state: inout AppState) -> [Effect] {
    guard !state.session.pending.isEmpty else {
      state.notice = Notice(text: "nothing unsaved: every flag is on disk", kind: .info)
      return []
    }
    state.busy = "saving \(state.session.pending.count) unsaved change\(state.session.pending.count == 1 ? "" : "s")…"
    return [
      .saveFlags(
        state.session.pending.map {
          FlagDraft(
            kind: $0.kind, org: $0.org, footprint: $0.footprint, reason: $0.reason, author: $0.author, time: $0.time)
        }, journalPath: state.session.journalPath)
    ]
  }
}
