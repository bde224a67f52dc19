import Testing

@testable import DashModel

@Suite("CSV scanning")
struct CSVScannerTests {
  /// Scans text into records of strings (or the first syntax error).
  func scan(_ text: String) -> (records: [[String]], lines: [Int], errors: [CSVSyntaxError]) {
    let bytes = Array(text.utf8)
    var records: [[String]] = []
    var lines: [Int] = []
    var errors: [CSVSyntaxError] = []
    bytes.withUnsafeBufferPointer { buf in
      guard let base = buf.baseAddress else { return }
      var scanner = CSVScanner(base: base, count: buf.count)
      let fields = FieldBuffer()
      while !scanner.isAtEnd {
        do throws(CSVSyntaxError) {
          guard let line = try scanner.nextRecord(into: fields) else { break }
          let row = CSVRow(base: base, fields: fields, line: line)
          records.append((0..<fields.count).map { row.string($0) })
          lines.append(line)
        } catch {
          errors.append(error)
        }
      }
    }
    return (records, lines, errors)
  }

  @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() {
    let r = scan("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
    #expect(r.errors.isEmpty)
    #expect(r.records == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
    #expect(r.lines == [1, 2, 4], "a record after an embedded line break starts on the right physical line")
  }

  @Test func crlfAndByteOrderMarkAreAccepted() {
    let r = scan("\u{FEFF}code,name\r\nE1,Alpha\r\nE2,Beta\r\n")
    #expect(r.records == [["code", "name"], ["E1", "Alpha"], ["E2", "Beta"]])
    #expect(r.lines == [1, 2, 3])
  }

  @Test func lastLineWithoutLineEndStillCounts() {
    let r = scan("a,b\n1,2")
    #expect(r.records == [["a", "b"], ["1", "2"]])
  }

  @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
    let r = scan("a,b\n1,2\n3,\"open\n4,5\n")
    #expect(r.records == [["a", "b"], ["1", "2"]])
    #expect(r.errors.count == 1)
    #expect(r.errors.first?.line == 3)
    #expect(r.errors.first?.column == 3)
    #expect(r.errors.first?.message.contains("unterminated") == true)
  }

  @Test func strayQuoteInPlainFieldIsAnErrorAndScanningGoesOn() {
    let r = scan("a,b\n5\" screen,2\nok,3\n")
    #expect(r.errors.count == 1)
    #expect(r.errors.first?.line == 2)
    #expect(r.records.last == ["ok", "3"], "the next line is still read")
  }

  @Test func textAfterClosingQuoteIsAnError() {
    let r = scan("\"abc\"x,1\nfine,2\n")
    #expect(r.errors.first?.line == 1)
    #expect(r.records == [["fine", "2"]])
  }
}

@Suite("Decimal parsing")
struct DecimalParserTests {
  @Test(arguments: [
    "0", "1", "-1", "12.5", "-0.1", "1070.0", "123456.789", "0.30000000000000004", "1e3", "2.5E-3", "+7",
  ])
  func matchesTheStandardLibrary(_ text: String) {
    #expect(DecimalParser.parse(text) == Double(text.hasPrefix("+") ? String(text.dropFirst()) : text))
  }

  @Test(arguments: ["", "-", ".", "12,3x", "1,234", "nan", "inf", "£12", "12 m", "1e", "--1", "1.2.3"])
  func rejectsWhatIsNotAPlainNumber(_ text: String) {
    #expect(DecimalParser.parse(text) == nil)
  }

  @Test func longDigitStringsAreStillExact() {
    let text = "12345678901234567890.125"
    #expect(DecimalParser.parse(text) == Double(text))
  }
}
