import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import DashModel

/// Properties over many generated cases (seeded: the same cases every run).
@Suite("Properties")
struct PropertyTests {
  /// Tables of awkward text and numbers.
  static let tables = AwkwardText.string(length: 0...12).array(of: 1...5).array(of: 1...8)

  /// The records of CSV bytes, every field exactly as written (quotes collapsed).
  func read(_ csv: String) -> [[String]]? {
    let bytes = Array(csv.utf8) + [0]
    return bytes.withUnsafeBufferPointer { buf -> [[String]]? in
      guard let base = buf.baseAddress else { return nil }
      var scanner = CSVScanner(base: base, count: bytes.count - 1)
      let fields = FieldBuffer()
      var records: [[String]] = []
      while true {
        do throws(CSVSyntaxError) {
          guard try scanner.nextRecord(into: fields) != nil else { return records }
          records.append(
            (0..<fields.stored).map { i in
              let f = fields[i]
              return CSVRow.text(
                UnsafeBufferPointer(rebasing: buf[f.start..<f.end]), escapes: f.escapes, trimming: false)
            })
        } catch {
          return nil
        }
      }
    }
  }

  @Test func anyTableTheCSVWriterWritesReadsBackIdentically() {
    seededCheck(Self.tables, seed: 20_161_201) { rows in
      // Rows of equal width, as the writer's tables are.
      let width = rows.map(\.count).max() ?? 1
      let table = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
      // A leading byte-order mark would be read as a mark, not text: the
      // writer's tables begin with a header of plain names.
      let header = (0..<width).map { "column \($0)" }
      let csv = CSVWriter.header(header) + table.map { CSVWriter.record($0.map { .text($0) }) }.joined()
      guard let back = read(csv) else { return "the written CSV does not read:\n\(csv.debugDescription)" }
      let expected = [header] + table.map { $0.map(CSVWriter.neutralise) }
      return back == expected ? nil : "read back as \(back.debugDescription)"
    }
  }

  @Test func numbersInCSVReadBackAsTheSameNumbers() {
    let numbers = Gen<Int>.int(in: -10_000_000_000...10_000_000_000).array(of: 1...6)
    seededCheck(numbers, seed: 44) { values in
      let csv =
        CSVWriter.record(values.map { .integer($0) })
        + CSVWriter.record(values.map { .decimal(Double($0) / 1000, places: 3) })
      guard let back = read(csv), back.count == 2 else { return "unreadable: \(csv.debugDescription)" }
      if back[0].map({ Int($0) }) != values.map({ Optional($0) }) { return "integers: \(back[0])" }
      let parsed = back[1].map { DecimalParser.parse($0) }
      return parsed == values.map({ Optional(Double($0) / 1000) }) ? nil : "decimals: \(back[1])"
    }
  }

  /// Cutting text to a width never splits a grapheme (a flag, a ZWJ family,
  /// a letter and its accents: extended grapheme clusters, UAX #29) and
  /// never exceeds the width; padding gives exactly the width.
  @Test func cuttingTextKeepsGraphemesWholeWithinTheWidth() {
    let soup = AwkwardText.string(length: 0...24).map { VisibleText.sanitize($0) }
    seededCheck(soup, count: 800, seed: 2_016_1203) { text in
      let characters = Array(text)
      for columns in [0, 1, 2, 3, 4, 5, 8, 13, 30] {
        let cut = DisplayWidth.truncate(text, to: columns, ellipsis: "")
        if DisplayWidth.width(of: cut) > columns {
          return "width \(DisplayWidth.width(of: cut)) > \(columns): \(cut.debugDescription)"
        }
        if !characters.starts(with: Array(cut)) {
          return "cut to \(columns) split a grapheme: \(cut.debugDescription) of \(text.debugDescription)"
        }
        let marked = DisplayWidth.truncate(text, to: columns)
        if DisplayWidth.width(of: marked) > columns {
          return "with the ellipsis, width \(DisplayWidth.width(of: marked)) > \(columns)"
        }
        let padded = DisplayWidth.pad(text, to: columns)
        if DisplayWidth.width(of: padded) != columns {
          return "padded to \(columns): width \(DisplayWidth.width(of: padded))"
        }
      }
      return nil
    }
  }

  @Test func theByteWriterWritesEveryTextCellAsTheStringWriterDoes() {
    seededCheck(AwkwardText.string(length: 0...16).array(of: 1...6), count: 600, seed: 2_020) { texts in
      var out = CSVWriter.Output()
      var expected = ""
      for (i, t) in texts.enumerated() {
        let plain = CSVWriter.field(.text(t))
        let visible = CSVWriter.field(.text(VisibleText.sanitize(t)))
        // The separator written alone, or with the cell after it.
        if i % 2 == 0 {
          out.field(.text(t))
          out.comma()
          out.visibleText(t)
          expected += plain + "," + visible + "\r\n"
        } else {
          out.field(.text(t))
          out.visibleText(t, separated: true)
          out.field(.text(t), separated: true)
          expected += plain + "," + visible + "," + plain + "\r\n"
        }
        out.endRecord()
      }
      return out.text == expected ? nil : "bytes \(out.text.debugDescription), strings \(expected.debugDescription)"
    }
  }

