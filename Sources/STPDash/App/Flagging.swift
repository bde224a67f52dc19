import DashModel

/// Flagging and unflagging from the dashboard.
enum Flagging {
  /// The (organisation, footprint) pair selected on the current screen.
  static func target(_ state: AppState) -> (org: Int, footprint: Int)? {
    let d = state.session.dataset
    switch state.screen {
    case .footprint, .organisation:
      let m: Int?
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
        let o = d.organisationIndex(code: flag.org), let f = d.footprintIndex(code: flag.footprint)
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
    let org: Int?
    if case .organisation(let o, _) = state.screen { org = o } else { org = target(state)?.org }
    guard let org else {
      state.notice = Notice(text: "select a member body first", kind: .info)
      return
    }
    let d = state.session.dataset
    let name = d.organisations[org].name
    if state.assumed.remove(org) == nil {
      state.assumed.insert(org)
      state.derive()
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
      state.derive()
      state.notice = Notice(text: "no longer assuming \(name) refuses", kind: .info)
    }
  }

  /// `f`: asks for the reason on the status line.
  static func begin(_ state: inout AppState) {
    guard let t = target(state) else {
      state.notice = Notice(text: "select a member body first (footprint or organisation screen)", kind: .info)
      return
    }
    state.input = TextInput(purpose: .flagReason(org: t.org, footprint: t.footprint))
  }

  /// Enter on the reason: saves, or keeps asking when the reason is empty.
  static func commit(_ state: inout AppState, org: Int, footprint: Int, reason: String, input: TextInput) -> [Effect] {
    let why = FlagEvent.reasonText(reason)
    guard !why.isEmpty else {
      state.input = input
      state.notice = Notice(text: "a flag needs a reason: type why, then Enter (Esc cancels)", kind: .error)
      return []
    }
    let d = state.session.dataset
    state.busy = "saving the flag…"
    return [
      .saveFlags(
        [
          FlagDraft(
            kind: .flag, org: d.organisations[org].code, footprint: d.footprints[footprint].code, reason: why,
            author: state.author, time: nil)
        ], journalPath: state.session.journalPath)
    ]
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
    let d = state.session.dataset
    state.busy = "saving…"
    return [
      .saveFlags(
        [
          FlagDraft(
            kind: .unflag, org: d.organisations[t.org].code, footprint: d.footprints[t.footprint].code, reason: "",
            author: state.author, time: nil)
        ], journalPath: state.session.journalPath)
    ]
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
