import DashModel

/// One fact about a footprint or an organisation, as every front end
/// states it: a label, the value as shown (figures carry their mark), what
/// it means, and where a screen puts it.
struct Fact: Hashable {
  /// Where the screen shows a fact (batch output lists them all, in order).
  enum Place: Hashable {
    /// In the title line.
    case title
    /// In the grid of facts.
    case grid
    /// On lines of its own under the grid, wrapped (never cut).
    case wide
    /// Drawn as the alignment bar and its legend.
    case bar
  }

  var label: String
  var value: String
  /// A sentence saying what the fact is, for help and `--help`.
  var meaning: String
  /// For a figure: its basis.
  var basis: Basis? = nil
  var tone: Tone = .normal
  var place: Place = .grid
}
