/// Formats figures the way analysts read them: thousands separators, fixed
/// decimals, a plain minus sign. Works without Foundation or locale, so the
/// output is the same on every machine.
public enum NumberFormat {
  /// `1234567` → `1,234,567`.
  public static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    out.reserveCapacity(digits.count + digits.count / 3 + 1)
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return n < 0 ? "-" + out : out
  }

  /// `1070.04, decimals 1` → `1,070.0`; rounds half away from zero.
  public static func fixed(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
    guard value.isFinite else { return "—" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e18 else { return String(value) }
    let units = Int(scaled)
    let whole = units / Int(scale)
    let frac = units % Int(scale)
    var s = grouping ? grouped(whole) : String(whole)
    if decimals > 0 {
      let f = String(frac)
      s += "." + String(repeating: "0", count: decimals - f.count) + f
    }
    return value < 0 && units != 0 ? "-" + s : s
  }

  /// A figure for CSV and JSON: integral values without a decimal point,
  /// others in the shortest form that reads back exactly.
  public static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// `0.634` → `63%`.
  public static func percent(_ share: Double) -> String {
    fixed(share * 100, decimals: 0, grouping: false) + "%"
  }

  /// `plain(v rounded to `places` decimals)`, made from integers rather
  /// than by printing a double (a national-scale CSV has a million figures).
  /// The same text: a double nearest a whole number of thousandths prints
  /// as that decimal, trailing zeros dropped.
  public static func rounded(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * scale).rounded()
    guard value.isFinite, abs(scaled) < 1e15, places > 0 else { return plain(scaled / scale) }
    let units = Int(scaled)
    let magnitude = units.magnitude
    let unit = UInt(scale)
    let whole = magnitude / unit
    var frac = magnitude % unit
    let sign = units < 0 ? "-" : ""
    guard frac != 0 else { return sign + String(whole) }
    var digits = places
    while frac % 10 == 0 {
      frac /= 10
      digits -= 1
    }
    let f = String(frac)
    return sign + String(whole) + "." + String(repeating: "0", count: digits - f.count) + f
  }
}
