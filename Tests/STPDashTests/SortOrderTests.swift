import DashModel
import Foundation
import Testing

@testable import STPDash

/// Every sortable column of every list, both ways, checked for its order
/// in the command's CSV: numbers by value, names ignoring case, regions,
/// ratings and years in their own order, the unknown always last.
@Suite("Every column sorts both ways")
struct SortOrderTests {
  /// How a column's CSV cells compare.
  enum Kind {
    case number
    case name
    /// In the order of these words (anything else after them, unknown last).
    case words([String])
  }

  /// Whether the cells are in order (blanks last whichever the direction).
  func inOrder(_ cells: [String], _ kind: Kind, ascending: Bool) -> Bool {
    let known = cells.prefix { !$0.isEmpty }
    guard cells.dropFirst(known.count).allSatisfy(\.isEmpty) else { return false }
    func key(_ s: String) -> Double? {
      switch kind {
      case .number: return Double(s)
      case .name: return nil
      case .words(let order): return Double(order.firstIndex(of: s) ?? order.count)
      }
    }
    for (a, b) in zip(known, known.dropFirst()) {
      let ordered: Bool
      if case .name = kind {
        ordered = ascending ? a.lowercased() <= b.lowercased() : a.lowercased() >= b.lowercased()
      } else {
        guard let x = key(a), let y = key(b) else { return false }
        ordered = ascending ? x <= y : x >= y
      }
      if !ordered { return false }
    }
    return true
  }

  func check(
    _ args: [String], column: String, _ kind: Kind, as read: (String) -> String = { $0 },
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for direction in ["--asc", "--desc"] {
      let r = try Binary.run(args + [direction, "--format", "csv"])
      #expect(r.status == 0, "\(args) \(direction): \(r.err)", sourceLocation: sourceLocation)
      let rows = csvRecords(r.out)
      let i = try #require(rows.first?.firstIndex(of: column), "\(column) in \(args)", sourceLocation: sourceLocation)
      let cells = rows.dropFirst().map { read($0[i]) }
      #expect(cells.count > 1, sourceLocation: sourceLocation)
      #expect(
        inOrder(cells, kind, ascending: direction == "--asc"), "\(args) \(direction) by \(column): \(cells.prefix(8))…",
        sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: LeagueColumn.allCases)
  func leagueColumn(_ c: LeagueColumn) throws {
    let kind: Kind =
      switch c {
      case .name: .name
      case .region: .words(Region.allCases.map(\.name))
      case .rating: .words(Rating.allCases.map(\.name))
      case .balance: .words(FinancialYear.all.map(\.label) + ["never"])
      default: .number
      }
    // The rank is where a row stands: sorting by it is sorting by the gap.
    let column = c == .rank ? LeagueColumn.doNothing.csvHeader : c.csvHeader
    try check(["league", "--sort", c.key], column: column, kind)
  }

  @Test(arguments: MemberColumn.allCases)
  func memberColumn(_ c: MemberColumn) throws {
    let kind: Kind =
      switch c {
      case .name: .name
      case .kind: .words(OrganisationKind.allCases.map(\.rawValue))
      case .stance: .words(Stance.allCases.map(\.code))
      case .flag, .pivotal: .words(["false", "true"])
      case .share, .savings, .power: .number
      }
    try check(["footprint", "E54000027", "--sort", c.key], column: c.key, kind)
  }

  @Test(arguments: OrganisationColumn.allCases)
  func organisationColumn(_ c: OrganisationColumn) throws {
    let kind: Kind =
      switch c {
      case .name: .name
      case .code: .name
      case .kind: .words(OrganisationKind.allCases.map(\.rawValue))
      case .stance: .words(Stance.allCases.map(\.code))
      case .flag, .pivotal: .words(["false", "true"])
      case .footprint: .name
      case .savings, .share, .atRisk, .power, .banzhaf: .number
      }
    // Organisations sort by their main footprint's name; CSV carries its code.
    let d = AppFixture.dataset
    try check(["orgs", "--sort", c.key], column: c.key, kind) { cell in
      c == .footprint ? d.footprintID(code: cell).map { d.footprints[$0].name } ?? cell : cell
    }
  }
}
