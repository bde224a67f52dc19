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
    var clean = true
    var previous: UInt8 = 0
    for b in text.utf8 {
      // Below space (but LF, and CR before LF), DEL, and the lead bytes of
      // C1 controls (0xC2), direction marks (0xE2) and the Arabic mark (0xD8).
      if (b < 0x20 && b != 0x0A && b != 0x0D) || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xD8
        || (previous == 0x0D && b != 0x0A)
      {
        clean = false
        break
      }
      previous = b
    }
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

  @usableFromInline
  static func hex4(_ v: UInt32) -> String {
    let digits = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
