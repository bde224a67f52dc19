import DashModel

/// `M`: the last messages, newest first, each whole (wrapped), with its time; it scrolls.
enum MessagesOverlay {
  static func render(_ state: AppState, scroll: Int, into buf: inout Buffer) {
    let width = min(buf.width, 110)
    ScrollBox.render(
      lines(state, width: buf.width),
      title: "Messages, newest first (\(state.messages.entries.count) of the last \(MessageLog.limit), UTC)",
      scroll: scroll, width: width, into: &buf, theme: state.theme, glyphs: state.glyphs)
  }

  /// The lines as the box shows them at a screen width: each message whole, wrapped.
  static func lines(_ state: AppState, width screen: Int) -> [(text: String, style: Style)] {
    let theme = state.theme
    let width = min(screen, 110)
    var lines: [(text: String, style: Style)] = []
    for e in state.messages.entries.reversed() {
      let style: Style
      switch e.kind {
      case .info: style = theme.normal
      case .ok: style = theme.good
      case .error: style = theme.bad
      }
      let wrapped = DetailLine(text: e.text, indent: 10).wrapped(to: width - 4)
      for (i, line) in wrapped.enumerated() {
        lines.append((i == 0 ? e.time + "  " + String(line.text.dropFirst(10)) : line.text, style))
      }
    }
    return lines
  }
}
