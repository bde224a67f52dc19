import DashModel

/// How figures read, on screen and in every batch output.
enum Figures {
  /// The mark after an illustrative figure.
  static let illustrativeMark = "*"
  /// The mark after a reported figure with a caveat.
  static let caveatMark = "†"

  /// The mark for a figure's standing ("" for reported).
  static func mark(_ s: FigureStanding) -> String {
    switch s {
    case .reported: ""
    case .caveat: caveatMark
    case .illustrative: illustrativeMark
    }
  }

  /// £m with one decimal and separators; a dash when not known.
  static func money(_ v: Double?, unicode: Bool = true) -> String {
    guard let v else { return Glyphs(unicode: unicode).dash }
    return NumberFormat.fixed(v, decimals: 1)
  }

  /// The same, made to fit `width` columns: whole £m when the decimal does
  /// not fit (a total over 100,000), and a figure cut short only when even
  /// that does not.
  static func money(_ v: Double?, fitting width: Int, unicode: Bool = true) -> String {
    let full = money(v, unicode: unicode)
    guard let v, full.count > width else { return full }
    return NumberFormat.fixed(v, decimals: 0)
  }

  /// Whole pounds with separators.
  static func pounds(_ v: Double?, unicode: Bool = true) -> String {
    guard let v else { return Glyphs(unicode: unicode).dash }
    return NumberFormat.fixed(v, decimals: 0)
  }

  /// A percentage with no decimals.
  static func percent(_ v: Double?, unicode: Bool = true) -> String {
    guard let v else { return Glyphs(unicode: unicode).dash }
    return NumberFormat.fixed(v, decimals: 0) + "%"
  }

  /// A share (0–1) as a percentage.
  static func share(_ v: Double?, unicode: Bool = true) -> String {
    guard let v else { return Glyphs(unicode: unicode).dash }
    return NumberFormat.percent(v)
  }

  /// The text with the illustrative mark, or a space so columns stay aligned.
  static func marked(_ text: String, _ illustrative: Bool, caveat: Bool = false) -> String {
    text + (illustrative ? illustrativeMark : (caveat ? caveatMark : " "))
  }

  /// A line of figures as a sparkline, one character a figure, scaled from
  /// their lowest to their highest (a space where a figure is not known).
  static func sparkline(_ values: [Double?], unicode: Bool = true) -> String {
    let bars: [String] = unicode ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : ["_", ".", "-", "~", "=", "+", "*", "#"]
    let known = values.compactMap { $0 }.filter(\.isFinite)
    guard let lo = known.min(), let hi = known.max() else { return "" }
    return values.map { v -> String in
      guard let v, v.isFinite else { return " " }
      let i = hi > lo ? Int(((v - lo) / (hi - lo) * Double(bars.count - 1)).rounded()) : bars.count / 2
      return bars[max(0, min(bars.count - 1, i))]
    }.joined()
  }

  /// A CSV/JSON number rounded to `decimals`, so float noise never shows.
  static func rounded(_ v: Double?, _ decimals: Int) -> Double? {
    guard let v else { return nil }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (v * scale).rounded() / scale
  }

  /// The footnote explaining the mark.
  static let illustrativeNote =
    "* illustrative: generated to show how the tool works (basis=illustrative), not a reported figure"

  /// The footnote explaining the caveat mark.
  static let caveatNote =
    "\(caveatMark) \(FigureStanding.caveat.label) (its status, scope or a conflicting source): --format json carries it, p shows it in the dashboard"
}