  @Test func theByteWriterWritesEveryFigureAsTheStringWriterDoes() {
    let figures = Gen<Int>.int(in: -9_000_000_000_000...9_000_000_000_000).array(of: 1...8)
    seededCheck(figures, count: 600, seed: 1_516) { values in
      var out = CSVWriter.Output()
      var expected = ""
      for (i, v) in values.enumerated() {
        // Thousandths, odd fractions, tiny and huge magnitudes, every place count.
        let d = i % 3 == 0 ? Double(v) / 1000 : (i % 3 == 1 ? Double(v) / 7 : Double(v) * 1e-9)
        let places = (abs(v) % 6) + (i % 2)
        let cells: [CSVWriter.Cell] = [.decimal(d, places: places), .integer(v), .number(d), .decimal(nil, places: 2)]
        for (j, cell) in cells.enumerated() {
          // The separator written alone after the cell, or with it before.
          if (i + j) % 2 == 0 {
            out.field(cell)
            out.comma()
            expected += CSVWriter.field(cell) + ","
          } else {
            out.field(cell, separated: true)
            expected += "," + CSVWriter.field(cell)
          }
        }
      }
      let odd: [CSVWriter.Cell] = [
        .decimal(.infinity, places: 2), .decimal(-.nan, places: 1), .integer(Int.min), .integer(nil),
      ]
      for cell in odd {
        out.field(cell)
        out.field(cell, separated: true)
        expected += CSVWriter.field(cell) + "," + CSVWriter.field(cell)
      }
      return out.text == expected ? nil : "bytes \(out.text), strings \(expected)"
    }
  }

  @Test func theWordAtATimeLineCheckAgreesWithTheByteRule() {
    seededCheck(AwkwardText.string(length: 0...40), count: 2_000, seed: 7) { text in
      // The rule byte by byte, as it stood before the word-at-a-time check.
      var clean = true
      var previous: UInt8 = 0
      for b in text.utf8 {
        if (b < 0x20 && b != 0x0A && b != 0x0D) || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xD8
          || (previous == 0x0D && b != 0x0A)
        {
          clean = false
          break
        }
        previous = b
      }
      let fast = Array(text.utf8).withUnsafeBufferPointer { VisibleText.linesAreClean($0) }
      if fast.clean != clean { return "clean \(fast.clean), expected \(clean)" }
      return !clean || fast.last == previous ? nil : "last byte \(fast.last), expected \(previous)"
    }
  }

  @Test func anyReasonSurvivesTheJournalExactly() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("flags-\(UUID().uuidString).csv").path
    defer { unlink(path) }
    let journal = FlagJournal(path: path)
    let reasons = AwkwardText.string(length: 1...40)
    var written: [FlagEvent] = []
    seededCheck(zip(reasons, AwkwardText.string(length: 0...10)), count: 200, seed: 2_016) { reason, author in
      let event = FlagEvent(
        kind: .flag, org: "C1", footprint: "E1", reason: reason, author: author, time: "2016-09-01T09:00:00Z")
      do throws(FlagSaveError) {
        try journal.append(event)
      } catch {
        return "not saved: \(error)"
      }
      written.append(event)
      guard case .success(let history) = journal.read() else { return "the journal cannot be read" }
      if !history.problems.isEmpty { return "problems: \(history.problems.map(\.description))" }
      guard let last = history.events.last, history.events.count == written.count else {
        return "\(history.events.count) events read, \(written.count) written"
      }
      if last.reason != reason { return "reason read back as \(last.reason.debugDescription)" }
      if last.author != author {
        return "author read back as \(Array(last.author.unicodeScalars)) for \(Array(author.unicodeScalars))"
      }
      return nil
    }
  }

  @Test func nothingMadeVisibleCanActOnATerminal() {
    seededCheck(AwkwardText.string(length: 0...60), count: 1_000, seed: 7) { text in
      let shown = VisibleText.sanitize(text)
      if let bad = shown.unicodeScalars.first(where: { Self.acts($0) }) {
        return "sanitize left U+\(String(bad.value, radix: 16, uppercase: true))"
      }
      let lines = VisibleText.sanitizeLines(text)
      let scalars = Array(lines.unicodeScalars)
      for (i, s) in scalars.enumerated() where Self.acts(s) {
        // Line ends survive: LF, and CR only right before LF.
        if s == "\n" || (s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") { continue }
        return "sanitizeLines left U+\(String(s.value, radix: 16, uppercase: true)) at \(i)"
      }
      return nil
    }
  }

  /// A scalar a terminal would obey rather than show.
  static func acts(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v)
  }
}
