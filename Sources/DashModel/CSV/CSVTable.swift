import Dispatch

/// A CSV document whose header has been read and checked against the
/// columns a loader needs.
///
/// Data records are read with ``forEachRecord(problems:_:)`` or, for the
/// very large files, in parallel chunks with ``forEachChunk(parts:makeState:body:)``.
public struct CSVTable: Sendable {
  /// The document the table reads.
  public let document: CSVDocument
  /// Header names as written (trimmed).
  public let header: [String]
  /// Field index for each requested column, in request order; `-1` when absent.
  public let slots: [Int]
  /// The requested column names, required first then optional.
  public let names: [String]
  /// Offset of the first data byte.
  let dataStart: Int
  /// Physical line of the first data record.
  let dataLine: Int

  /// Reads the header and resolves columns; reports missing required columns
  /// and repeated names, and returns `nil` when the table cannot be read.
  public static func open(
    _ document: CSVDocument, required: [String], optional: [String], problems: inout ProblemList
  ) -> CSVTable? {
    let file = document.fileName
    var header: [String] = []
    var dataStart = 0
    var dataLine = 2
    var failed = false
    document.withBytes { buf in
      guard let base = buf.baseAddress, buf.count > 0 else {
        problems.error(file, line: 1, "the file is empty: it needs a header row naming its columns")
        failed = true
        return
      }
      var scanner = CSVScanner(base: base, count: buf.count)
      let fields = FieldBuffer()
      do throws(CSVSyntaxError) {
        // Skip leading blank lines before the header.
        while true {
          guard try scanner.nextRecord(into: fields) != nil else {
            problems.error(file, line: 1, "the file has no header row")
            failed = true
            return
          }
          if !(fields.count == 1 && fields[0].start == fields[0].end) { break }
        }
      } catch {
        problems.error(file, line: error.line, column: error.column, "header: \(error.message)")
        failed = true
        return
      }
      let row = CSVRow(base: base, fields: fields, line: 1)
      header = (0..<fields.count).map { row.string($0) }
      dataStart = scanner.isAtEnd ? buf.count : scanner.position
      dataLine = scanner.line
    }
    if failed { return nil }
    var lowered: [String: Int] = [:]
    for (i, name) in header.enumerated() {
      let key = name.lowercased()
      if key.isEmpty { continue }
      if let first = lowered[key] {
        problems.error(
          file, line: 1, field: name,
          "column \"\(name)\" appears twice (columns \(first + 1) and \(i + 1))")
        failed = true
      } else {
        lowered[key] = i
      }
    }
    var slots: [Int] = []
    for name in required {
      if let i = lowered[name] {
        slots.append(i)
      } else {
        let have = header.isEmpty ? "none" : header.map { quotedForMessage($0) }.joined(separator: ", ")
        problems.error(
          file, line: 1, field: name,
          "required column \"\(name)\" is missing (the header has \(have))")
        failed = true
        slots.append(-1)
      }
    }
    for name in optional { slots.append(lowered[name] ?? -1) }
    if failed { return nil }
    return CSVTable(
      document: document, header: header, slots: slots, names: required + optional,
      dataStart: dataStart, dataLine: dataLine)
  }

  /// The field slot of a requested column (`-1` when an optional column is absent).
  public func column(_ name: String) -> Int {
    guard let i = names.firstIndex(of: name) else { return -1 }
    return slots[i]
  }

  /// Calls `body` for every data record, in order. Blank lines are skipped;
  /// syntax errors and records with the wrong number of fields are reported.
  public func forEachRecord(problems: inout ProblemList, _ body: (inout CSVRow, inout ProblemList) -> Void) {
    document.withBytes { buf in
      guard let base = buf.baseAddress else { return }
      scan(base: base, from: dataStart, to: buf.count, firstLine: dataLine, problems: &problems, body)
    }
  }

