import DashModel

/// What a cell function needs besides its row: the glyphs, and whether the
/// text as shown is wanted at all.
struct CellContext {
  var glyphs: Glyphs
  /// Off for CSV and JSON, which carry only values: a national-scale export
  /// formats no figure it will not print.
  var display = true
}

/// A column defined once: its key, header, width policy, priority and
/// outputs (``Table/Column``), what it means, the value CSV and JSON carry,
/// and the function that makes its cell as shown (text, basis, tone). A
/// table's rows are made from its list of these, so a header and its cells
/// cannot drift apart, and the screen, text, CSV and JSON read one value.
struct ColumnDefinition<Row, Context> {
  var spec: Table.Column
  /// A sentence saying what the column holds, for help and `--help`.
  var meaning: String
  /// Whether a user sorting by it expects ascending order first.
  var ascendingFirst: Bool
  /// The value CSV and JSON carry, and the cell holds.
  var value: (Row, Context) -> Table.Value
  /// The cell as shown: its text, short form, basis, tone and bar (its value is ``value``'s).
  var cell: (Row, Context) -> Table.Cell

  init(
    _ key: String, _ title: String, align: Table.Align = .left, priority: Int = 0, width: Table.Width = .fixed(8),
    outputs: Table.Outputs = .everywhere, group: String? = nil, textMinimum: Int = 8, textFlexible: Bool = false,
    meaning: String = "", ascendingFirst: Bool = false, value: @escaping (Row) -> Table.Value,
    cell: @escaping (Row, Context) -> Table.Cell = { _, _ in Table.Cell(text: "") }
  ) {
    self.init(
      key, title, align: align, priority: priority, width: width, outputs: outputs, group: group,
      textMinimum: textMinimum, textFlexible: textFlexible, meaning: meaning, ascendingFirst: ascendingFirst,
      valueIn: { r, _ in value(r) }, cell: cell)
  }

  /// The same for a value that needs the context (a code looked up in the data).
  init(
    _ key: String, _ title: String, align: Table.Align = .left, priority: Int = 0, width: Table.Width = .fixed(8),
    outputs: Table.Outputs = .everywhere, group: String? = nil, textMinimum: Int = 8, textFlexible: Bool = false,
    meaning: String = "", ascendingFirst: Bool = false, valueIn value: @escaping (Row, Context) -> Table.Value,
    cell: @escaping (Row, Context) -> Table.Cell = { _, _ in Table.Cell(text: "") }
  ) {
    spec = Table.Column(
      key: key, title: title, align: align, priority: priority, width: width, outputs: outputs, group: group,
      textMinimum: textMinimum, textFlexible: textFlexible)
    self.meaning = meaning
    self.ascendingFirst = ascendingFirst
    self.value = value
    self.cell = cell
  }

  /// A data-only column (CSV and JSON).
  static func data(
    _ key: String, _ title: String, outputs: Table.Outputs = .data, value: @escaping (Row) -> Table.Value
  ) -> ColumnDefinition {
    ColumnDefinition(key, title, outputs: outputs, value: value)
  }

  /// A column whose text is its value as written (a name, a code).
  static func text(
    _ key: String, _ title: String, align: Table.Align = .left, priority: Int = 0, width: Table.Width = .fixed(8),
    textMinimum: Int = 8, textFlexible: Bool = false, meaning: String = "", ascendingFirst: Bool = false,
    tone: @escaping (Row) -> Tone = { _ in .normal }, _ text: @escaping (Row) -> String
  ) -> ColumnDefinition {
    ColumnDefinition(
      key, title, align: align, priority: priority, width: width, textMinimum: textMinimum, textFlexible: textFlexible,
      meaning: meaning, ascendingFirst: ascendingFirst, value: { .text(text($0)) }
    ) { r, _ in Table.Cell(text: text(r), tone: tone(r)) }
  }
}

extension Table {
  /// A table whose columns are `columns` and whose rows are made from them.
  init<Item, Context>(
    _ columns: [ColumnDefinition<Item, Context>], rows: some Sequence<Item>, key: (Item) -> AnyHashable?,
    context: Context
  ) {
    self.init(columns: columns.map(\.spec))
    self.rows = rows.map { Self.row($0, columns, key: key($0), context: context) }
  }

  /// One row made from `columns`.
  static func row<Item, Context>(
    _ r: Item, _ columns: [ColumnDefinition<Item, Context>], key: AnyHashable?, context: Context
  ) -> Row {
    Row(
      key: key,
      cells: columns.map { c in
        var cell = c.cell(r, context)
        cell.value = c.value(r, context)
        return cell
      })
  }
}
