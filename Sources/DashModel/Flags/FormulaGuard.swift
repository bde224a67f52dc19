/// Keeps free text in the flag journal from being run as a formula when
/// `flags.csv` is opened in a spreadsheet, without changing what it says.
///
/// Text that a spreadsheet would read as a formula (it begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) is stored behind one apostrophe,
/// which spreadsheets show as plain text. Text that already begins with
/// apostrophes in front of such a character gets one more, so reading takes
/// exactly one away and every text comes back as it was written.
public enum FormulaGuard {
  static func startsFormula(_ s: Substring) -> Bool {
    guard let c = s.unicodeScalars.first else { return false }
    switch c {
    case "=", "+", "-", "@", "\t", "\r": return true
    case "'": return startsFormula(s.dropFirst())
    default: return false
    }
  }

  /// The text as stored.
  public static func encode(_ s: String) -> String { startsFormula(Substring(s)) ? "'" + s : s }

  /// The text as written, from what is stored.
  public static func decode(_ s: String) -> String {
    let sub = Substring(s)
    if sub.first == "'" && startsFormula(sub.dropFirst()) { return String(sub.dropFirst()) }
    return s
  }
}
