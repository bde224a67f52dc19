import DashModel

/// Where things go on each screen. The reducer uses the same numbers as the
/// views, so scrolling and mouse clicks agree with what is drawn.
enum Layout {
  /// The smallest usable terminal.
  static let minimum = Size(width: 40, height: 10)

  /// Whether the terminal is too small to draw anything useful.
  static func tooSmall(_ size: Size) -> Bool { size.width < minimum.width || size.height < minimum.height }

  /// Rows of the league list.
  struct League {
    let infoY = 1
    let headerY = 2
    let firstRowY = 3
    let rowCount: Int
    let ruleY: Int
    let totalY: Int

    init(_ size: Size) {
      rowCount = max(1, size.height - 6)
      ruleY = size.height - 3
      totalY = size.height - 2
    }
  }

  /// Rows of the footprint screen.
  struct Footprint {
    let titleY = 1
    let factsY = 2
    let factRows: Int
    /// Where the facts drawn full width start, and how many lines they have.
    let wideY: Int
    let wideRows: Int
    let barY: Int
    let headerY: Int
    let firstRowY: Int
    let rowCount: Int
    /// Whether the small chart fits beside the facts.
    let chartBeside: Bool
    /// Where the selected member is told in full.
    let detailY: Int

    /// The layout for facts drawn full width that wrap to `wideLines`
    /// lines: as many as the height allows, and at least one a fact.
    init(_ size: Size, wideLines: Int = 3) {
      factRows = size.height >= 28 ? 5 : (size.height >= 20 ? 4 : 2)
      wideY = 2 + factRows
      let most = size.height >= 30 ? 7 : (size.height >= 24 ? 5 : (size.height >= 20 ? 4 : 2))
      wideRows = max(min(3, most), min(wideLines, most))
      barY = wideY + wideRows
      headerY = barY + 1
      firstRowY = headerY + 1
      // The last line above the status line tells the selected member in full.
      rowCount = max(1, size.height - 2 - firstRowY)
      detailY = firstRowY + rowCount
      chartBeside = size.width >= 90 && size.height >= 20
    }
  }

  /// Rows of the organisation screen: its footprints, then the details.
  struct Organisation {
    let titleY = 1
    let sourceY = 2
    let headerY = 3
    let firstRowY = 4
    let rowCount: Int
    let detailsY: Int
    let detailRows: Int

    init(_ size: Size, footprints: Int) {
      rowCount = max(1, min(footprints, 4))
      detailsY = firstRowY + rowCount + 1
      detailRows = max(0, size.height - 1 - detailsY)
    }
  }

  /// Rows of the flags list.
  struct Flags {
    let infoY = 1
    let headerY = 2
    let firstRowY = 3
    let rowCount: Int
    /// Where the selected flag's reason is given in full (wrapped, two lines).
    let detailY: Int

    init(_ size: Size) {
      // A rule and two lines of detail above the status line.
      rowCount = max(1, size.height - 7)
      detailY = firstRowY + rowCount
    }
  }

  /// Rows of the Organisations screen: the list, then England's totals
  /// (and each kind's when the terminal is tall enough).
  struct Organisations {
    let infoY = 1
    let headerY = 2
    let firstRowY = 3
    let rowCount: Int
    let ruleY: Int
    let footerY: Int
    let footerRows: Int

    init(_ size: Size, kinds: Int) {
      footerRows = size.height >= 28 ? 1 + kinds : 1
      ruleY = size.height - 2 - footerRows
      footerY = ruleY + 1
      rowCount = max(1, ruleY - 3)
    }

    init(_ state: AppState) {
      let kinds = Set(state.derived.visibleOrganisations.map(\.kind)).count
      self.init(state.size, kinds: kinds)
    }
  }

  /// Rows of the Changes screen: a line of totals, the list, a rule and the selected change's details.
  struct Changes {
    let infoY = 1
    let headerY = 2
    let firstRowY = 3
    let rowCount: Int
    let ruleY: Int
    let detailY: Int
    let detailRows: Int

    init(_ size: Size) {
      detailRows = size.height >= 28 ? 4 : (size.height >= 20 ? 3 : 1)
      ruleY = size.height - 2 - detailRows
      detailY = ruleY + 1
      rowCount = max(1, ruleY - 3)
    }
  }

  /// The tab labels on the top line, right-aligned: (tab, x, width). Each
  /// tab is titled when there is room; otherwise only the current one is,
  /// the others showing their number.
  static func tabs(width: Int, current: Tab? = nil, crumbs: Int = 30) -> [(tab: Tab, x: Int, width: Int, text: String)]
  {
    var labels = Tab.allCases.map { (tab: $0, text: " \($0.rawValue) \($0.title) ") }
    var total = labels.reduce(0) { $0 + $1.text.count }
    if width < total + max(30, crumbs + 1) {
      labels = Tab.allCases.map { (tab: $0, text: $0 == current ? " \($0.rawValue) \($0.title) " : " \($0.rawValue) ") }
      total = labels.reduce(0) { $0 + $1.text.count }
    }
    guard width >= total + 30 else { return [] }
    var x = width - total
    return labels.map { l in
      defer { x += l.text.count }
      return (l.tab, x, l.text.count, l.text)
    }
  }
}
