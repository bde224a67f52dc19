/// Coleman's power to prevent action and the normalised Banzhaf index of
/// each member, by enumerating every coalition (2ⁿ: small games only), in
/// whole tenths as STPDash counts them: weights round(10 × savings), quota
/// round(10 × gap), a coalition balancing when its weights reach the quota.
/// The oracle the blocking tests compare with; it shares no code with the tool.
public func powerByEnumeration(_ savings: [Double], gap: Double) -> (coleman: [Double], banzhaf: [Double]) {
  let n = savings.count
  let w = savings.map { Int(($0 * 10).rounded()) }
  let quota = Int((gap * 10).rounded())
  var winning = 0
  var critical = [Int](repeating: 0, count: n)
  for mask in 0..<(1 << n) {
    let sum = (0..<n).reduce(0) { mask & (1 << $1) != 0 ? $0 + w[$1] : $0 }
    guard sum >= quota else { continue }
    winning += 1
    for i in 0..<n where mask & (1 << i) != 0 && sum - w[i] < quota { critical[i] += 1 }
  }
  let total = critical.reduce(0, +)
  return (
    critical.map { winning > 0 ? Double($0) / Double(winning) : 0 },
    critical.map { total > 0 ? Double($0) / Double(total) : 0 }
  )
}
