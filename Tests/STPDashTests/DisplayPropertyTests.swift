import DashModel
import PropertyBased
import TestSupport
import Testing

@testable import STPDash

/// No text from the data, whatever it holds, reaches the terminal as
/// anything but text: through the screen's cell grid (all the dashboard
/// draws) and through batch tables (all the commands print).
@Suite("Properties: the display path")
struct DisplayPropertyTests {
  /// A scalar a terminal would obey rather than show.
  static func acts(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v)
  }

  static let texts = AwkwardText.string(length: 0...50)

  @Test func searchFindsEveryPartOfANameThatStringSearchFinds() {
    seededCheck(zip(Self.texts, Gen<Int>.int(in: 0...50).array(of: 2...2)), seed: 404) { text, ends in
      let (a, b) = (ends[0], ends[1])
      // A run of the text's scalars is always found, and so is anything
      // String.contains finds; nothing else is needed of a byte search.
      let scalars = Array(text.unicodeScalars)
      let lo = min(a, b, scalars.count)
      let hi = min(max(a, b), scalars.count)
      var part = String.UnicodeScalarView()
      part.append(contentsOf: scalars[lo..<hi])
      let run = String(part)
      if !Search.contains(text, run) { return "\(run.debugDescription) not found in \(text.debugDescription)" }
      let other = String(text.reversed().prefix(3))
      if text.contains(other) && !Search.contains(text, other) {
        return "\(other.debugDescription) found by String.contains only"
      }
      return Search.contains("", run) == run.isEmpty ? nil : "the empty text holds \(run.debugDescription)"
    }
  }

  func actingCell(_ buf: Buffer) -> String? {
    for y in 0..<buf.height {
      for x in 0..<buf.width {
        if let bad = buf[x, y].symbol.unicodeScalars.first(where: Self.acts) {
          return "cell (\(x), \(y)) holds U+\(String(bad.value, radix: 16, uppercase: true))"
        }
      }
    }
    return nil
  }

  @Test func noStringPutOnTheScreenYieldsAControlCharacter() {
    seededCheck(zip(Self.texts, Gen<Int>.int(in: 0...30)), count: 500, seed: 301) { text, width in
      var buf = Buffer(width: 32, height: 3)
      buf.put(text, x: 0, y: 0)
      buf.put(text, x: 1, y: 1, width: width, ellipsis: "…")
      buf.put(text, x: 2, y: 2, width: width, right: true, ellipsis: "...")
      return actingCell(buf)
    }
  }

  @Test func noTableCellOnScreenOrInATextTableYieldsAControlCharacter() {
    let rows = Self.texts.array(of: 3).array(of: 1...4)
    seededCheck(rows, count: 200, seed: 302) { cells in
      let columns = [
        Table.Column(key: "a", title: "A", width: .flexible(min: 6, extra: 30), textFlexible: true),
        Table.Column(key: "b", title: "B", align: .right, width: .fixed(7)),
        Table.Column(key: "c", title: "C", width: .fixed(5)),
      ]
      var table = Table(columns: columns)
      table.rows = cells.enumerated().map { i, r in Table.Row(key: i, cells: r.map { Table.Cell.text($0) }) }
      // The screen.
      var buf = Buffer(width: 40, height: table.rows.count + 1)
      let layout = TableLayout(table, width: 40)
      let theme = Theme(.full)
      let g = Glyphs(unicode: true)
      TableView.header(table, layout: layout, y: 0, sorted: "a", ascending: true, into: &buf, theme: theme, glyphs: g)
      for (i, row) in table.rows.enumerated() {
        TableView.row(row, in: table, layout: layout, y: i + 1, into: &buf, theme: theme, glyphs: g)
      }
      if let bad = actingCell(buf) { return "screen: \(bad)" }
      // A text table as the commands print it (through the one output seam).
      let printed = VisibleText.sanitizeLines(TextTable(table).render(width: 60, glyphs: g).joined(separator: "\n"))
      if let bad = printed.unicodeScalars.first(where: { $0 != "\n" && Self.acts($0) }) {
        return "text table: U+\(String(bad.value, radix: 16, uppercase: true))"
      }
      return nil
    }
  }
}