  /// Scans records starting at byte `from` while they start before `to`.
  /// Returns the offset and line where scanning stopped.
  @discardableResult
  func scan(
    base: UnsafePointer<UInt8>, from: Int, to: Int, firstLine: Int, problems: inout ProblemList,
    _ body: (inout CSVRow, inout ProblemList) -> Void
  ) -> (offset: Int, line: Int) {
    let file = document.fileName
    let expected = header.count
    var scanner = CSVScanner(
      base: base + from, count: document.count - from, firstLine: firstLine, skipBOM: false)
    let limit = to - from
    var row = CSVRow(base: base + from, fields: FieldBuffer(capacity: expected + 1), line: 0)
    var discarded = 0
    while scanner.position < limit {
      if scanner.position - discarded >= 8 << 20 {
        document.storage.discard(from: from + discarded, to: from + scanner.position)
        discarded = scanner.position
      }
      do throws(CSVSyntaxError) {
        guard let line = try scanner.nextRecord(into: row.fields) else { break }
        if row.fields.count == 1 && row.fields[0].start == row.fields[0].end && !row.fields[0].quoted {
          continue
        }
        if row.fields.count != expected {
          problems.error(
            file, line: line,
            "expected \(expected) fields as in the header, found \(row.fields.count)")
          continue
        }
        row.line = line
        body(&row, &problems)
      } catch {
        problems.error(file, line: error.line, column: error.column, error.message)
      }
    }
    return (from + scanner.position, scanner.line)
  }

  /// Reads one record the general way, starting at byte `offset` (absolute)
  /// on `line`: blank lines are skipped, syntax errors and wrong field counts
  /// reported. Returns where it stopped.
  public func readOne(
    base: UnsafePointer<UInt8>, at offset: Int, line: Int, fields: FieldBuffer, problems: inout ProblemList,
    _ body: (inout CSVRow, inout ProblemList) -> Void
  ) -> (offset: Int, line: Int) {
    var scanner = CSVScanner(base: base, count: document.count, position: offset, line: line)
    do throws(CSVSyntaxError) {
      guard let recordLine = try scanner.nextRecord(into: fields) else { return (scanner.position, scanner.line) }
      if fields.count == 1 && fields[0].start == fields[0].end && !fields[0].quoted {
        return (scanner.position, scanner.line)
      }
      if fields.count != header.count {
        problems.error(
          document.fileName, line: recordLine,
          "expected \(header.count) fields as in the header, found \(fields.count)")
        return (scanner.position, scanner.line)
      }
      var row = CSVRow(base: base, fields: fields, line: recordLine)
      body(&row, &problems)
    } catch {
      problems.error(document.fileName, line: error.line, column: error.column, error.message)
    }
    return (scanner.position, scanner.line)
  }

  /// Reads the data records in up to `parts` chunks on separate threads.
  ///
  /// Chunks are split at line ends guessed to lie outside quotes; each chunk
  /// after the first is checked against where its predecessor really ended,
  /// and when a guess was wrong (a quoted field spanning the split) the rest
  /// of the file is read again in one piece, so results never depend on the
  /// guess. `body` gets a chunk-local state, the row, and a problem list.
  /// Problems come back with absolute line numbers; lines that the state
  /// itself keeps are chunk-relative and need ``ChunkOutput/lineOffset`` added.
  public func forEachChunk<State: Sendable>(
    parts: Int, makeState: @escaping @Sendable () -> State,
    body: @escaping @Sendable (inout State, inout CSVRow, inout ProblemList) -> Void
  ) -> [ChunkOutput<State>] {
    forEachChunk(parts: parts, makeState: makeState) { state, base, from, to, firstLine, problems in
      self.scan(base: base, from: from, to: to, firstLine: firstLine, problems: &problems) { row, problems in
        body(&state, &row, &problems)
      }
    }
  }

