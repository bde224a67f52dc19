import DashModel

/// The what-if settings: how much of the planned savings is delivered, and
/// which bodies are assumed to refuse. Every figure follows them.
enum WhatIf {
  static func run(_ state: inout AppState, _ command: Command) {
    switch command {
    case .deliveryUp, .deliveryDown:
      let before = state.delivery
      let wasObserved = state.observed
      state.observed = false
      if !wasObserved { state.delivery = state.delivery.stepped(by: command == .deliveryUp ? 1 : -1) }
      state.notice = Notice(
        text: wasObserved
          ? "back to one setting: plans deliver \(state.delivery.percent)% of their planned savings"
          : state.delivery == before
            ? "delivery is already at \(before.percent)%, the \(command == .deliveryUp ? "most" : "least") it can be"
            : "plans deliver \(state.delivery.percent)% of their planned savings; league and savings at risk follow",
        kind: .info)
    case .deliveryUpOne, .deliveryDownOne:
      state.observed = false
      state.delivery = state.delivery.moved(by: command == .deliveryUpOne ? 1 : -1)
      state.notice = Notice(text: "plans deliver \(state.delivery.percent)% of their planned savings", kind: .info)
    case .typeDelivery:
      state.input = TextInput(purpose: .delivery, text: String(state.delivery.percent), suggested: true)
    case .observedDelivery:
      state.observed = true
      let known = state.session.analysis.observedDelivery.compactMap { $0 }.count
      let all = state.session.dataset.footprints.count
      state.notice = Notice(
        text: "each footprint continues at its observed delivery (\(known) of \(all) have an outturn; "
          + "the rest stay at 100%); +/- return to one setting",
        kind: .info)
    case .resetDelivery:
      state.observed = false
      state.delivery = .full
      state.notice = Notice(text: "plans deliver 100% of their planned savings, as filed", kind: .info)
    case .assumeRefusing: Flagging.toggleAssumed(&state)
    case .cycleRefusing:
      state.refusing = state.refusing.next
      state.notice = Notice(text: "refusing: \(state.refusing.phrase); every figure counts them", kind: .info)
    case .clearAssumed:
      let n = state.assumed.count
      state.assumed = []
      state.notice = Notice(
        text: n == 0
          ? "no body is assumed refusing" : "cleared \(n) assumed refusal\(n == 1 ? "" : "s"); figures as filed",
        kind: .info)
    default: break
    }
  }

  /// `<` a month earlier, `>` a month later (past the last dated record:
  /// the latest), `=` the latest: every view shows what was known then.
  static func stepAsOf(_ state: inout AppState, _ command: Command) {
    // The reducer reads no clock: the steps run over the data's own dates.
    guard let range = state.session.datedRange() else {
      state.notice = Notice(text: "the data carry no dated record: every day shows the same", kind: .info)
      return
    }
    let last = range.upperBound
    var day: Day?
    switch command {
    case .asOfEarlier: day = (state.asOf ?? last.nextMonth).previousMonth
    case .asOfLater: day = state.asOf.map(\.nextMonth).flatMap { $0 > last ? nil : $0 }
    default: day = nil
    }
    if state.asOf == nil && day == nil {
      state.notice = Notice(text: "already showing everything known; < steps back a month", kind: .info)
      return
    }
    state.asOf = day
    state.session.setAsOf(day)
    guard let day else {
      state.notice = Notice(text: "everything known (the latest); < steps back a month", kind: .info)
      return
    }
    let meaning = AsOfWords.range(day, range) ?? "stances, flags, changes and ratings as known then"
    state.notice = Notice(
      text: "as of \(day.iso): " + meaning.replacingPrefix("as of \(day.iso): ") + "; < > step, = latest",
      kind: .info)
  }
}

extension String {
  /// The string without a prefix, when it has it.
  func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
