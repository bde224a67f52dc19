/// The characters used for rules, bars, arrows and marks: Unicode, or plain
/// ASCII for a non-UTF-8 locale or `--ascii`. The screen and the batch
/// commands both take theirs from here.
struct Glyphs: Hashable {
  let unicode: Bool

  init(unicode: Bool) { self.unicode = unicode }

  init(_ caps: Capabilities) { unicode = caps.unicode }

  var ellipsis: String { unicode ? "…" : "~" }
  var hline: String { unicode ? "─" : "-" }
  var vline: String { unicode ? "│" : "|" }
  var topLeft: String { unicode ? "┌" : "+" }
  var topRight: String { unicode ? "┐" : "+" }
  var bottomLeft: String { unicode ? "└" : "+" }
  var bottomRight: String { unicode ? "┘" : "+" }
  var crumb: String { unicode ? " › " : " > " }
  var up: String { unicode ? "▲" : "^" }
  var down: String { unicode ? "▼" : "v" }
  var flag: String { unicode ? "⚑" : "F" }
  /// Marks a body whose refusal alone would stop a plan balancing.
  var pivotal: String { unicode ? "◆" : "P" }
  /// Marks a body counted as refusing a plan (its stance, a flag, or assumed).
  var refusing: String { unicode ? "⊘" : "R" }
  /// Marks a body assumed refusing (a what-if, never saved).
  var assumed: String { unicode ? "✗" : "x" }
  var dash: String { unicode ? "—" : "--" }
  var dot: String { unicode ? "·" : "|" }
  var cursor: String { unicode ? "▏" : "_" }
  var pound: String { unicode ? "£" : "GBP " }
  var times: String { unicode ? "×" : "x" }

  /// Interface text with its pound signs spelt out when UTF-8 cannot be drawn.
  func text(_ s: String) -> String {
    unicode
      ? s
      : s.replacing("£/", with: "GBP/").replacing("£m", with: "GBPm")
        .replacing("£", with: "GBP ")
  }

  /// The ASCII stand-in for a symbol the interface uses, `?` for anything else.
  static func ascii(_ symbol: String) -> String {
    switch symbol {
    case "£": "L"
    case "…": "~"
    case "—", "–", "─", "━": "-"
    case "·", "│": "|"
    case "▲", "↑": "^"
    case "▼", "↓": "v"
    case "←", "‹": "<"
    case "→", "›": ">"
    case "×": "x"
    case "⚑": "F"
    case "◆": "P"
    case "†": "^"
    case "✗": "x"
    case "⊘": "R"
    case "’", "‘": "'"
    case "“", "”": "\""
    default: "?"
    }
  }

  /// Eighths of a block, for smooth bars: index 0 is empty, 8 is full.
  var eighths: [String] {
    unicode ? [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"] : [" ", " ", " ", "#", "#", "#", "#", "#", "#"]
  }

  /// The fill of each stance in the alignment bar, distinct without colour too.
  func stanceFill(_ s: StanceSegment) -> String {
    switch s {
    case .aligned: unicode ? "█" : "#"
    case .conditional: unicode ? "▓" : "+"
    case .dissenting: unicode ? "▒" : "-"
    case .refused: unicode ? "░" : "x"
    case .unknown: unicode ? "·" : "."
    }
  }

  /// The fill of a map hex for its bin without colour: denser for higher.
  func mapPattern(_ bin: Int?) -> String {
    guard let bin else { return " " }
    let u = ["·", "░", "▒", "▓", "█"]
    // Not "*": in ASCII that marks an illustrative figure.
    let a = [".", ":", "+", "%", "#"]
    return (unicode ? u : a)[max(0, min(4, bin))]
  }

  /// The marker of each chart line, for the legend and line-end labels.
  /// Each series' own mark, with and without colour: at its yearly points
  /// on the chart and in the legend.
  func seriesMark(_ s: ChartSeries) -> String {
    switch s {
    case .doNothing: unicode ? "●" : "#"
    case .plan: unicode ? "◆" : "+"
    case .outturn: unicode ? "▲" : "o"
    case .withRefusals: unicode ? "✕" : "x"
    case .filed: unicode ? "○" : "."
    }
  }

  /// Where two series' yearly points share a cell.
  var overlap: String { unicode ? "◉" : "@" }
}
