import DashModel

/// What disk work reports back: a reload, a save, an export, a file that
/// changed, the journal read again.
enum Results {
  static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .dataReloaded(.success(let session)):
      state.busy = nil
      reloaded(&state, session)
    case .dataReloaded(.failure(let failure)):
      state.busy = nil
      state.notice = Notice(text: "reload failed, still showing the old data: \(failure.message)", kind: .error)
    case .flagSaved(let events, let error):
      state.busy = nil
      flagSaved(&state, events, error)
    case .exported(.success(let done)):
      state.pendingExport = nil
      state.notice = Notice(
        text: "exported \(done.rows) row\(done.rows == 1 ? "" : "s") to \(done.path)", kind: .ok)
    case .exported(.failure(let failure)):
      if let existing = failure.existing, state.pendingExport != nil {
        state.input = TextInput(purpose: .exportPath(overwrite: existing), text: existing)
        state.notice = Notice(
          text: "\(existing) exists: Enter overwrites it, or type another name (Esc cancels)", kind: .error)
      } else {
        state.pendingExport = nil
        state.notice = Notice(text: "export failed: \(failure.message)", kind: .error)
      }
    case .filesChanged(let paths):
      return filesChanged(&state, paths)
    case .flagsRead(.success(let history)):
      LiveFlags.merge(&state, history)
    case .flagsRead(.failure(let error)):
      state.notice = Notice(text: "the flag journal changed but cannot be read: \(error.reason)", kind: .error)
    case .keyPressed, .mouse, .resized, .pasted, .typed, .undecodableKey, .liveUpdatesOff, .liveUpdatesBack:
      break
    }
    return []
  }

  static func filesChanged(_ state: inout AppState, _ paths: Set<String>) -> [Effect] {
    var effects: [Effect] = []
    if paths.contains(state.session.journalPath) {
      effects.append(.readFlags(journalPath: state.session.journalPath))
    }
    if paths.contains(where: { $0 != state.session.journalPath }) && !state.dataChangedOnDisk {
      state.dataChangedOnDisk = true
      // An error on the status line (a failed reload) says more: it stays.
      if state.notice?.kind != .error {
        state.notice = Notice(text: "the data files changed on disk: r reloads them", kind: .info)
      }
    }
    return effects
  }

  static func reloaded(_ state: inout AppState, _ fresh: Session) {
    let old = state.session.dataset
    let new = fresh.dataset
    func fp(_ i: FootprintID?) -> FootprintID? { i.flatMap { new.footprintID(code: old.footprints[$0].code) } }
    func org(_ i: OrganisationID) -> OrganisationID? { new.organisationID(code: old.organisations[i].code) }
    func membership(_ m: MembershipID?) -> MembershipID? {
      guard let m else { return nil }
      let ms = old.memberships[m]
      guard let o = org(ms.org), let f = fp(ms.footprint) else { return nil }
      return new.membership(org: o, footprint: f)
    }
    var route: [Screen] = []
    for s in state.route {
      switch s {
      case .league, .flags, .organisations, .map, .regions, .changes: route.append(s)
      case .trajectory(let f):
        if f == nil || fp(f) != nil { route.append(.trajectory(fp(f))) }
      case .footprint(let f):
        if let n = fp(f) { route.append(.footprint(n)) }
      case .organisation(let o, let c):
        if let n = org(o) { route.append(.organisation(n, context: fp(c))) }
      }
    }
    state.league.list.selected = fp(state.league.list.selected)
    state.members.footprint = fp(state.members.footprint)
    state.members.list.selected = membership(state.members.list.selected)
    state.orgList.selected = membership(state.orgList.selected)
    state.organisations.list.selected = state.organisations.list.selected.flatMap(org)
    state.assumed = Set(state.assumed.compactMap(org))
    var session = fresh
    session.pending = state.session.pending
    session.dataRevision = state.session.dataRevision + 1
    session.flagsRevision = state.session.flagsRevision + 1
    state.session = session
    state.session.setAsOf(state.asOf)
    state.route = route.isEmpty ? [.league] : route
    state.dataChangedOnDisk = false
    let warnings = session.warnings.count
    state.notice = Notice(
      text:
        "reloaded \(session.directory): \(new.footprints.count) footprints, \(new.organisations.count) organisations, "
        + "\(session.flags.active().count) active flags" + (warnings > 0 ? "; \(warnings) warnings" : ""),
      kind: .ok)
  }

  static func flagSaved(_ state: inout AppState, _ events: [FlagEvent], _ error: FlagSaveError?) {
    let d = state.session.dataset
    func describe(_ e: FlagEvent) -> String {
      let org = d.organisationID(code: e.org).map { d.organisations[$0].name } ?? e.org
      let fp = d.footprintID(code: e.footprint).map { d.footprints[$0].name } ?? e.footprint
      return "\(org) \(e.kind == .flag ? "flagged" : "unflagged") in \(fp)"
    }
    if let error {
      for e in events where !state.session.pending.contains(e) { state.session.pending.append(e) }
      state.session.flagsRevision += 1
      let n = state.session.pending.count
      state.notice = Notice(
        text: "NOT SAVED: \(error.summary); kept in memory (\(n) unsaved), w retries", kind: .error)
      return
    }
    state.session.saved.events.append(contentsOf: events)
    state.session.pending.removeAll { events.contains($0) }
    state.session.flagsRevision += 1
    state.notice = Notice(
      text: events.count == 1 ? "saved: \(describe(events[0]))" : "saved \(events.count) flag changes", kind: .ok)
  }
}
