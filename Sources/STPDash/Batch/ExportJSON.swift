import DashModel

/// A CSV export as JSON: an array of objects, one per record, keyed by the
/// header; numbers as numbers, `true`/`false` as booleans, empty as null.
enum ExportJSON {
  static func from(csv: String) -> String {
    let records = CSVRecords.parse(csv)
    guard let header = records.first else { return "[]\n" }
    let objects: [JSONValue] = records.dropFirst().map { r in
      .object(
        header.enumerated().map { i, key in
          let v = i < r.count ? r[i] : ""
          if v.isEmpty { return (key, .null) }
          if v == "true" || v == "false" { return (key, .bool(v == "true")) }
          if let d = Double(v), d.isFinite, v.first.map({ $0.isNumber || $0 == "-" }) == true {
            return (key, .number(d))
          }
          return (key, .string(v))
        })
    }
    return JSONValue.array(objects).rendered() + "\n"
  }
}

/// A small RFC 4180 reader for text STPDash wrote itself.
enum CSVRecords {
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
      if quoted {
        if c == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append("\"")
            scalars.removeFirst()
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
      } else if c == "\r" {
        continue
      } else if c == "\n" {
        fields.append(field)
        records.append(fields)
        fields = []
        field = ""
      } else {
        field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      records.append(fields)
    }
    return records
  }
}
