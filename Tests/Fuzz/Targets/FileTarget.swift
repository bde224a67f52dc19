import DashModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One data file from the input, the other four valid.
enum FileTarget {
  /// A directory for each file's target, so targets can run side by side.
  static let directories: [String: String] = ValidData.files.keys.reduce(into: [:]) { dirs, name in
    dirs[name] = Scratch.make(prefix: "stpdash-fuzz-" + name.prefix { $0 != "." }, files: ValidData.files)
  }

  static func run(_ input: [UInt8], file: String) -> String? {
    guard let dir = directories[file] else { return "no scratch directory for \(file)" }
    // The file as the input, the others as valid data.
    for (name, text) in ValidData.files where name != file {
      if !Scratch.put(Array(text.utf8), to: dir + "/" + name) { return "cannot write \(name)" }
    }
    if !Scratch.put(input, to: dir + "/" + file) { return "cannot write \(file)" }
    return LoadCheck.compare(dir, modes: file == "finance.csv" ? FinanceReadMode.allCases : [.canonical])
  }
}

/// The whole loader on a directory made from the input.
enum LoaderTarget {
  static let directory = Scratch.make(prefix: "stpdash-fuzz-loader", files: [:])
  static let order = [
    "footprints.csv", "organisations.csv", "memberships.csv", "finance.csv", "alignment.csv", "indicators.csv",
    "hexmap.csv", "changes.csv", "referrals.csv", "designations.csv", "footprint_notes.csv",
  ]

  static func run(_ input: [UInt8]) -> String? {
    guard let dir = directory else { return "no scratch directory" }
    // Parts are separated by a line holding one form feed; a missing part
    // is a missing file.
    var parts: [[UInt8]] = [[]]
    var i = 0
    while i < input.count {
      if input[i] == 0x0C, i + 1 < input.count, input[i + 1] == 0x0A, i == 0 || input[i - 1] == 0x0A {
        parts.append([])
        i += 2
        continue
      }
      parts[parts.count - 1].append(input[i])
      i += 1
    }
    for (k, name) in order.enumerated() {
      let path = dir + "/" + name
      if k < parts.count {
        if !Scratch.put(parts[k], to: path) { return "cannot write \(name)" }
      } else {
        unlink(path)
      }
    }
    return LoadCheck.compare(dir, modes: [.canonical, .general])
  }
}

/// Loads a directory every way and checks that every way agrees.
enum LoadCheck {
  static func compare(_ dir: String, modes: [FinanceReadMode]) -> String? {
    var tunings: [DatasetLoader.LoadTuning] = []
    for mode in modes {
      tunings.append(.init(parallelism: 1, mode: mode))
      tunings.append(.init(parallelism: 2, mode: mode, streamAbove: 0, window: 64))
    }
    var reference: String? = nil
    for tuning in tunings {
      let outcome = DatasetLoader.load(directory: dir, tuning: tuning)
      if let broken = invariants(outcome) { return "\(tuning.mode), \(tuning.parallelism) threads: \(broken)" }
      let digest = Digest.of(outcome)
      if let reference, reference != digest {
        return
          "loading differs (\(tuning.mode), \(tuning.parallelism) threads, window \(tuning.window)):\n\(reference)\n---\n\(digest)"
      }
      reference = digest
    }
    return nil
  }

  static let fileNames: Set<String> = Set(LoaderTarget.order)

