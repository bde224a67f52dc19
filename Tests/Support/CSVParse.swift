/// The records of a CSV text, RFC 4180 (quoted separators, doubled quotes
/// and line breaks inside quotes): a plain reader for tests, sharing no code
/// with the loader, used by both test targets.
public func csvParse(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var fields: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text.unicodeScalars)
  var i = 0
  func endRecord() {
    fields.append(field)
    field = ""
    if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
    fields = []
  }
  while i < chars.count {
    let c = chars[i]
    if quoted {
      if c == "\"" {
        if i + 1 < chars.count && chars[i + 1] == "\"" {
          field.unicodeScalars.append("\"")
          i += 1
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(c)
      }
    } else if c == "\"" {
      quoted = true
    } else if c == "," {
      fields.append(field)
      field = ""
    } else if c == "\n" || c == "\r" {
      if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
      endRecord()
    } else {
      field.unicodeScalars.append(c)
    }
    i += 1
  }
  if !field.isEmpty || !fields.isEmpty { endRecord() }
  chars.removeAll()
  return records
}
