/// Terminal column widths of text: CJK and emoji take two columns, combining
/// marks none. Computed without the C library, so tables line up the same in
/// tests and on every machine.
public enum DisplayWidth {
  /// East Asian Wide and Fullwidth ranges (Unicode 15), plus emoji blocks
  /// that terminals draw two columns wide.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
    0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C,
    0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
    0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
    0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
    0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
    0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF,
    0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0,
    0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
    0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  /// Whether a scalar is drawn two columns wide.
  public static func isWide(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x1100 { return false }
    var lo = 0
    var hi = wideRanges.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let r = wideRanges[mid]
      if v < r.lowerBound {
        hi = mid - 1
      } else if v > r.upperBound {
        lo = mid + 1
      } else {
        return true
      }
    }
    return false
  }

  /// Whether a scalar takes no column of its own (combining marks, joiners).
  public static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x300 { return false }
    if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || (0xFE00...0xFE0F).contains(v) { return true }
    if (0x1160...0x11FF).contains(v) || (0xE0100...0xE01EF).contains(v) { return true }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return false
    }
  }

  /// The columns one grapheme takes: 0, 1 or 2.
  public static func width(of ch: Character) -> Int {
    if ch.isASCII { return 1 }
    let scalars = ch.unicodeScalars
    guard let first = scalars.first else { return 0 }
    // A flag is a pair of regional indicators drawn two columns wide; one
    // alone is a letter in a box, one column.
    if (0x1F1E6...0x1F1FF).contains(first.value) { return scalars.count > 1 ? 2 : 1 }
    if isWide(first) || first.properties.isEmojiPresentation { return 2 }
    // Text-style emoji turned into pictures by VS16 take two columns.
    if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }), first.properties.isEmoji { return 2 }
    if isZeroWidth(first) { return scalars.count > 1 ? 1 : 0 }
    return 1
  }

  /// The columns a string takes (it should already be made visible).
  public static func width(of s: String) -> Int {
    var n = 0
    for u in s.utf8 where u >= 0x80 {
      n = -1
      break
    }
    if n == 0 { return s.utf8.count }
    n = 0
    for ch in s { n += width(of: ch) }
    return n
  }

  /// The string cut to at most `columns`, ending in `ellipsis` when cut.
  public static func truncate(_ s: String, to columns: Int, ellipsis: String = "…") -> String {
    guard columns > 0 else { return "" }
    if width(of: s) <= columns { return s }
    let e = width(of: ellipsis)
    guard columns > e else { return String(repeating: ".", count: columns) }
    var out = ""
    var used = 0
    for ch in s {
      let w = width(of: ch)
      if used + w > columns - e { break }
      out.append(ch)
      used += w
    }
    return out + ellipsis
  }

  /// The string padded with spaces to exactly `columns` (cut if longer).
  public static func pad(_ s: String, to columns: Int, right: Bool = false, ellipsis: String = "…") -> String {
    let t = truncate(s, to: columns, ellipsis: ellipsis)
    let gap = max(0, columns - width(of: t))
    let spaces = String(repeating: " ", count: gap)
    var out = right ? spaces + t : t + spaces
    // A character that joins what follows it (U+0600, a prepended mark) can
    // take a space into itself: top the padding up until the width is right.
    var topUps = 0
    while topUps < columns && width(of: out) < columns {
      out = right ? " " + out : out + " "
      topUps += 1
    }
    return out
  }
}
