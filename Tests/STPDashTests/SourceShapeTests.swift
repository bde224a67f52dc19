import Foundation
import Testing

/// The shape of the code, as the project promises it: short functions, a
/// map of the code that names only what exists, a vocabulary said once.
@Suite("The code's shape")
struct SourceShapeTests {
  static let root = Binary.repoRoot

  /// Every Swift file under `Sources`, with its text.
  static func sources() throws -> [(path: String, text: String)] {
    let base = root.appendingPathComponent("Sources")
    let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
    return try files.filter { $0.hasSuffix(".swift") }.sorted().map {
      ("Sources/" + $0, try String(contentsOf: base.appendingPathComponent($0), encoding: .utf8))
    }
  }

  /// A line without its string literals and comment.
  static func code(_ line: Substring) -> String {
    var out = ""
    var quoted = false
    var escaped = false
    var previous: Character = " "
    for c in line {
      if quoted {
        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted = false }
      } else if c == "\"" {
        quoted = true
      } else if c == "/" && previous == "/" {
        out.removeLast()
        break
      } else {
        out.append(c)
      }
      previous = c
    }
    return out
  }

  @Test func noFunctionIsLongerThanAHundredLines() throws {
    var long: [String] = []
    for (path, text) in try Self.sources() {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      for (i, line) in lines.enumerated() {
        let c = Self.code(line)
        guard c.range(of: #"\b(func|init|subscript)\b"#, options: .regularExpression) != nil,
          !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
        else { continue }
        // From the declaration to the brace that closes its body.
        var depth = 0
        var started = false
        var j = i
        scan: while j < lines.count {
          for ch in Self.code(lines[j]) {
            if ch == "{" {
              depth += 1
              started = true
            } else if ch == "}" {
              depth -= 1
              if started && depth == 0 { break scan }
            }
          }
          if !started && j > i + 6 { break }
          j += 1
        }
        if started && j - i + 1 > 100 { long.append("\(path):\(i + 1) \(j - i + 1) lines") }
      }
    }
    #expect(long.isEmpty, "functions over 100 lines:\n\(long.joined(separator: "\n"))")
  }

  @Test func theArchitectureIsAScreenfulAndNamesOnlyWhatExists() throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count <= 120, "ARCHITECTURE.md has \(lines.count) lines")
    // Every backticked path (a name with a slash, or a file with an extension) exists.
    let sources = try Self.sources()
    var missing: [String] = []
    var named = 0
    for piece in text.split(separator: "`").enumerated() where piece.offset % 2 == 1 {
      let p = String(piece.element)
      guard p.contains("/") || p.hasSuffix(".swift") || p.hasSuffix(".md") else { continue }
      guard !p.contains(" "), !p.contains("(") else { continue }
      named += 1
      let found =
        FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(p).path)
        || sources.contains { $0.path.hasSuffix("/" + p) }
      if !found { missing.append(p) }
    }
    #expect(named > 20, "the map names the code's folders and files")
    #expect(missing.isEmpty, "ARCHITECTURE.md names what does not exist: \(missing)")
  }

  @Test func theVocabularyIsSaidOnce() throws {
    func files(containing literal: String) throws -> [String] {
      try Self.sources().filter { $0.text.contains(literal) }.map(\.path)
    }
    #expect(try files(containing: "\"E92000001\"").count <= 1)
    #expect(try files(containing: "\"England\"").count <= 1)
    #expect(try files(containing: "reported with a caveat").count == 1)
    let model = try Self.sources().filter { $0.path.hasPrefix("Sources/DashModel") }
    for word in ["shortName", "shortLabel", "gapBand", "planPath"] {
      #expect(!model.contains { $0.text.contains(word) }, "DashModel says \(word)")
    }
    #expect(model.contains { $0.text.contains("FootprintID") } && model.contains { $0.text.contains("OrganisationID") })
    // No clock read in the reducer or the state.
    let app = try Self.sources().filter {
      $0.path.hasPrefix("Sources/STPDash/App") && !$0.path.hasSuffix("Program.swift")
    }
    for clock in ["time(nil)", "WallTime.now()", "Date()", "clock_gettime", "gettimeofday"] {
      let readers = app.filter { $0.text.contains(clock) }.map(\.path).filter { !$0.hasSuffix("WallTime.swift") }
      #expect(readers.isEmpty, "\(clock) read in \(readers)")
    }
  }
}
