/// Writes CSV that is safe to open in a spreadsheet.
///
/// Text cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return
/// get a leading apostrophe so a spreadsheet shows them instead of running
/// them as formulas; numbers are written as numbers, untouched.
public enum CSVWriter {
  /// A CSV cell: text (neutralised if needed) or a number (written as is).
  public enum Cell: Sendable, Hashable {
    case text(String)
    case number(Double?)
    /// A number rounded to `places` decimals (written as ``NumberFormat/rounded(_:places:)``).
    case decimal(Double?, places: Int)
    case integer(Int?)
  }

  /// One cell, quoted where RFC 4180 needs it.
  public static func field(_ cell: Cell) -> String {
    switch cell {
    case .number(let v): return v.map(NumberFormat.plain) ?? ""
    case .decimal(let v, let places): return v.map { NumberFormat.rounded($0, places: places) } ?? ""
    case .integer(let v): return v.map(String.init) ?? ""
    case .text(let s): return quote(neutralise(s))
    }
  }

  /// A whole record, ending in CRLF as RFC 4180 writes it.
  public static func record(_ cells: [Cell]) -> String {
    cells.map(field).joined(separator: ",") + "\r\n"
  }

  /// A header record.
  public static func header(_ names: [String]) -> String { record(names.map { .text($0) }) }

  /// The text with a leading apostrophe when a spreadsheet would run it as a formula.
  public static func neutralise(_ s: String) -> String {
    guard let first = s.unicodeScalars.first else { return s }
    switch first {
    case "=", "+", "-", "@", "\t", "\r": return "'" + s
    default: return s
    }
  }

  /// The text quoted (and inner quotes doubled) when it holds a separator,
  /// quote or line break, or begins or ends with white space or a control.
  public static func quote(_ s: String) -> String {
    var needs = false
    for u in s.utf8 where u == 0x2C || u == 0x22 || u == 0x0A || u == 0x0D {
      needs = true
      break
    }
    // White space (a tab, a no-break space, a paragraph separator) or a
    // control at either end: a reader would trim it.
    func edge(_ u: Unicode.Scalar?) -> Bool {
      guard let u else { return false }
      return u.value <= 0x20 || u.value == 0x7F || (u.value >= 0x80 && u.properties.isWhitespace)
    }
    if edge(s.unicodeScalars.first) || edge(s.unicodeScalars.last) { needs = true }
    guard needs else { return s }
    // By scalar, not by character: a quote followed by a combining mark is
    // one character, and its quote must still be doubled.
    var out = String.UnicodeScalarView()
    out.append("\"")
    for u in s.unicodeScalars {
      out.append(u)
      if u == "\"" { out.append("\"") }
    }
    out.append("\"")
    return String(out)
  }
}
