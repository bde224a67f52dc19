import Foundation

@testable import DashModel

/// A data directory written into a fresh temporary folder.
struct Fixture {
  let path: String

  /// A small, valid dataset: two footprints in two regions, five organisations.
  static let footprints = """
    code,name,region,leader,population,population_basis,rating
    E1,Alpha Vale,North,Ann Lead,1000000,reported,Advanced
    E2,Beta Coast,London,,500000,illustrative,
    """
  static let organisations = """
    code,name,kind
    C1,Alpha CCG,ccg
    T1,Alpha Trust,acute-trust
    K1,Shared Council,council
    C2,Beta CCG,ccg
    T2,Beta Trust,acute-trust
    """
  static let memberships = """
    org,footprint,share
    C1,E1,1
    T1,E1,
    K1,E1,0.25
    K1,E2,0.75
    C2,E2,1
    T2,E2,1
    """
  static let alignment = """
    org,footprint,stance,as_of,note,source
    C1,E1,aligned,,,
    T1,E1,conditional,2016-10-01,,
    T1,E1,refused,2017-03-01,changed its mind,http://example.org
    K1,E2,dissenting,,,
    C2,E2,aligned,,,
    """

  /// Finance rows: members only, 2020/21 and 2015/16, plus one own footprint row.
  static var finance: String {
    var rows = ["entity,year,scenario,gbp_m,basis,source"]
    let members: [(String, Double, Double)] = [
      ("C1", 100, 20), ("T1", 200, 50), ("K1", 40, 30), ("C2", 80, 0), ("T2", 60, 10),
    ]
    for (code, dn, plan) in members {
      rows.append("\(code),2020/21,do_nothing,\(dn),illustrative,")
      rows.append("\(code),2020/21,plan,\(plan),illustrative,")
      rows.append("\(code),2015/16,do_nothing,\(dn / 4),,")
      rows.append("\(code),2015/16,plan,\(dn / 4),,")
    }
    rows.append("E2,2015/16,outturn,12.5,reported,\"Report, p. 3\"")
    return rows.joined(separator: "\n") + "\n"
  }

  /// Writes the files (overrides replace or add files; `removing` leaves some out).
  init(_ overrides: [String: String] = [:], removing: [String] = []) {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("stpdash-test-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var files: [String: String] = [
      "footprints.csv": Self.footprints + "\n", "organisations.csv": Self.organisations + "\n",
      "memberships.csv": Self.memberships + "\n", "finance.csv": Self.finance,
      "alignment.csv": Self.alignment + "\n",
    ]
    for (k, v) in overrides { files[k] = v }
    for k in removing { files[k] = nil }
    for (name, text) in files {
      _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8))
    }
    path = dir
  }

  /// Loads the directory, expecting success.
  func load() throws -> Dataset {
    switch DatasetLoader.load(directory: path) {
    case .success(let d): return d
    case .failure(let f): throw FixtureError(message: f.problems.items.map(\.description).joined(separator: "\n"))
    }
  }

  /// Loads the directory, expecting failure, and returns the problems.
  func problems() -> [Problem] {
    switch DatasetLoader.load(directory: path) {
    case .success: return []
    case .failure(let f): return f.problems.items
    }
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

struct FixtureError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// The repository's bundled sample data.
enum SampleData {
  static var path: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("sample-data").path
  }
}
