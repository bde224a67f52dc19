/// Every organisation, in file order, stored compactly: each piece the
/// loader read in parallel keeps its names as UTF-8 in one byte arena, and
/// an ``Organisation`` value is made when one is asked for. A loaded file's
/// codes are held once, by the code index that gives them their ids; the
/// pieces hold them only until they are registered there. At national
/// scale this saves a `String` per code and name at load time and tens of
/// megabytes of memory; the collection reads like an array.
public struct Organisations: RandomAccessCollection, Sendable {
  /// One piece: the organisations one chunk of the file held.
  struct Part: Sendable {
    /// Each organisation's code, one after another (emptied once the codes
    /// are in the index, ``droppingCodes()``).
    var codeBytes: [UInt8] = []
    /// Where each code ends in `codeBytes`.
    var codeEnds: [Int32] = []
    /// Each organisation's name, one after another.
    var nameBytes: [UInt8] = []
    /// Where each name ends in `nameBytes`.
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
      // Codes are a fifth of a record's bytes or less; names most of the rest.
      codeBytes.reserveCapacity(size / 4)
      nameBytes.reserveCapacity(size)
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
      codeBytes.append(contentsOf: code)
      codeEnds.append(Int32(codeBytes.count))
      nameBytes.append(contentsOf: name)
      nameEnds.append(Int32(nameBytes.count))
      kinds.append(UInt8(truncatingIfNeeded: kindNumber))
      sources.append(source)
    }

    /// The bytes of organisation `i`'s code (while the part holds them).
    func codeRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(codeEnds[i - 1]))..<Int(codeEnds[i]) }

    /// The bytes of organisation `i`'s name.
    func nameRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(nameEnds[i - 1]))..<Int(nameEnds[i]) }

    /// Organisation `i`'s code (while the part holds them).
    func code(_ i: Int) -> String {
      codeBytes.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[codeRange(i)]), as: UTF8.self)
      }
    }

    func organisation(_ i: Int, code: String) -> Organisation {
      Organisation(
        code: code, name: name(i), kind: Self.kinds[Int(kinds[i])],
        source: sources[i] == 0 ? nil : texts[Int(sources[i])])
    }

    func name(_ i: Int) -> String {
      nameBytes.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[nameRange(i)]), as: UTF8.self)
      }
    }

    /// This part without the organisations at `positions` (sorted).
    func removing(_ positions: [Int]) -> Part {
      var out = Part()
      out.texts = texts
      var next = 0
      codeBytes.withUnsafeBufferPointer { c in
        nameBytes.withUnsafeBufferPointer { n in
          for i in 0..<count {
            if next < positions.count && positions[next] == i {
              next += 1
              continue
            }
            out.append(
              code: UnsafeBufferPointer(rebasing: c[codeRange(i)]),
              name: UnsafeBufferPointer(rebasing: n[nameRange(i)]),
              kindNumber: Int(kinds[i]), source: sources[i])
          }
        }
      }
      return out
    }

    /// This part with its codes given up (they are held by the code index).
    func droppingCodes() -> Part {
      var out = self
      out.codeBytes = []
      out.codeEnds = []
      return out
    }
  }

  private let parts: [Part]
  /// The index of each part's first element, and the total at the end.
  private let starts: [Int]
  /// The index holding the codes when the parts do not, and the id of the
  /// first organisation's code in it (the organisations' ids follow in order).
  private let codeIndex: CodeIndex?
  private let firstID: Int

  /// The organisations of `parts`, which hold their codes.
  init(parts: [Part]) {
    self.init(kept: parts, codeIndex: nil, firstID: 0)
  }

  /// The organisations of `parts`, whose codes are in `codes` from id
  /// `firstID` on, one after another in the parts' order (as the loader
  /// registered them): the parts give theirs up.
  init(parts: [Part], codesIn codes: CodeIndex, firstID: Int) {
    self.init(kept: parts.map { $0.droppingCodes() }, codeIndex: codes, firstID: firstID)
  }

  private init(kept parts: [Part], codeIndex: CodeIndex?, firstID: Int) {
    let kept = parts.filter { $0.count > 0 }
    self.parts = kept
    var starts = [0]
    for p in kept { starts.append(starts[starts.count - 1] + p.count) }
    self.starts = starts
    self.codeIndex = codeIndex
    self.firstID = firstID
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
    return parts[p].organisation(at, code: codeIndex?.code(firstID + i.index) ?? parts[p].code(at))
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
