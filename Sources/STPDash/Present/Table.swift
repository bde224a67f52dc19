import DashModel

/// A table as every front end shows it: the screen draws it into the cell
/// grid, the batch commands print it as text, CSV or JSON. A column or a row
/// added here appears in all of them.
///
/// Cells carry their text as shown (and a shorter form for narrow columns),
/// the value CSV and JSON carry, the basis of a figure (so the illustrative
/// mark is drawn the same way everywhere), and a ``Tone`` saying what the
/// value means, which the screen turns into colour or emphasis.
struct Table {
  enum Align: Hashable { case left, right }

  /// Which outputs a column appears in.
  struct Outputs: OptionSet, Hashable {
    let rawValue: Int
    static let screen = Outputs(rawValue: 1)
    static let text = Outputs(rawValue: 2)
    static let csv = Outputs(rawValue: 4)
    static let json = Outputs(rawValue: 8)
    /// Every output.
    static let everywhere: Outputs = [.screen, .text, .csv, .json]
    /// Data only: identifiers and machine fields, not for reading.
    static let data: Outputs = [.csv, .json]
  }

  /// How wide a column is on screen.
  enum Width: Hashable {
    /// Exactly this many cells.
    case fixed(Int)
    /// At least `min` cells, taking up to `extra` more of what is left over.
    case flexible(min: Int, extra: Int)

    var minimum: Int {
      switch self {
      case .fixed(let n): n
      case .flexible(let n, _): n
      }
    }
  }

  struct Column: Hashable {
    /// The name in CSV and JSON.
    var key: String
    /// The header on screen and in text tables.
    var title: String
    var align: Align = .left
    /// Which columns go first when space is short: lower stays longer.
    var priority = 0
    var width: Width = .fixed(8)
    var outputs: Outputs = .everywhere
    /// In JSON, the object this column's value is nested in (`nil`: the row itself).
    var group: String? = nil
    /// The smallest width a text table may cut this column to (the flexible one only).
    var textMinimum = 8
    /// Whether a text table cuts this column before dropping any other.
    var textFlexible = false
  }

  /// What CSV and JSON carry for a cell.
  enum Value: Hashable {
    case text(String?)
    /// A number rounded to `decimals` places (so float noise never shows).
    case number(Double?, decimals: Int)
    case integer(Int?)
    case bool(Bool)
    case list([String])
    case none
  }

  struct Cell: Hashable {
    /// As shown on screen and in text tables.
    var text: String
    /// A shorter form, for a column too narrow for `text`.
    var short: String? = nil
    var value: Value = .none
    /// For a figure: its basis (an illustrative one is marked `*`).
    var basis: Basis? = nil
    /// A reported figure with a caveat (marked `†`; `p` shows it).
    var caveat = false
    var tone: Tone = .normal
    /// A share (0–1) the screen draws as a bar before the text (NaN: a
    /// blank bar, nothing being known); `nil` for an ordinary cell.
    var bar: Double? = nil

    /// A cell of plain text whose value is the same text.
    static func text(_ s: String, tone: Tone = .normal) -> Cell { Cell(text: s, value: .text(s), tone: tone) }
  }

  struct Row: Hashable {
    /// The stable key a screen selects the row by (a footprint, a membership, …).
    var key: AnyHashable?
    var cells: [Cell]
  }

  var columns: [Column]
  /// The order of the columns in CSV and JSON, by key, when it is not the
  /// order on screen.
  var dataOrder: [String]? = nil
  var rows: [Row] = []
  /// Totals: shown under a rule on screen and in text; not in CSV.
  var footer: [Row] = []

  /// The index of the column with this key.
  func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

  /// Whether any figure in the table is illustrative.
  var hasIllustrative: Bool {
    (rows + footer).contains { $0.cells.contains { $0.basis == .illustrative } }
  }
}
