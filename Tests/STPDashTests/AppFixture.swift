import DashModel
import Foundation
import Testing

@testable import STPDash

/// App states built from the bundled sample data, with no flags on disk.
enum AppFixture {
  static let dataset: Dataset = {
    switch DatasetLoader.load(directory: Binary.repoRoot.appendingPathComponent("sample-data").path) {
    case .success(let d): return d
    case .failure(let f): fatalError("sample data must load: \(f)")
    }
  }()

  static func session(flags: [FlagEvent] = [], journalPath: String = "/nonexistent/stpdash/flags.csv") -> Session {
    Session(directory: "sample-data", dataset: dataset, journalPath: journalPath, saved: FlagHistory(events: flags))
  }

  static func state(
    width: Int = 100, height: Int = 30, caps: Capabilities = .full, flags: [FlagEvent] = [],
    journalPath: String = "/nonexistent/stpdash/flags.csv"
  ) -> AppState {
    AppState(
      session: session(flags: flags, journalPath: journalPath), size: Size(width: width, height: height), caps: caps,
      author: "tester")
  }

  /// The sample's footprint with this code (`#-1`, which matches nothing, if none).
  static func footprint(_ code: String) -> FootprintID {
    dataset.footprintID(code: code) ?? FootprintID(-1)
  }

  /// The sample's organisation with this code (`#-1`, which matches nothing, if none).
  static func organisation(_ code: String) -> OrganisationID {
    dataset.organisationID(code: code) ?? OrganisationID(-1)
  }

  /// A few flags with fixed times, for the flags screen.
  static let someFlags: [FlagEvent] = [
    FlagEvent(
      kind: .flag, org: "E09000009", footprint: "E54000027", reason: "Refuses to implement the A&E downgrade",
      author: "ana", time: "2016-09-01T09:00:00Z"),
    FlagEvent(
      kind: .flag, org: "RYJ", footprint: "E54000027", reason: "Will not share bed data", author: "ben",
      time: "2016-10-12T14:30:00Z"),
    FlagEvent(
      kind: .flag, org: "E10000030", footprint: "E54000035", reason: "Cabinet delegated sign-off; no engagement",
      author: "ana", time: "2016-11-03T11:15:00Z"),
    FlagEvent(
      kind: .unflag, org: "RYJ", footprint: "E54000027", reason: "Data now shared", author: "ben",
      time: "2016-12-01T10:00:00Z"),
  ]

  /// The moment test actions happen at (the reducer reads no clock).
  static let time = WallTime(seconds: 9 * 3600)

  /// Sends keys through the reducer, dropping effects.
  static func send(_ state: inout AppState, _ keys: [Key]) {
    for k in keys { _ = Reducer.reduce(&state, .keyPressed(k), at: AppFixture.time) }
  }

  /// Keys for a string typed character by character.
  static func typed(_ text: String) -> [Key] { text.map { .char($0) } }
}

/// Compares a rendered screen with `Snapshots/<name>.txt`.
///
/// A missing snapshot is recorded and the test fails (so a new snapshot is
/// always looked at); set `SNAPSHOT_RECORD=1` to record them all again.
func assertSnapshot(
  _ buffer: Buffer, named name: String, styles: Bool = false, colors: Bool = false,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  var text = buffer.lines.joined(separator: "\n") + "\n"
  if styles {
    text += "--- styles (R reverse, B bold, U underline, D dim) ---\n" + buffer.styleMask.joined(separator: "\n") + "\n"
  }
  if colors {
    text +=
      "--- colours (r red, g green, y yellow, b blue, m magenta, c cyan, w white, k black) ---\n"
      + buffer.colorMask.joined(separator: "\n") + "\n"
  }
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = dir.appendingPathComponent(name + ".txt")
  let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
  guard !record, let existing = try? String(contentsOf: file, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? text.write(to: file, atomically: true, encoding: .utf8)
    Issue.record("recorded snapshot \(name).txt; check it and run the tests again", sourceLocation: sourceLocation)
    return
  }
  if existing != text {
    let a = existing.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    let actual = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.txt")
    try? text.write(to: actual, atomically: true, encoding: .utf8)
    Issue.record(
      """
      snapshot \(name) differs at line \(line + 1):
        expected: \(line < a.count ? String(a[line]) : "<end>")
        actual:   \(line < b.count ? String(b[line]) : "<end>")
      (whole screen written to \(actual.path))
      """, sourceLocation: sourceLocation)
  }
}

extension AppFixture {
  /// Every part of two states that differs, by name (the derived cache and
  /// the flag keys aside: they follow from the rest). The session is
  /// compared by what it holds that a reduce can change.
  static func differences(_ a: AppState, _ b: AppState) -> [String] {
    var out: [String] = []
    let skip: Set<String> = ["derived", "flagKeys", "session"]
    for (x, y) in zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children) {
      guard let label = x.label, !skip.contains(label) else { continue }
      let dx = String(reflecting: x.value)
      let dy = String(reflecting: y.value)
      if dx != dy { out.append("\(label): \(dx.prefix(300)) ≠ \(dy.prefix(300))") }
    }
    let sa = a.session
    let sb = b.session
    if sa.directory != sb.directory { out.append("session.directory") }
    if sa.journalPath != sb.journalPath { out.append("session.journalPath") }
    if sa.saved.events != sb.saved.events { out.append("session.saved.events") }
    if sa.pending != sb.pending { out.append("session.pending") }
    if sa.dataRevision != sb.dataRevision { out.append("session.dataRevision") }
    if sa.flagsRevision != sb.flagsRevision { out.append("session.flagsRevision") }
    if sa.warnings.map(\.description) != sb.warnings.map(\.description) { out.append("session.warnings") }
    return out
  }

  /// Sends `keys` and expects the whole new state to be the old one changed
  /// by `change` (and nothing else), as a user would see it.
  static func expect(
    _ state: inout AppState, after keys: [Key], sourceLocation: SourceLocation = #_sourceLocation,
    _ change: (inout AppState) -> Void
  ) {
    var expected = state
    send(&state, keys)
    change(&expected)
    let diff = differences(state, expected)
    #expect(diff.isEmpty, "after \(keys): \(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
  }

  /// The notice a key leaves, logged as the reducer logs it.
  static func say(_ s: inout AppState, _ text: String, _ kind: Notice.Kind = .info) {
    let n = Notice(text: text, kind: kind)
    s.notice = n
    s.messages.add(n, at: time)
  }
}
