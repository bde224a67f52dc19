import DashModel

/// The flag journal read again after another program wrote to it: the new
/// events join the saved ones, and the notice says who added what.
enum LiveFlags {
  static func merge(_ state: inout AppState, _ history: FlagHistory) {
    let old = state.session.saved.events
    let new = history.events
    // The journal only grows: what is new is what follows the events already
    // known. If it was replaced instead, everything is taken as read.
    func same(_ a: FlagEvent, _ b: FlagEvent) -> Bool {
      a.kind == b.kind && a.org == b.org && a.footprint == b.footprint && a.reason == b.reason
        && a.author == b.author && a.time == b.time
    }
    let grew = new.count >= old.count && zip(old, new).allSatisfy { same($0, $1) }
    let added = grew ? Array(new.dropFirst(old.count)) : []
    if grew && added.isEmpty && history.problems.count == state.session.saved.problems.count {
      state.session.saved = history
      return
    }
    state.session.saved = history
    // Unsaved changes that someone else has now written are not unsaved any more.
    state.session.pending.removeAll { p in new.contains { same($0, p) } }
    state.session.flagsRevision += 1
    guard grew else {
      state.notice = Notice(text: "the flag journal was replaced on disk: \(new.count) events read again", kind: .info)
      return
    }
    // Our own writes come back too: only others' are news.
    let others = added.filter { $0.author != state.author }
    guard !others.isEmpty else { return }
    let flags = others.filter { $0.kind == .flag }.count
    let unflags = others.count - flags
    let authors = Array(Set(others.map(\.author))).sorted()
    var parts: [String] = []
    if flags > 0 { parts.append("\(flags) new flag\(flags == 1 ? "" : "s")") }
    if unflags > 0 { parts.append("\(unflags) unflag\(unflags == 1 ? "" : "s")") }
    let who = authors.count <= 2 ? authors.joined(separator: " and ") : "\(authors.count) people"
    state.notice = Notice(text: parts.joined(separator: " and ") + " from " + who, kind: .ok)
  }
}
