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
  /// White space before the sign does not hide it (` =HYPERLINK(…)`,
  /// a line break turned into a space on the clipboard).
  public static func neutralise(_ s: String) -> String {
    for scalar in s.unicodeScalars {
      switch scalar {
      case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return "'" + s
      case " ", "\n", "\u{A0}", "\u{3000}": continue
      default: return s
      }
    }
    return s
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

extension CSVWriter {
  /// CSV written field by field into one byte buffer: the same text as
  /// ``field(_:)`` makes, without a `String` per cell (a national-scale
  /// export has hundreds of thousands of cells). Printable ASCII text and
  /// rounded figures are written byte by byte; anything else goes through
  /// ``field(_:)``.
  public struct Output: Sendable {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty output with room for `capacity` bytes.
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Forgets what was written, keeping the room it took.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends text as it is (a header, a record's end).
    public mutating func raw(_ s: String) {
      var s = s
      s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends the field separator.
    public mutating func comma() { bytes.append(0x2C) }

    /// Ends a record (CRLF, as RFC 4180 writes it).
    public mutating func endRecord() {
      bytes.append(0x0D)
      bytes.append(0x0A)
    }

    /// Appends what another output holds (a tail repeated on every record).
    public mutating func append(_ other: Output) { bytes.append(contentsOf: other.bytes) }

    /// Appends one cell, as ``CSVWriter/field(_:)`` writes it; after a
    /// field separator when `separated` (one write for both).
    public mutating func field(_ cell: Cell, separated: Bool = false) {
      switch cell {
      case .integer(let v):
        guard let v else { return separated ? comma() : () }
        integer(v, separated: separated)
      case .decimal(let v, let places):
        guard let v, decimal(v, places: places, separated: separated) else {
          if separated { comma() }
          if let v { raw(NumberFormat.rounded(v, places: places)) }
          return
        }
      case .number(let v):
        if separated { comma() }
        if let v { raw(NumberFormat.plain(v)) }
      case .text(let s):
        if separated { comma() }
        if !asciiText(s) { raw(CSVWriter.field(cell)) }
      }
    }

    /// Appends text made visible (``VisibleText/sanitize(_:)``) as a cell;
    /// after a field separator when `separated`.
    public mutating func visibleText(_ s: String, separated: Bool = false) {
      if separated { comma() }
      if !asciiText(s) { raw(CSVWriter.field(.text(VisibleText.sanitize(s)))) }
    }

    /// Printable ASCII (nothing to make visible) written as ``field(_:)``
    /// would: an apostrophe before a formula's first character, quotes
    /// around a separator, a quote or an edge space, inner quotes doubled.
    /// `false`, nothing written, for any other text.
    private mutating func asciiText(_ s: String) -> Bool {
      var s = s
      return s.withUTF8 { b -> Bool in
        guard let first = b.first, let last = b.last else { return true }
        var quote = first == 0x20 || last == 0x20
        for u in b {
          if u < 0x20 || u >= 0x7F { return false }
          if u == 0x2C || u == 0x22 { quote = true }
        }
        let formula = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40
        if quote { bytes.append(0x22) }
        if formula { bytes.append(0x27) }
        if quote {
          for u in b {
            bytes.append(u)
            if u == 0x22 { bytes.append(0x22) }
          }
          bytes.append(0x22)
        } else {
          bytes.append(contentsOf: b)
        }
        return true
      }
    }

    /// Writes a number's text, made last byte first in `room` bytes on the
    /// stack by `body` (which returns where it starts), in one append.
    @inline(__always)
    private mutating func backwards(room: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer in
        let start = body(buffer)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
      }
    }

    /// The decimal digits of `n` ending before `end`, at least `width` of
    /// them (zeros in front); where they start.
    @inline(__always)
    private static func digits(
      _ n: UInt, width: Int = 1, before end: Int, in b: UnsafeMutableBufferPointer<UInt8>
    )
      -> Int
    {
      var p = end
      var rest = n
      repeat {
        p -= 1
        b[p] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      } while rest > 0 || end - p < width
      return p
    }

    /// A number's sign, then the field separator, in front of its digits
    /// (which start at `end`); where they start.
    @inline(__always)
    private static func front(
      negative: Bool, separated: Bool, before end: Int, in b: UnsafeMutableBufferPointer<UInt8>
    )
      -> Int
    {
      var p = end
      if negative {
        p -= 1
        b[p] = 0x2D
      }
      if separated {
        p -= 1
        b[p] = 0x2C
      }
      return p
    }

    private mutating func integer(_ n: Int, separated: Bool) {
      // A separator, a sign and Int.min's 19 digits at most.
      backwards(room: 24) { b in
        Self.front(
          negative: n < 0, separated: separated, before: Self.digits(n.magnitude, before: b.count, in: b), in: b)
      }
    }

    /// ``NumberFormat/rounded(_:places:)`` written as digits; `false`, nothing
    /// written, when the figure is not an ordinary one (it is then formatted
    /// as text).
    private mutating func decimal(_ value: Double, places: Int, separated: Bool) -> Bool {
      guard places > 0, places <= 9, value.isFinite else { return false }
      var unit: UInt = 1
      for _ in 0..<places { unit *= 10 }
      let scaled = (value * Double(unit)).rounded()
      guard abs(scaled) < 1e15 else { return false }
      let units = Int(scaled)
      let magnitude = units.magnitude
      var frac = magnitude % unit
      var shown = places
      while frac != 0 && frac % 10 == 0 {
        frac /= 10
        shown -= 1
      }
      // Fifteen digits, a point, a sign and a separator at most.
      backwards(room: 32) { b in
        var p = b.count
        if frac != 0 {
          // Zeros between the point and the first significant digit.
          p = Self.digits(frac, width: shown, before: p, in: b) - 1
          b[p] = 0x2E
        }
        p = Self.digits(magnitude / unit, before: p, in: b)
        return Self.front(negative: units < 0, separated: separated, before: p, in: b)
      }
      return true
    }
  }
}
