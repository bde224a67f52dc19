import DashModel

/// The scanner over any bytes.
enum CSVTarget {
  static func run(_ input: [UInt8]) -> String? {
    guard let first = scan(input) else { return "the scanner did not finish (more records than bytes)" }
    if let problem = first.problem { return problem }
    // Round trip: when the input scanned cleanly as UTF-8, its records
    // written back by the CSV writer must scan to the same records.
    guard first.clean, String(validating: input, as: UTF8.self) != nil else { return nil }
    let texts = first.records.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    // A first cell that starts with a byte-order mark is read as a mark: not
    // a round trip case.
    if let cell = texts.first?.first, cell.unicodeScalars.first == "\u{FEFF}" { return nil }
    var written = ""
    for record in texts { written += record.map(CSVWriter.quote).joined(separator: ",") + "\n" }
    guard let again = scan(Array(written.utf8)) else { return "the scanner did not finish on written CSV" }
    if let problem = again.problem { return "written CSV: " + problem }
    if !again.clean { return "CSV written from clean records does not scan cleanly:\n\(written.debugDescription)" }
    let back = again.records.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    if back != texts {
      return "round trip changed the records:\n\(texts.debugDescription)\n\(back.debugDescription)"
    }
    return nil
  }

  struct Scan {
    var records: [[[UInt8]]] = []
    var clean = true
    var problem: String?
  }

  /// Every record's fields as bytes (quotes collapsed); `nil` when the
  /// scanner would not stop.
  static func scan(_ input: [UInt8]) -> Scan? {
    var result = Scan()
    let padded = input + [0]  // a valid base even for empty input
    return padded.withUnsafeBufferPointer { buf -> Scan? in
      guard let base = buf.baseAddress else { return nil }
      var scanner = CSVScanner(base: base, count: input.count)
      let fields = FieldBuffer()
      var steps = 0
      while true {
        steps += 1
        if steps > input.count + 2 { return nil }
        do throws(CSVSyntaxError) {
          guard let line = try scanner.nextRecord(into: fields) else { return result }
          if line < 1 { result.problem = "a record on line \(line)" }
          if fields.count > fields.stored { result.clean = false }
          var record: [[UInt8]] = []
          for i in 0..<fields.stored {
            let f = fields[i]
            guard f.start >= 0, f.start <= f.end, f.end <= input.count else {
              result.problem = "field \(i) spans \(f.start)..<\(f.end) of \(input.count) bytes"
              return result
            }
            record.append(collapse(Array(buf[f.start..<f.end]), escapes: f.escapes))
          }
          result.records.append(record)
        } catch {
          result.clean = false
          if error.line < 1 || error.column < 1 {
            result.problem = "an error at line \(error.line), column \(error.column)"
          }
        }
      }
    }
  }

  /// A field's bytes with each `""` made one `"`.
  static func collapse(_ bytes: [UInt8], escapes: Bool) -> [UInt8] {
    guard escapes else { return bytes }
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      out.append(bytes[i])
      i += bytes[i] == 0x22 && i + 1 < bytes.count && bytes[i + 1] == 0x22 ? 2 : 1
    }
    return out
  }
}
