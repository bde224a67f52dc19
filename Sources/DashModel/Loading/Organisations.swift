/// Every organisation, in file order, stored compactly: each piece the
/// loader read in parallel keeps its codes and names as UTF-8 in one byte
/// arena, and an ``Organisation`` value is made when one is asked for. At
/// national scale this saves a `String` per code and name at load time and
/// tens of megabytes of memory; the collection reads like an array.
public struct Organisations: RandomAccessCollection, Sendable {
  /// One piece: the organisations one chunk of the file held.
  struct Part: Sendable {
    /// Each organisation's code then its name, one after another.
    var bytes: [UInt8] = []
    /// Where each code ends in `bytes` (its name starts there).
    var codeEnds: [Int32] = []
    /// Where each name ends in `bytes` (the next code starts there).
    var nameEnds: [Int32] = []
    var kinds: [UInt8] = []
    /// Ids into `texts`; 0 is no source.
    var sources = TextIDs()
    var texts: [String] = [""]

    var count: Int { kinds.count }

    /// The kinds by their stored number (`allCases` builds a new array on every use).
    static let kinds = OrganisationKind.allCases

    /// Room for about `n` organisations of `bytes` bytes of code and name
    /// in all: arrays grown by doubling would copy and touch twice the memory.
    mutating func reserve(_ n: Int, bytes size: Int) {
      bytes.reserveCapacity(size)
      codeEnds.reserveCapacity(n)
      nameEnds.reserveCapacity(n)
      kinds.reserveCapacity(n)
      sources.reserveCapacity(n)
    }

    /// Adds an organisation given as the bytes of its code and name.
    mutating func append(
      code: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, kind: OrganisationKind, source: Int32
    ) {
      append(code: code, name: name, kindNumber: Self.kinds.firstIndex(of: kind) ?? 0, source: source)
    }

    /// The same, the kind given by its place in ``kinds`` (as a reader matched it).
    mutating func append(
      code: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, kindNumber: Int, source: Int32
    ) {
      bytes.append(contentsOf: code)
      codeEnds.append(Int32(bytes.count))
      bytes.append(contentsOf: name)
      nameEnds.append(Int32(bytes.count))
      kinds.append(UInt8(truncatingIfNeeded: kindNumber))
      sources.append(source)
    }

    /// The bytes of organisation `i`'s code.
    func codeRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(nameEnds[i - 1]))..<Int(codeEnds[i]) }

    func organisation(_ i: Int) -> Organisation {
      let code = codeRange(i)
      let name = Int(codeEnds[i])..<Int(nameEnds[i])
      return bytes.withUnsafeBufferPointer { b in
        Organisation(
          code: String(decoding: UnsafeBufferPointer(rebasing: b[code]), as: UTF8.self),
          name: String(decoding: UnsafeBufferPointer(rebasing: b[name]), as: UTF8.self),
          kind: Self.kinds[Int(kinds[i])],
          source: sources[i] == 0 ? nil : texts[Int(sources[i])])
      }
    }

    func name(_ i: Int) -> String {
      bytes.withUnsafeBufferPointer { b in
        String(decoding: UnsafeBufferPointer(rebasing: b[Int(codeEnds[i])..<Int(nameEnds[i])]), as: UTF8.self)
      }
    }

    /// This part without the organisations at `positions` (sorted).
    func removing(_ positions: [Int]) -> Part {
      var out = Part()
      out.texts = texts
      var next = 0
      bytes.withUnsafeBufferPointer { b in
        for i in 0..<count {
          if next < positions.count && positions[next] == i {
            next += 1
            continue
          }
          out.append(
            code: UnsafeBufferPointer(rebasing: b[codeRange(i)]),
            name: UnsafeBufferPointer(rebasing: b[Int(codeEnds[i])..<Int(nameEnds[i])]),
            kind: Self.kinds[Int(kinds[i])], source: sources[i])
        }
      }
      return out
    }
  }

  private let parts: [Part]
  /// The index of each part's first element, and the total at the end.
  private let starts: [Int]

  init(parts: [Part]) {
    let kept = parts.filter { $0.count > 0 }
    self.parts = kept
    var starts = [0]
    for p in kept { starts.append(starts[starts.count - 1] + p.count) }
    self.starts = starts
  }

  /// The organisations of an array.
  public init(_ organisations: [Organisation]) {
    var part = Part()
    for o in organisations {
      var code = o.code
      var name = o.name
      var source: Int32 = 0
      if let s = o.source {
        part.texts.append(s)
        source = Int32(part.texts.count - 1)
      }
      code.withUTF8 { c in name.withUTF8 { n in part.append(code: c, name: n, kind: o.kind, source: source) } }
    }
    self.init(parts: [part])
  }

  /// The first organisation.
  public var startIndex: OrganisationID { OrganisationID(0) }
  /// One past the last organisation.
  public var endIndex: OrganisationID { OrganisationID(starts[starts.count - 1]) }

  /// An organisation.
  public subscript(i: OrganisationID) -> Organisation {
    let (p, at) = part(i.index)
    return parts[p].organisation(at)
  }

  /// An organisation's name (without making the rest of it).
  public func name(of i: OrganisationID) -> String {
    let (p, at) = part(i.index)
    return parts[p].name(at)
  }

  /// The part holding position `i`, and the position within it.
  private func part(_ i: Int) -> (Int, Int) {
    if parts.count == 1 { return (0, i) }
    var lo = 0
    var hi = parts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
    }
    return (lo, i - starts[lo])
  }
}

extension Organisations: Equatable {
  /// The same organisations, in the same order.
  public static func == (a: Organisations, b: Organisations) -> Bool { a.elementsEqual(b) }
}
