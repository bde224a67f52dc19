/// The byte range of one field inside a CSV buffer.
///
/// Offsets are relative to the start of the buffer being scanned. `quoted`
/// says the field was enclosed in quotes (the range excludes them);
/// `escapes` says it contains doubled quotes that must be collapsed.
package struct CSVFieldSpan: Sendable, Equatable {
  /// Offset of the first byte of the field's content.
  package var start: Int
  /// Offset one past the last byte of the field's content.
  package var end: Int
  /// Whether the field was enclosed in double quotes.
  package var quoted: Bool
  /// Whether the content holds `""` pairs that stand for one quote.
  package var escapes: Bool
}

/// A syntax problem found while splitting bytes into records.
package struct CSVSyntaxError: Error, Sendable, Equatable {
  /// 1-based physical line where the problem is.
  package var line: Int
  /// 1-based byte column on that line.
  package var column: Int
  /// A plain sentence describing the problem.
  package var message: String
}

/// Splits a UTF-8 buffer into RFC 4180 records without building strings.
///
/// The scanner works on raw bytes: fields come back as offset ranges, so a
/// caller decides which cells ever become `String`s. It accepts CRLF, LF and
/// bare CR line ends, quoted fields with embedded separators, quotes and line
/// breaks, and reports the physical line on which each record starts.
package struct CSVScanner {
  let base: UnsafePointer<UInt8>
  let count: Int
  var position: Int
  /// The physical line (1-based) the scanner is on.
  package internal(set) var line: Int
  var lineStart: Int

  /// Creates a scanner over `count` bytes at `base`, starting on `firstLine`.
  ///
  /// A UTF-8 byte-order mark at the very start is skipped.
  package init(base: UnsafePointer<UInt8>, count: Int, firstLine: Int = 1, skipBOM: Bool = true) {
    self.base = base
    self.count = count
    self.line = firstLine
    var start = 0
    if skipBOM { start = ByteScan.byteOrderMark(base, count: count) }
    self.position = start
    self.lineStart = start
  }

  /// Creates a scanner that starts at `position` of the buffer, on `line`.
  package init(base: UnsafePointer<UInt8>, count: Int, position: Int, line: Int) {
    self.base = base
    self.count = count
    self.line = line
    self.position = position
    self.lineStart = position
  }

  /// True when every byte has been consumed.
  package var isAtEnd: Bool { position >= count }

  /// Scans the next record into `fields`, returning the line it starts on.
  ///
  /// Returns `nil` at the end of input. On a syntax error the rest of the
  /// offending line is skipped (or, for an unterminated quote, the rest of the
  /// input) and the error is thrown; scanning may continue afterwards.
  package mutating func nextRecord(into fields: FieldBuffer) throws(CSVSyntaxError) -> Int? {
    fields.removeAll()
    // Locals, so the hot loop keeps them in registers.
    let base = self.base
    let count = self.count
    var p = position
    guard p < count else { return nil }
    let recordLine = line
    while true {
      if p < count, base[p] == 0x22 {
        position = p
        try scanQuotedField(into: fields, recordLine: recordLine)
        p = position
      } else {
        let start = p
        while true {
          // Everything above the comma is ordinary data: skipped eight bytes at a time.
          p = ByteScan.toByteBelow(0x2D, base, from: p, count: count)
          guard p < count else { break }
          let b = base[p]
          if b == 0x2C || b == 0x0A || b == 0x0D { break }
          if b == 0x22 {
            position = p
            try strayQuote()
          }
          p += 1
        }
        fields.append(CSVFieldSpan(start: start, end: p, quoted: false, escapes: false))
      }
      // After a field: separator, line end or end of input.
      if p >= count {
        position = p
        return recordLine
      }
      let byte = base[p]
      if byte == 0x2C {
        p += 1
        if p >= count {
          fields.append(CSVFieldSpan(start: p, end: p, quoted: false, escapes: false))
          position = p
          return recordLine
        }
        continue
      }
      p += 1
      if byte == 0x0D, p < count, base[p] == 0x0A { p += 1 }
      line += 1
      lineStart = p
      position = p
      return recordLine
    }
  }

  /// Reports a quote inside an unquoted field at `position`, skipping the line.
  mutating func strayQuote() throws(CSVSyntaxError) {
    let column = position - lineStart + 1
    let errorLine = line
    skipRestOfLine()
    throw CSVSyntaxError(
      line: errorLine, column: column,
      message: "a quote inside an unquoted field (quote the whole field and double the quote)")
  }

  mutating func consumeLineEnd() {
    if base[position] == 0x0D {
      position += 1
      if position < count, base[position] == 0x0A { position += 1 }
    } else {
      position += 1
    }
    line += 1
    lineStart = position
  }

  mutating func scanQuotedField(into fields: FieldBuffer, recordLine: Int) throws(CSVSyntaxError) {
    let openLine = line
    let openColumn = position - lineStart + 1
    var p = position + 1
    let start = p
    var escapes = false
    while true {
      while true {
        p = ByteScan.toQuoteOrLineEnd(base, from: p, count: count)
        guard p < count, base[p] != 0x22 else { break }
        if base[p] == 0x0A || (base[p] == 0x0D && (p + 1 >= count || base[p + 1] != 0x0A)) {
          line += 1
          lineStart = p + 1
        }
        p += 1
      }
      if p >= count {
        position = count
        throw CSVSyntaxError(
          line: openLine, column: openColumn,
          message: "unterminated quoted field: the quote opened here is never closed")
      }
      // p is at a quote: either an escaped pair or the closing quote.
      if p + 1 < count, base[p + 1] == 0x22 {
        escapes = true
        p += 2
        continue
      }
      break
    }
    let end = p
    p += 1
    position = p
    if p < count {
      let b = base[p]
      if b != 0x2C && b != 0x0A && b != 0x0D {
        let column = p - lineStart + 1
        let errorLine = line
        skipRestOfLine()
        throw CSVSyntaxError(
          line: errorLine, column: column,
          message: "unexpected text after a closing quote")
      }
    }
    fields.append(CSVFieldSpan(start: start, end: end, quoted: true, escapes: escapes))
  }

  /// Skips to the start of the next physical line, ignoring quotes.
  @usableFromInline
  mutating func skipRestOfLine() {
    while position < count, base[position] != 0x0A, base[position] != 0x0D { position += 1 }
    if position < count { consumeLineEnd() }
  }
}
