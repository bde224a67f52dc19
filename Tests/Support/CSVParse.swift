import Foundation

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

/// A copy of a data directory with every CSV file's columns in reverse order
/// and an unknown column added in the middle, read and written with the
/// plain reader here (no loader code): a loader that reads columns by name
/// must load it exactly as the original.
public func permutedCopy(of directory: String) throws -> String {
  let out = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-perm-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
  func quote(_ s: String) -> String {
    let needs = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || s.first == " " || s.last == " "
    return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }
  for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".csv") {
    let records = csvParse(try String(contentsOfFile: directory + "/" + name, encoding: .utf8))
    var text = ""
    for (i, r) in records.enumerated() {
      var cells = Array(r.reversed())
      cells.insert(i == 0 ? "zz_unknown" : "extra, \"value\" \(i)", at: cells.count / 2)
      text += cells.map(quote).joined(separator: ",") + "\n"
    }
    try text.write(toFile: out + "/" + name, atomically: true, encoding: .utf8)
  }
  return out
}
