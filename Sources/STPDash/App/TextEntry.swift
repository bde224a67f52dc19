import DashModel

/// Typing into the status line: a search, a filter, a go-to or a flag's reason.
enum TextEntry {
  static func key(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var input = state.input else { return [] }
    if case .goTo(let selected) = input.purpose {
      let count = state.derived.goToMatches.count
      switch key {
      case .down, .ctrl("n"), .tab:
        input.purpose = .goTo(selected: count == 0 ? 0 : (selected + 1) % count)
        state.input = input
        return []
      case .up, .ctrl("p"), .backTab:
        input.purpose = .goTo(selected: count == 0 ? 0 : (selected - 1 + count) % count)
        state.input = input
        return []
      default: break
      }
    }
    switch key {
    case .escape, .ctrl("c"), .ctrl("g"):
      state.input = nil
      switch input.purpose {
      case .search(let origin):
        if let origin { setSelection(&state, origin) }
        state.notice = Notice(text: "search cancelled", kind: .info)
      case .filter(let scope, _):
        setFilter(&state, scope, nil)
        state.notice = Notice(text: "filter cleared", kind: .info)
      case .goTo:
        state.notice = nil
      case .unflagReason:
        state.notice = Notice(text: "unflag cancelled: the flag stays", kind: .info)
      case .exportPath:
        state.pendingExport = nil
        state.notice = Notice(text: "export cancelled, nothing written", kind: .info)
      case .delivery:
        state.notice = Notice(text: "delivery unchanged: \(state.deliveryLabel)", kind: .info)
      case .flagReason:
        state.notice = Notice(text: "flag cancelled, nothing saved", kind: .info)
      }
      return []
    case .enter:
      state.input = nil
      switch input.purpose {
      case .filter(let scope, _):
        switch FilterQuery.parse(input.text, fields: scope.fields) {
        case .failure(let e):
          state.input = input
          state.notice = Notice(text: "filter not applied: \(e.message)", kind: .error)
        case .success(let q):
          setFilter(&state, scope, q.isEmpty ? nil : q)
          let kept = Lists.count(state)
          state.notice = Notice(
            text: q.isEmpty ? "filter cleared" : "filter \(q.text): \(kept) kept (\\ then Enter on empty clears)",
            kind: .info)
        }
        return []
      case .unflagReason(let org, let footprint):
        return Flagging.confirmUnflag(&state, org: org, footprint: footprint, reason: input.text)
      case .delivery:
        let text = input.text.trimmingWhitespace().replacing("%", with: "")
        guard let n = Int(text), (Delivery.minimum...Delivery.maximum).contains(n) else {
          state.input = input
          state.notice = Notice(
            text:
              "a whole percent from \(Delivery.minimum) to \(Delivery.maximum), then Enter (Esc keeps \(state.deliveryLabel))",
            kind: .error)
          return []
        }
        state.observed = false
        state.delivery = Delivery(percent: n)
        state.notice = Notice(text: "plans deliver \(n)% of their planned savings", kind: .info)
        return []
      case .exportPath(let overwrite):
        let path = input.text.trimmingWhitespace()
        guard let pending = state.pendingExport, !path.isEmpty else {
          state.input = input
          state.notice = Notice(text: "type a file name (.csv or .json), Enter saves, Esc cancels", kind: .error)
          return []
        }
        return [.writeExport(path: path, text: pending.text(for: path), rows: pending.rows, overwrite: overwrite)]
      case .goTo(let selected):
        let matches = state.derived.goToMatches
        guard !matches.isEmpty else {
          state.notice = Notice(text: "nothing matches \"\(VisibleText.sanitize(input.text))\"", kind: .info)
          return []
        }
        GoTo.open(&state, matches[min(selected, matches.count - 1)].target)
        return []
      case .search:
        state.lastSearch = input.text
        if !input.text.isEmpty
          && !Search.find(&state, input.text, from: Lists.selectedPosition(state), forward: true, skipCurrent: false)
        {
          state.notice = Notice(text: "no match for \"\(input.text)\"", kind: .info)
        }
        return []
      case .flagReason(let org, let footprint):
        return Flagging.commit(&state, org: org, footprint: footprint, reason: input.text, input: input)
      }
    case .backspace, .delete:
      if !input.text.isEmpty { input.text.removeLast() }
    case .ctrl("u"):
      input.text = ""
    case .char(let c):
      input.text.append(c)
    default:
      return []
    }
    if case .goTo = input.purpose { input.purpose = .goTo(selected: 0) }
    state.input = input
    if case .filter(let scope, _) = input.purpose {
      // Applied as typed, whenever what is typed so far reads.
      if case .success(let q) = FilterQuery.parse(input.text, fields: scope.fields) {
        setFilter(&state, scope, q.isEmpty ? nil : q)
      }
      return []
    }
    if case .search(let origin) = input.purpose {
      if input.text.isEmpty {
        if let origin { setSelection(&state, origin) }
      } else if !Search.find(&state, input.text, from: origin, forward: true, skipCurrent: false) {
        state.notice = Notice(text: "no match for \"\(input.text)\"", kind: .info)
        return []
      }
      state.notice = nil
    }
    return []
  }

  /// Sets a list's filter (the reducer keeps the selection valid after).
  static func setFilter(_ state: inout AppState, _ scope: FilterScope, _ q: FilterQuery?) {
    state.filters[scope] = q
  }

  static func setSelection(_ state: inout AppState, _ position: Int) {
    Lists.select(&state, index: position)
  }
}
