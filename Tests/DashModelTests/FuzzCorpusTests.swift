import Foundation
import FuzzTargets
import Testing

@testable import DashModel

/// The fuzzing targets' committed corpora (seeds, and every input the
/// fuzzer found breaking something, named `found-…`) replayed on every run:
/// what the fuzzer once found stays fixed.
@Suite("Fuzzing corpora replayed")
struct FuzzCorpusTests {
  static var corpus: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fuzz/Corpus")
  }

  @Test(arguments: FuzzTarget.allCases)
  func everyInputPasses(_ target: FuzzTarget) throws {
    let dir = Self.corpus.appendingPathComponent(target.rawValue)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(files.count >= 3, "a corpus of seeds for \(target.rawValue)")
    for name in files {
      let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(name)))
      #expect(target.run(bytes) == nil, "\(target.rawValue)/\(name)")
    }
  }

  // What the fuzzer found, each as a plain test.

  @Test func unknownCodesOnOneLineAreListedInOneOrderHoweverTheFileIsSplit() {
    let memberships = "org,footprint,share\nZ9,Q9,1\nC1,E1,1\nY8,P8,1\n"
    let f = Fixture(["memberships.csv": memberships])
    defer { f.remove() }
    var seen: Set<[String]> = []
    for tuning in [
      DatasetLoader.LoadTuning(parallelism: 1), .init(parallelism: 2, streamAbove: 0, window: 16),
    ] {
      if case .failure(let failure) = DatasetLoader.load(directory: f.path, tuning: tuning) {
        seen.insert(failure.problems.items.filter { $0.file == "memberships.csv" }.map(\.description))
      }
    }
    #expect(
      seen == [
        [
          "memberships.csv:2: footprint \"Q9\" is not in footprints.csv",
          "memberships.csv:2: org \"Z9\" is not in organisations.csv",
          "memberships.csv:4: footprint \"P8\" is not in footprints.csv",
          "memberships.csv:4: org \"Y8\" is not in organisations.csv",
        ]
      ])
  }

  @Test func aBadSourceRepeatedRowAfterRowIsReportedOnEveryRowByEveryReader() {
    var finance = "entity,year,scenario,gbp_m,basis,source\n"
    for year in ["2016/17", "2017/18", "2018/19"] { finance += "C1,\(year),plan,1,,Bad \u{FF}\n" }
    // Written as bytes: U+00FF becomes the single byte 0xFF, invalid UTF-8.
    let bytes = finance.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    let f = Fixture()
    defer { f.remove() }
    FileManager.default.createFile(atPath: f.path + "/finance.csv", contents: Data(bytes))
    for mode in FinanceReadMode.allCases {
      guard
        case .failure(let failure) = DatasetLoader.load(directory: f.path, tuning: .init(parallelism: 1, mode: mode))
      else {
        Issue.record("\(mode): loaded")
        continue
      }
      #expect(failure.problems.items.map(\.line) == [2, 3, 4], "\(mode)")
    }
  }

  @Test func paddingAfterAMarkThatJoinsTheNextCharacterStillFills() {
    for text in ["\u{600}\u{600}", "a\u{600}", "\u{D4E}"] {
      for columns in 1...6 {
        #expect(DisplayWidth.width(of: DisplayWidth.pad(text, to: columns)) == columns, "\(text.debugDescription)")
      }
    }
  }
}
