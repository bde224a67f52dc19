import DashModel

// How the settings and the standing of figures are said, once, for the
// screens, the text, the exports and the messages.

extension DeliveryScheme {
  /// The word `--delivery` takes for each footprint at its observed rate.
  static let observedWord = "observed"

  /// A `--delivery` value: a whole percent, or `observed`; `nil` for anything else.
  init?(setting text: String) {
    let t = text.trimmingWhitespace()
    if t.lowercased() == Self.observedWord {
      self = .observed
      return
    }
    guard let n = Int(t.hasSuffix("%") ? String(t.dropLast()) : t), (Delivery.minimum...Delivery.maximum).contains(n)
    else { return nil }
    self = .uniform(Delivery(percent: n))
  }

  /// The setting as the status line and exports say it: `100%`, or `observed`.
  var setting: String { uniform.map { "\($0.percent)%" } ?? Self.observedWord }

  /// The setting after "plans at": `100%`, or `observed rates`.
  var phrase: String { uniform.map { "\($0.percent)%" } ?? "\(Self.observedWord) rates" }

  /// One footprint's setting after "plan at": `60%`, or `observed 42%`.
  func phrase(footprint f: FootprintID, in analysis: Analysis) -> String {
    let pct = delivery(footprint: f, in: analysis).percent
    return uniform == nil ? "\(Self.observedWord) \(pct)%" : "\(pct)%"
  }
}

extension Basis {
  /// Reported, or illustrative when any figure behind it is.
  init(illustrative: Bool) { self = illustrative ? .illustrative : .reported }
}

extension RefusingRule {
  /// The setting as the status line says it: `refused`, `+dissenting`, `+conditional`.
  var setting: String { self == .refused ? code : "+" + code }

  /// Which bodies count as refusing, after "refusing:".
  var phrase: String {
    switch self {
    case .refused: "bodies that refused, flagged or assumed refusing"
    case .dissenting: "refused or dissenting bodies, flagged or assumed refusing"
    case .conditional: "refused, dissenting or conditional bodies, flagged or assumed refusing"
    }
  }
}