  /// A chunk reader: given the buffer, its byte range `[from, to)` (absolute),
  /// the line the range starts on (chunk-relative: 1 after the first chunk),
  /// its state and problem list, it reads the records that start in the
  /// range and returns the offset and line where it stopped.
  public typealias ChunkReader<State> =
    @Sendable (
      inout State, UnsafePointer<UInt8>, Int, Int, Int, inout ProblemList
    ) -> (offset: Int, line: Int)

  /// Reads the data in up to `parts` chunks, each with a reader of its own
  /// (see the other form). A chunk's state is made on its own thread.
  public func forEachChunk<State: Sendable>(
    parts: Int, makeState: @escaping @Sendable () -> State, reader: @escaping ChunkReader<State>
  ) -> [ChunkOutput<State>] {
    let total = document.count
    let size = total - dataStart
    let wanted = size < 1 << 20 ? 1 : max(1, min(parts, 16))
    var bounds: [Int] = [dataStart]
    document.withBytes { buf in
      guard let base = buf.baseAddress else { return }
      for i in 1..<max(wanted, 1) {
        var p = dataStart + size * i / wanted
        while p < total, base[p] != 0x0A { p += 1 }
        if p < total { p += 1 }
        if p > bounds[bounds.count - 1] && p < total { bounds.append(p) }
      }
    }
    bounds.append(total)
    let chunks = bounds.count - 1

    let results = ChunkSlots<ChunkRun<State>>(count: chunks)
    let firstLine = dataLine
    let splits = bounds
    document.withBytes { buf in
      guard let base = buf.baseAddress else { return }
      let address = UInt(bitPattern: base)
      let work = { @Sendable (i: Int) in
        guard let base = UnsafePointer<UInt8>(bitPattern: address) else { return }
        var state = makeState()
        var problems = ProblemList()
        // Chunks after the first count lines from 1; they are shifted below.
        let end = reader(&state, base, splits[i], splits[i + 1], i == 0 ? firstLine : 1, &problems)
        results.store(i, ChunkRun(state: state, problems: problems, end: end))
      }
      if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
    }
    var out: [ChunkOutput<State>] = []
    var lineOffset = 0
    for i in 0..<chunks {
      guard let run = results.take(i) else { continue }
      var problems = ProblemList()
      for p in run.problems.items {
        var q = p
        if let line = q.line { q.line = line + lineOffset }
        problems.add(q)
      }
      out.append(ChunkOutput(state: run.state, problems: problems, lineOffset: lineOffset))
      let endLine = run.end.line + lineOffset
      guard i + 1 < chunks else { break }
      if run.end.offset == splits[i + 1] {
        lineOffset = endLine - 1
        continue
      }
      // The guessed split fell inside a quoted field: read the rest serially.
      var restState = makeState()
      var restProblems = ProblemList()
      document.withBytes { buf in
        guard let base = buf.baseAddress else { return }
        _ = reader(&restState, base, run.end.offset, total, endLine, &restProblems)
      }
      out.append(ChunkOutput(state: restState, problems: restProblems, lineOffset: 0))
      break
    }
    return out
  }
}

/// What one chunk of a parallel read produced.
public struct ChunkOutput<State: Sendable>: Sendable {
  /// The chunk's own state, as the row handler left it.
  public var state: State
  /// Problems found in the chunk, with absolute line numbers.
  public var problems: ProblemList
  /// Add this to any line number the state recorded to make it absolute.
  public var lineOffset: Int
}

struct ChunkRun<State: Sendable>: Sendable {
  var state: State
  var problems: ProblemList
  var end: (offset: Int, line: Int)
}

/// Fixed slots that worker threads fill at distinct indices.
final class ChunkSlots<Value>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<Value?>
  private let count: Int

  init(count: Int) {
    self.count = count
    storage = UnsafeMutablePointer<Value?>.allocate(capacity: count)
    storage.initialize(repeating: nil, count: count)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  /// Each index is written by exactly one thread, and read only after all have finished.
  func store(_ i: Int, _ value: Value) { storage[i] = value }

  func take(_ i: Int) -> Value? { storage[i] }
}
