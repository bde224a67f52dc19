/// A tiny JSON writer with stable key order, for script-friendly output.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  /// Keys keep the order given.
  case object([(String, JSONValue)])

  /// `nil` becomes `null`.
  public static func number(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }
  /// `nil` becomes `null`.
  public static func string(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }
  /// `nil` becomes `null`.
  public static func integer(_ v: Int?) -> JSONValue { v.map { .integer($0) } ?? .null }

  /// The value as JSON text, indented by two spaces per level.
  public func rendered(indent: Int = 0) -> String {
    var out = ""
    write(to: &out, indent: indent)
    return out
  }

  func write(to out: inout String, indent: Int) {
    let pad = String(repeating: " ", count: indent + 2)
    let close = String(repeating: " ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let v): out += v.isFinite ? NumberFormat.plain(v) : "null"
    case .integer(let v): out += String(v)
    case .string(let s): out += Self.escape(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        item.write(to: &out, indent: indent + 2)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += close + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (i, (k, v)) in pairs.enumerated() {
        out += pad + Self.escape(k) + ": "
        v.write(to: &out, indent: indent + 2)
        out += i + 1 < pairs.count ? ",\n" : "\n"
      }
      out += close + "}"
    }
  }

  /// A JSON string literal; control characters are escaped, so output never
  /// carries terminal escapes.
  public static func escape(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 || u.value == 0x7F || (u.value >= 0x80 && u.value < 0xA0) {
          out += "\\u" + VisibleText.hex4(u.value).lowercased()
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  /// Whether two values render the same.
  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }
  /// Hashes the rendered form.
  public func hash(into h: inout Hasher) { h.combine(rendered()) }
}
