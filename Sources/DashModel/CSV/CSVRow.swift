/// One data record of a CSV table, with its fields resolved by column name.
///
/// Accessors take a column slot from the table's `columns` (see
/// ``CSVTable/column(_:)``); a slot of `-1` means the optional column is not
/// in the file and reads as an empty cell.
package struct CSVRow {
  let base: UnsafePointer<UInt8>
  let fields: FieldBuffer
  /// The 1-based physical line the record starts on.
  package var line: Int

  init(base: UnsafePointer<UInt8>, fields: FieldBuffer, line: Int) {
    self.base = base
    self.fields = fields
    self.line = line
  }

  /// The field's bytes with ASCII spaces and tabs trimmed, raw (quotes not collapsed).
  @inline(__always)
  package func trimmedBytes(_ slot: Int) -> UnsafeBufferPointer<UInt8> {
    guard slot >= 0, slot < fields.stored else { return UnsafeBufferPointer(start: base, count: 0) }
    var s = fields[slot].start
    var e = fields[slot].end
    // Most cells have no surrounding space: two compares and done.
    if s < e && (base[s] <= 0x20 || base[e - 1] <= 0x20) {
      while s < e, base[s] == 0x20 || base[s] == 0x09 { s += 1 }
      while e > s, base[e - 1] == 0x20 || base[e - 1] == 0x09 { e -= 1 }
    }
    return UnsafeBufferPointer(start: base + s, count: e - s)
  }

  /// True when the cell is empty or only spaces.
  package func isBlank(_ slot: Int) -> Bool { trimmedBytes(slot).isEmpty }

  /// Whether the field holds doubled quotes that `string(_:)` collapses.
  @inline(__always)
  package func hasEscapes(_ slot: Int) -> Bool {
    slot >= 0 && slot < fields.stored && fields[slot].escapes
  }

  /// The cell exactly as written: a quoted field keeps everything between
  /// its quotes (spaces, line breaks, control characters), quotes collapsed;
  /// an unquoted one is trimmed like ``string(_:)``.
  package func exactString(_ slot: Int) -> String {
    guard slot >= 0, slot < fields.stored, fields[slot].quoted else { return string(slot) }
    let f = fields[slot]
    return Self.text(
      UnsafeBufferPointer(start: base + f.start, count: f.end - f.start), escapes: f.escapes, trimming: false)
  }

  /// The cell as a string, quotes collapsed, surrounding white space
  /// (including no-break spaces) removed. Invalid UTF-8 becomes U+FFFD.
  package func string(_ slot: Int) -> String {
    Self.text(trimmedBytes(slot), escapes: hasEscapes(slot))
  }

  /// A field's bytes as text (see ``string(_:)``): `raw` is the field between
  /// its quotes, spaces and tabs already trimmed; `escapes` says whether it
  /// holds doubled quotes; `trimming` removes other Unicode white space
  /// from the ends.
  static func text(_ raw: UnsafeBufferPointer<UInt8>, escapes: Bool, trimming: Bool = true) -> String {
    guard !raw.isEmpty else { return "" }
    let s: String
    if escapes {
      var bytes = [UInt8]()
      bytes.reserveCapacity(raw.count)
      var i = 0
      while i < raw.count {
        bytes.append(raw[i])
        if raw[i] == 0x22, i + 1 < raw.count, raw[i + 1] == 0x22 { i += 1 }
        i += 1
      }
      s = String(decoding: bytes, as: UTF8.self)
    } else {
      s = String(decoding: raw, as: UTF8.self)
    }
    // Unicode white space (a no-break space pasted from a web page, say):
    // only possible when the text starts or ends outside ASCII.
    guard trimming, raw[0] >= 0x80 || raw[raw.count - 1] >= 0x80 else { return s }
    return s.trimmingWhitespace()
  }

  /// True when the trimmed cell equals the ASCII `text` exactly.
  package func equals(_ slot: Int, _ text: StaticString) -> Bool {
    let b = trimmedBytes(slot)
    guard b.count == text.utf8CodeUnitCount else { return false }
    let t = text.utf8Start
    for i in 0..<b.count where b[i] != t[i] { return false }
    return true
  }

  /// The cell parsed as a decimal number; `nil` when blank or not a number.
  package func number(_ slot: Int) -> Double? {
    let b = trimmedBytes(slot)
    guard let p = b.baseAddress, !b.isEmpty else { return nil }
    return DecimalParser.parse(p, count: b.count)
  }

  /// The number of fields in the record.
  package var fieldCount: Int { fields.count }
}
