import DashModel

/// A ``Table`` as CSV (every row, no footer) and as JSON objects, from the
/// cells' values. Text from data files is made visible in CSV; JSON escapes
/// control characters itself.
enum TableExport {
  /// The CSV header and records of the columns that appear in CSV, then
  /// the context's columns (the same on every record).
  static func csv(_ t: Table, context: ExportContext? = nil) -> String { csv(t, rows: t.rows, context: context) }

  /// The same for rows made one at a time (a long table is never held
  /// whole): `t` gives the columns.
  static func csv<Rows: Sequence>(_ t: Table, rows: Rows, context: ExportContext? = nil) -> String
  where Rows.Element == Table.Row {
    let shown = dataColumns(t).filter { t.columns[$0].outputs.contains(.csv) }
    let extra = context?.fields ?? []
    var out = CSVWriter.Output(capacity: 1 << 16)
    out.raw(CSVWriter.header(shown.map { t.columns[$0].key } + extra.map(\.key)))
    var tail = CSVWriter.Output()
    for field in extra { write(field.value, to: &tail, separated: true) }
    // Field by field into one buffer: no string per cell, no array per record.
    for row in rows {
      for (n, i) in shown.enumerated() { write(row.cells[i].value, to: &out, separated: n > 0) }
      out.append(tail)
      out.endRecord()
    }
    return out.text
  }

  /// The CSV of rows straight from their columns' values, no cell made (a
  /// national-scale league is never held as a table).
  static func csv<Item, Context>(
    _ columns: [ColumnDefinition<Item, Context>], rows: [Item], cellContext: Context, context: ExportContext? = nil
  ) -> String {
    var text = ""
    csv(columns, rows: rows, cellContext: cellContext, context: context) { text += $0 }
    return text
  }

  /// The same, handed over in pieces of whole records as they are made: a
  /// national-scale league is never held whole as text. A long table's
  /// records are made on two threads, a block of rows at a time, each half
  /// into its own piece; the pieces are handed over in order.
  static func csv<Item, Context>(
    _ columns: [ColumnDefinition<Item, Context>], rows: [Item], cellContext: Context,
    context: ExportContext? = nil, into give: (String) -> Void
  ) {
    let shown = columns.filter { $0.spec.outputs.contains(.csv) }
    let extra = context?.fields ?? []
    give(CSVWriter.header(shown.map(\.spec.key) + extra.map(\.key)))
    var tail = CSVWriter.Output()
    for field in extra { write(field.value, to: &tail, separated: true) }
    // The columns' value functions alone: a whole definition is not copied
    // per cell. They only read the row and the context, so two threads may
    // call them at once.
    let work = Records(values: shown.map { Value(of: $0.value) }, rows: rows, context: cellContext, tail: tail)
    // About 140 KB of records a half for a league's width: enough work
    // (rows × columns) for a second thread to pay (``Parallel/threshold``).
    let half = 512
    var start = 0
    while start < rows.count {
      let (from, end) = (start, min(rows.count, start + 2 * half))
      let middle = from + (end - from + 1) / 2
      let pieces = Parallel.map(2, cost: (middle - from) * work.values.count) { part in
        work.text(part == 0 ? from..<middle : middle..<end)
      }
      for piece in pieces where !piece.bytes.isEmpty { give(piece.text) }
      start = end
    }
  }

  /// What the threads making a CSV's records share: read only.
  /// A column's value function held in a field, not as an array's element:
  /// an element is called through a thunk that copies the whole row.
  private struct Value<Item, Context> {
    let of: (Item, Context) -> Table.Value
  }

  private struct Records<Item, Context>: @unchecked Sendable {
    let values: [Value<Item, Context>]
    let rows: [Item]
    let context: Context
    let tail: CSVWriter.Output

    /// The records of `range`, field by field into one buffer: no string per
    /// cell, no array per record.
    func text(_ range: Range<Int>) -> CSVWriter.Output {
      var out = CSVWriter.Output(capacity: range.count * 320)
      for row in rows[range] {
        for n in values.indices { TableExport.write(values[n].of(row, context), to: &out, separated: n > 0) }
        out.append(tail)
        out.endRecord()
      }
      return out
    }
  }

  /// One value as a CSV field (text made visible), as ``csvCell(_:)`` gives
  /// it; after a field separator when `separated`.
  static func write(_ v: Table.Value, to out: inout CSVWriter.Output, separated: Bool = false) {
    switch v {
    case .text(let s): out.visibleText(s ?? "", separated: separated)
    case .number(let d, let decimals): out.field(.decimal(d, places: decimals), separated: separated)
    case .integer(let n): out.field(.integer(n), separated: separated)
    default: out.field(csvCell(v), separated: separated)
    }
  }

  /// The column indices in data order.
  static func dataColumns(_ t: Table) -> [Int] {
    guard let order = t.dataOrder else { return Array(t.columns.indices) }
    return order.compactMap { t.column($0) }
  }

  static func csvCell(_ v: Table.Value) -> CSVWriter.Cell {
    switch v {
    case .text(let s): .text(VisibleText.sanitize(s ?? ""))
    case .number(let d, let decimals): .decimal(d, places: decimals)
    case .integer(let n): .integer(n)
    case .bool(let b): .text(b ? "true" : "false")
    case .list(let items): .text(items.map(VisibleText.sanitize).joined(separator: ";"))
    case .none: .text("")
    }
  }

  /// One value as plain text, as a CSV field holds it before quoting: numbers
  /// rounded as CSV rounds them, lists joined with `;`, booleans as words.
  static func plain(_ v: Table.Value) -> String {
    switch v {
    case .text(let s): s ?? ""
    case .number(let d, let decimals): d.map { NumberFormat.rounded($0, places: decimals) } ?? ""
    case .integer(let n): n.map(String.init) ?? ""
    case .bool(let b): b ? "true" : "false"
    case .list(let items): items.joined(separator: ";")
    case .none: ""
    }
  }

  static func json(_ v: Table.Value) -> JSONValue {
    switch v {
    case .text(let s): .string(s)
    case .number(let d, let decimals): .number(Figures.rounded(d, decimals))
    case .integer(let n): .integer(n)
    case .bool(let b): .bool(b)
    case .list(let items): .array(items.map { .string($0) })
    case .none: .null
    }
  }

  /// A row as a JSON object: one key per JSON column, grouped columns
  /// nested under their group's key where the group first appears.
  /// `leaving` names keys to leave out.
  static func json(_ row: Table.Row, in t: Table, leaving: Set<String> = []) -> JSONValue {
    var pairs: [(String, JSONValue)] = []
    var groups: [String: Int] = [:]
    for i in dataColumns(t) {
      let c = t.columns[i]
      guard c.outputs.contains(.json) && !leaving.contains(c.key) else { continue }
      let value = json(row.cells[i].value)
      guard let g = c.group else {
        pairs.append((c.key, value))
        continue
      }
      if let at = groups[g], case .object(var inner) = pairs[at].1 {
        inner.append((c.key, value))
        pairs[at].1 = .object(inner)
      } else {
        groups[g] = pairs.count
        pairs.append((g, .object([(c.key, value)])))
      }
    }
    return .object(pairs)
  }
}