  /// What holds of any load: a failure says why; a dataset's indexes are
  /// in range and its figures are finite and within the limits.
  static func invariants(_ outcome: Result<Dataset, LoadFailure>) -> String? {
    switch outcome {
    case .failure(let f):
      if f.problems.items.isEmpty { return "a failed load with no problem" }
      if !f.problems.items.contains(where: { $0.severity == .error }) { return "a failed load with no error" }
      for p in f.problems.items where !fileNames.contains(p.file) {
        return "a problem names no data file: \(p.description)"
      }
      return nil
    case .success(let d):
      let fps = d.footprints.count
      let orgs = d.organisations.count
      for m in d.memberships {
        guard m.org.index >= 0, m.org.index < orgs, m.footprint.index >= 0, m.footprint.index < fps else {
          return "a membership out of range: \(m)"
        }
        guard m.share.isFinite, m.share > 0, m.share <= 1 else { return "a share of \(m.share)" }
      }
      for r in d.alignment {
        guard r.org.index >= 0, r.org.index < orgs, r.footprint.index >= 0, r.footprint.index < fps else {
          return "a stance out of range: \(r)"
        }
      }
      for f in d.footprints {
        if let p = f.population, p < 0 || p > 100_000_000 { return "a population of \(p)" }
      }
      for r in d.indicatorRecords {
        guard r.entity.index >= 0, r.entity.index < fps + orgs else { return "an indicator out of range: \(r)" }
        guard r.value.isFinite, abs(r.value) <= 10_000_000 else { return "an indicator of \(r.value)" }
      }
      let x = d.disputes
      for c in x.changes where c.footprint.index < 0 || c.footprint.index >= fps || (c.org?.index ?? 0) >= orgs {
        return "a change out of range: \(c)"
      }
      for r in x.referrals where r.footprint.index < 0 || r.footprint.index >= fps {
        return "a referral out of range: \(r)"
      }
      for r in x.referrals where r.change != nil && !x.changes.contains(where: { $0.id == r.change }) {
        return "a referral of no change: \(r)"
      }
      if x.designations.contains(where: { $0.footprint.index >= fps })
        || x.notes.contains(where: { $0.footprint.index >= fps })
      {
        return "a designation or note out of range"
      }
      // A view as of any day holds no more than the whole, and never a record dated later.
      if let range = d.datedRange {
        for day in [range.lowerBound, range.upperBound] {
          let v = d.asOf(day)
          guard v.alignment.count <= d.alignment.count, v.disputes.changes.count <= x.changes.count,
            v.disputes.referrals.count <= x.referrals.count
          else { return "a view as of \(day) holds more than the whole" }
          for i in v.alignment.indices where !(v.alignment.date(i).map { $0.known(asOf: day) } ?? true) {
            return "a stance dated after \(day) in the view as of it"
          }
        }
      }
      var places = Set<Int>()
      for h in d.hexes {
        guard h.footprint.index >= 0, h.footprint.index < fps else { return "a hex out of range: \(h)" }
        guard places.insert(h.q * 100_000 + h.r).inserted else { return "two hexes in one place: \(h)" }
      }
      for e in d.finance.entities {
        for y in FinancialYear.all {
          for s in Scenario.allCases {
            if let v = d.finance.value(entity: e, year: y, scenario: s), !v.isFinite || abs(v) > 10_000_000 {
              return "a figure of \(v)"
            }
          }
        }
      }
      // What the dashboard computes from it must be finite too.
      let analysis = Analysis(d)
      for l in analysis.loans {
        if let l, l.values.contains(where: { !($0 ?? 0).isFinite }) { return "loans of \(l.values)" }
      }
      for t in [analysis.england] + Array(analysis.footprintTrajectories) {
        for s in Scenario.allCases {
          for y in FinancialYear.all {
            if let v = t.value(s, y), !v.isFinite { return "a trajectory figure of \(v)" }
          }
        }
      }
      return nil
    }
  }
}

/// A load as text, everything a user could see of it, to compare loads.
enum Digest {
  static func of(_ outcome: Result<Dataset, LoadFailure>) -> String {
    switch outcome {
    case .failure(let f):
      return "failed\n" + f.problems.items.map(\.description).joined(separator: "\n")
    case .success(let d):
      var out = "loaded\n"
      out += d.footprints.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.organisations.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.memberships.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.alignment.map { "\($0)" }.joined(separator: "\n") + "\n"
      for e in d.finance.entities {
        for y in FinancialYear.all {
          for s in Scenario.allCases where d.finance.hasRow(entity: e, year: y, scenario: s) {
            let v = d.finance.value(entity: e, year: y, scenario: s).map { "\($0)" } ?? "-"
            let b = d.finance.basis(entity: e, year: y, scenario: s).map { "\($0)" } ?? "-"
            let src = d.finance.source(entity: e, year: y, scenario: s) ?? ""
            let note = d.finance.note(entity: e, year: y, scenario: s) ?? ""
            out += "\(e.index) \(y.label) \(s) \(v) \(b) \(src) \(note)\n"
          }
        }
      }
      out += d.indicatorRecords.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.hexes.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.disputes.changes.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.disputes.referrals.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.disputes.designations.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.disputes.notes.map { "\($0)" }.joined(separator: "\n") + "\n"
      out += d.warnings.map(\.description).joined(separator: "\n")
      return out
    }
  }
}
