import DashModel

/// A bar split by stance: aligned, conditional, dissenting, refused, unknown.
/// Each stance has its own fill as well as its colour, so it reads without colour.
enum AlignmentBar {
  static func render(
    _ s: AlignmentSummary, x: Int, y: Int, width: Int, into buf: inout Buffer, theme: Theme, glyphs: Glyphs
  ) {
    guard width > 0 else { return }
    let total = s.total
    guard total > 0 else {
      buf.put(String(repeating: glyphs.stanceFill(.unknown), count: width), x: x, y: y, style: theme.dim)
      return
    }
    // Largest-remainder rounding, so the segments always fill the width exactly.
    let exact = Stance.allCases.map { Double(s.count($0)) * Double(width) / Double(total) }
    var cells = exact.map { Int($0) }
    var left = width - cells.reduce(0, +)
    let order = exact.indices.sorted { exact[$0] - Double(cells[$0]) > exact[$1] - Double(cells[$1]) }
    for i in order where left > 0 && s.counts[i] > 0 {
      cells[i] += 1
      left -= 1
    }
    var cx = x
    for (i, n) in cells.enumerated() where n > 0 {
      let seg = StanceSegment(rawValue: i) ?? .unknown
      buf.put(String(repeating: glyphs.stanceFill(seg), count: n), x: cx, y: y, style: theme.stance(seg))
      cx += n
    }
  }

  /// A small bar of the aligned share, drawn in eighths.
  static func share(_ value: Double?, width: Int, glyphs: Glyphs) -> String {
    guard let value, width > 0 else { return String(repeating: " ", count: max(0, width)) }
    let eighths = Int((max(0, min(1, value)) * Double(width * 8)).rounded())
    var s = String(repeating: glyphs.eighths[8], count: eighths / 8)
    if eighths % 8 > 0 && s.count < width { s += glyphs.eighths[eighths % 8] }
    return s + String(repeating: " ", count: max(0, width - s.count))
  }
}
