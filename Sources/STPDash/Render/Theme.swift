/// What the terminal can show.
struct Capabilities: Hashable {
  /// Colours are available and wanted (not `NO_COLOR`, not monochrome).
  var color: Bool
  /// UTF-8 can be drawn (UTF-8 locale and no `--ascii`).
  var unicode: Bool
  /// How many colours the terminal has (0 without colour; 16,777,216 for
  /// direct colour). The theme needs eight and uses those: more colours
  /// change nothing a figure means.
  var colors = 8

  static let full = Capabilities(color: true, unicode: true)
}

/// The style of each kind of thing on screen. Colour carries meaning; in
/// monochrome the same meaning falls back on bold, underline and reverse.
struct Theme {
  let color: Bool

  init(_ caps: Capabilities) { color = caps.color }

  var normal: Style { .plain }
  var title: Style { Style(bold: true) }
  var header: Style { color ? Style(fg: .cyan, bold: true) : Style(bold: true, underline: true) }
  var selected: Style { color ? Style(fg: .black, bg: .cyan) : Style(reverse: true) }
  var topBar: Style { color ? Style(fg: .white, bg: .blue) : Style(reverse: true) }
  var topBarActive: Style { color ? Style(fg: .black, bg: .cyan, bold: true) : Style(bold: true) }
  var statusBar: Style { color ? Style(fg: .white, bg: .black) : Style(reverse: true) }
  var statusError: Style { color ? Style(fg: .white, bg: .red, bold: true) : Style(bold: true) }
  var statusOK: Style { color ? Style(fg: .black, bg: .green) : Style(bold: true) }
  var prompt: Style { color ? Style(fg: .black, bg: .yellow) : Style(bold: true, reverse: true) }
  var dim: Style { Style(dim: true) }
  var good: Style { color ? Style(fg: .green) : .plain }
  var warn: Style { color ? Style(fg: .yellow) : .plain }
  var bad: Style { color ? Style(fg: .red, bold: true) : Style(bold: true) }
  var flag: Style { color ? Style(fg: .magenta, bold: true) : Style(bold: true, underline: true) }
  var illustrative: Style { Style(dim: true) }
  /// The mark of a reported figure with a caveat: it asks to be read.
  var caveat: Style { color ? Style(fg: .yellow, bold: true) : Style(bold: true) }
  var total: Style { Style(bold: true) }
  var border: Style { color ? Style(fg: .blue) : .plain }
  var axis: Style { Style(dim: true) }
  var zeroLine: Style { color ? Style(fg: .green) : Style(dim: true) }

  /// The style of a tone (see ``Tone``).
  func style(_ tone: Tone) -> Style {
    switch tone {
    case .normal: normal
    case .dim: dim
    case .good: good
    case .warn: warn
    case .bad: bad
    case .flag: flag
    case .unsaved: bad
    }
  }

  /// A map hex's style for its quantile bin (lowest first; `nil`: not known):
  /// a background colour, or in monochrome plain text (the fill pattern carries the bin).
  func mapBin(_ bin: Int?) -> Style {
    guard color else { return .plain }
    guard let bin else { return Style(fg: .white, dim: true) }
    // One hue (blue) for a magnitude, never green (balance) or red (risk):
    // the bins differ by their fill's density (the same patterns as without
    // colour), the top two in bold.
    return Style(fg: .white, bg: .blue, bold: bin >= 3)
  }

  /// Line colours of the trajectory chart.
  func series(_ s: ChartSeries) -> Style {
    guard color else {
      // Without colour each line keeps a look of its own: plain, bold, underlined, dim.
      switch s {
      case .doNothing: return .plain
      case .plan: return Style(bold: true)
      case .outturn: return Style(underline: true)
      case .withRefusals: return Style(dim: true)
      case .filed: return Style(dim: true)
      }
    }
    switch s {
    case .doNothing: return Style(fg: .red)
    case .plan: return Style(fg: .cyan, bold: true)
    case .outturn: return Style(fg: .yellow)
    case .withRefusals: return Style(fg: .magenta)
    case .filed: return Style(fg: .cyan, dim: true)
    }
  }

  /// Colours of the alignment bar segments.
  func stance(_ s: StanceSegment) -> Style {
    guard color else { return s == .refused ? Style(bold: true) : .plain }
    switch s {
    case .aligned: return Style(fg: .green)
    case .conditional: return Style(fg: .cyan)
    case .dissenting: return Style(fg: .yellow)
    case .refused: return Style(fg: .red, bold: true)
    case .unknown: return Style(dim: true)
    }
  }
}

/// The lines of a trajectory chart.
enum ChartSeries: Int, CaseIterable {
  case doNothing, plan, outturn
  /// The plan with refusals: without the savings of the members counted
  /// as refusing (drawn only when they hold any).
  case withRefusals
  /// The plan as filed (100 %), a ghost behind the plan while the delivery
  /// setting differs.
  case filed
}

/// Stances as bar segments (same order as the data's stances).
enum StanceSegment: Int, CaseIterable {
  case aligned, conditional, dissenting, refused, unknown
}
