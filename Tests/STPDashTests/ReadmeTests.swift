import Foundation
import Testing

@testable import STPDash

/// The README is where users learn the keys: it must list every one.
@Suite("README")
struct ReadmeTests {
  static func token(_ key: Key) -> String {
    switch key {
    case .char(" "): "`Space`"
    case .char(let c): "`\(c)`"
    case .ctrl(let c): "`Ctrl-\(c.uppercased())`"
    case .up: "`↑`"
    case .down: "`↓`"
    case .left: "`←`"
    case .right: "`→`"
    case .pageUp: "`PgUp`"
    case .pageDown: "`PgDn`"
    case .home: "`Home`"
    case .end: "`End`"
    case .enter: "`Enter`"
    case .escape: "`Esc`"
    case .backspace: "`Backspace`"
    case .tab: "`Tab`"
    case .backTab: "`Shift-Tab`"
    case .delete: "`Delete`"
    case .function(let n): "`F\(n)`"
    }
  }

  @Test func listsEveryKeyOfTheKeymap() throws {
    let readme = try String(contentsOf: Binary.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let keys =
      readme.components(separatedBy: "### Keys").dropFirst().first?.components(separatedBy: "## The command line").first
      ?? ""
    for binding in Keymap.bindings {
      for key in binding.keys {
        #expect(keys.contains(Self.token(key)), "README's key tables lack \(Self.token(key)) (\(binding.help))")
      }
    }
  }

  @Test func opensWithTheTwoCommands() throws {
    let readme = try String(contentsOf: Binary.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let firstBlock = readme.components(separatedBy: "```").dropFirst().first ?? ""
    #expect(firstBlock.contains("scripts/run"))
    #expect(firstBlock.contains("scripts/test"))
    let ci = try String(contentsOf: Binary.repoRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.contains("scripts/test"), "CI runs the README's test command")
  }
}
