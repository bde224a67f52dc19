import DashModel

/// `M`: the last messages, newest first, each whole (wrapped), with its time.
enum MessagesOverlay {
  static func render(_ state: AppState, into buf: inout Buffer) {
    let theme = state.theme
    let g = state.glyphs
    let width = min(buf.width, 110)
    let inner = width - 4
    var lines: [(String, Style)] = []
    for e in state.messages.entries.reversed() {
      let style: Style
      switch e.kind {
      case .info: style = theme.normal
      case .ok: style = theme.good
      case .error: style = theme.bad
      }
      let wrapped = DetailLine(text: e.text, indent: 10).wrapped(to: inner)
      for (i, line) in wrapped.enumerated() {
        lines.append((i == 0 ? e.time + "  " + String(line.text.dropFirst(10)) : line.text, style))
      }
    }
    let room = max(1, buf.height - 5)
    let shown = Array(lines.prefix(room))
    let height = shown.count + 3
    let box = Rect(x: (buf.width - width) / 2, y: max(1, (buf.height - height) / 2), width: width, height: height)
    buf.fill(box, style: theme.normal)
    buf.box(
      box, glyphs: g, style: theme.border,
      title: "Messages, newest first (\(state.messages.entries.count) of the last \(MessageLog.limit), UTC)")
    for (i, line) in shown.enumerated() {
      buf.put(line.0, x: box.x + 2, y: box.y + 1 + i, style: line.1, maxX: box.maxX - 1)
    }
    let more = lines.count > shown.count ? " (\(lines.count - shown.count) older lines do not fit)" : ""
    buf.put("any key closes this" + more, x: box.x + 2, y: box.maxY - 2, style: theme.dim, maxX: box.maxX - 1)
  }
}
