import DashModel

/// Typing into the status line: a search or a flag's reason.
enum TextEntry {
  static func key(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var input = state.input else { return [] }
    switch key {
    case .escape, .ctrl("c"), .ctrl("g"):
      if case .search(let origin) = input.purpose, let origin {
        setSelection(&state, origin)
      }
      state.input = nil
      state.notice = Notice(text: isSearch(input) ? "search cancelled" : "flag cancelled, nothing saved", kind: .info)
      return []
    case .enter:
      state.input = nil
      switch input.purpose {
      case .search:
        state.lastSearch = input.text
        if !input.text.isEmpty
          && !Search.find(&state, input.text, from: Lists.selectedKey(state), forward: true, skipCurrent: false)
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
    state.input = input
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

  static func isSearch(_ input: TextInput) -> Bool {
    if case .search = input.purpose { return true }
    return false
  }

  static func setSelection(_ state: inout AppState, _ key: Int) {
    var l = Lists.list(state, screen: state.screen)
    l.selected = key
    Lists.setList(&state, screen: state.screen, l)
    Lists.reveal(&state)
  }
}
