/// Makes text from data files safe to show: nothing in it can act on a terminal.
///
/// C0 and C1 control characters, DEL and the bidirectional overrides are
/// replaced by visible stand-ins (`^[` for ESC, `<U+202E>` for RLO), so a
/// name that holds an escape sequence is shown, never obeyed.
public enum VisibleText {
  /// The visible stand-in for a scalar that must not reach a terminal, or
  /// `nil` when the scalar may be shown as it is.
  public static func escape(_ scalar: Unicode.Scalar) -> String? {
    let v = scalar.value
    if v < 0x20 {
      // Caret notation, as `cat -v` shows it: ESC is ^[, TAB is ^I.
      return "^" + String(Unicode.Scalar(UInt8(v + 0x40)))
    }
    if v == 0x7F { return "^?" }
    if v >= 0x80 && v < 0xA0 { return "<U+" + hex4(v) + ">" }
    if (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F
      || v == 0x061C
    {
      return "<U+" + hex4(v) + ">"
    }
    return nil
  }

  /// `text` with every unsafe scalar replaced by its visible stand-in.
  public static func sanitize(_ text: String) -> String {
    var needs = false
    for s in text.unicodeScalars where escape(s) != nil {
      needs = true
      break
    }
    guard needs else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for s in text.unicodeScalars {
      if let e = escape(s) { out += e } else { out.unicodeScalars.append(s) }
    }
    return out
  }

  /// Text for a terminal or a pipe, line by line: line ends (LF, CRLF) are
  /// kept, every other unsafe scalar is made visible. Checked byte by byte
  /// first, so output with nothing to change (the usual case) costs one pass.
  public static func sanitizeLines(_ text: String) -> String {
    var text = text
    let (clean, previous) = text.withUTF8 { linesAreClean($0) }
    if clean && previous != 0x0D { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    var pendingCR = false
    for s in text.unicodeScalars {
      if pendingCR {
        out += s == "\n" ? "\r\n" : "^M"
        pendingCR = false
        if s == "\n" { continue }
      }
      if s == "\n" {
        out.unicodeScalars.append(s)
      } else if s == "\r" {
        pendingCR = true
      } else if let e = escape(s) {
        out += e
      } else {
        out.unicodeScalars.append(s)
      }
    }
    if pendingCR { out += "^M" }
    return out
  }

  /// Whether text has nothing for ``sanitizeLines(_:)`` to change, and its
  /// last byte. Eight bytes at a time: a word with no byte below space, no
  /// DEL and no byte above 0x7F needs no closer look (CSV of a national
  /// league is a megabyte and a half).
  static func linesAreClean(_ b: UnsafeBufferPointer<UInt8>) -> (clean: Bool, last: UInt8) {
    var previous: UInt8 = 0
    /// The byte-by-byte rule: below space (but LF, and CR before LF), DEL,
    /// and the lead bytes of C1 controls (0xC2), direction marks (0xE2) and
    /// the Arabic mark (0xD8).
    func bad(_ u: UInt8) -> Bool {
      (u < 0x20 && u != 0x0A && u != 0x0D) || u == 0x7F || u == 0xC2 || u == 0xE2 || u == 0xD8
        || (previous == 0x0D && u != 0x0A)
    }
    guard let base = UnsafeRawPointer(b.baseAddress) else { return (true, 0) }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    while i + 8 <= b.count {
      let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let below = (w &- ones &* 0x20) & ~w & highs
      let x = w ^ (ones &* 0x7F)
      let del = (x &- ones) & ~x & highs
      if (w & highs) | below | del == 0 && previous != 0x0D {
        previous = b[i + 7]
        i += 8
        continue
      }
      for j in i..<(i + 8) {
        if bad(b[j]) { return (false, b[j]) }
        previous = b[j]
      }
      i += 8
    }
    while i < b.count {
      if bad(b[i]) { return (false, b[i]) }
      previous = b[i]
      i += 1
    }
    return (true, previous)
  }

  @usableFromInline
  static func hex4(_ v: UInt32) -> String {
    let digits = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
