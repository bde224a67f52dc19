import Dispatch

/// A CSV document whose header has been read and checked against the
/// columns a loader needs.
///
/// Data records are read with ``forEachRecord(problems:_:)`` or, for the
/// very large files, in parallel chunks with ``forEachChunk(parts:makeState:body:)``.
package struct CSVTable: Sendable {
  /// The document the table reads.
  package let document: CSVDocument
  /// Header names as written (trimmed).
  package let header: [String]
  /// Field index for each requested column, in request order; `-1` when absent.
  package let slots: [Int]
  /// The requested column names, required first then optional.
  package let names: [String]
  /// Offset of the first data byte.
  let dataStart: Int
  /// Physical line of the first data record.
  let dataLine: Int

  /// Reads the header and resolves columns; reports missing required columns
  /// and repeated names, and returns `nil` when the table cannot be read.
  package static func open(
    _ document: CSVDocument, required: [String], optional: [String], problems: inout ProblemList
  ) -> CSVTable? {
    let file = document.fileName
    var header: [String] = []
    var dataStart = 0
    var dataLine = 2
    var failed = false
    if document.count == 0 {
      problems.error(file, line: 1, "the file is empty: it needs a header row naming its columns")
      return nil
    }
    // The header is read through a window (grown until the header fits), so
    // a streamed file is never read whole.
    let window = ByteWindow(document.storage, capacity: min(64 << 10, document.storage.window))
    window.fill(at: 0)
    while true {
      if window.truncated {
        problems.error(file, "the file changed while it was being read; load it again")
        return nil
      }
      var scanner = CSVScanner(base: window.buffer, count: window.length)
      let fields = FieldBuffer()
      var complete = true
      do throws(CSVSyntaxError) {
        // Skip leading blank lines before the header.
        while true {
          guard try scanner.nextRecord(into: fields) != nil else {
            problems.error(file, line: 1, "the file has no header row")
            return nil
          }
          if !window.atEnd && scanner.position >= window.length {
            complete = false
            break
          }
          if !(fields.count == 1 && fields[0].start == fields[0].end) { break }
        }
      } catch {
        if window.atEnd || scanner.position < window.length {
          problems.error(file, line: error.line, column: error.column, "header: \(error.message)")
          return nil
        }
        complete = false
      }
      if !complete {
        guard window.grow() else {
          problems.error(
            file, line: 1, "the header is longer than \(ByteWindow.maxCapacity >> 20) MB: not a CSV data file")
          return nil
        }
        window.fill(at: 0)
        continue
      }
      if fields.count > 1_000 {
        problems.error(
          file, line: 1,
          "the header has \(NumberFormat.grouped(fields.count)) columns; a data file has at most 1,000 (is this the right file?)"
        )
        return nil
      }
      let row = CSVRow(base: window.buffer, fields: fields, line: 1)
      header = (0..<fields.count).map { row.string($0) }
      dataStart = scanner.isAtEnd ? document.count : scanner.position
      dataLine = scanner.line
      break
    }
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
  package func column(_ name: String) -> Int {
    guard let i = names.firstIndex(of: name) else { return -1 }
    return slots[i]
  }

  /// Calls `body` for every data record, in order. Blank lines are skipped;
  /// syntax errors and records with the wrong number of fields are reported.
  package func forEachRecord(problems: inout ProblemList, _ body: (inout CSVRow, inout ProblemList) -> Void) {
    scanRange(from: dataStart, to: document.count, firstLine: dataLine, problems: &problems, body)
  }

  /// Scans the records starting in `[from, to)`: straight from memory, or
  /// through a window for a streamed file. Returns where scanning stopped.
  @discardableResult
  func scanRange(
    from: Int, to: Int, firstLine: Int, problems: inout ProblemList, _ body: (inout CSVRow, inout ProblemList) -> Void
  ) -> (offset: Int, line: Int) {
    if document.storage.isInMemory {
      return document.withBytes { buf in
        guard let base = buf.baseAddress else { return (from, firstLine) }
        return scan(base: base, from: from, to: to, firstLine: firstLine, problems: &problems, body)
      }
    }
    let window = ByteWindow(document.storage, capacity: document.storage.window)
    let fields = FieldBuffer(capacity: header.count + 1)
    window.fill(at: from)
    var p = 0
    var line = firstLine
    while window.start + p < to {
      if window.truncated {
        reportChanged(&problems)
        return (document.count, line)
      }
      let read = readRecords(in: window, at: p, line: line, to: to, fields: fields, problems: &problems, body)
      (p, line) = (read.offset, read.line)
      if read.complete { break }
      if p == 0 && !window.grow() {
        reportTooLong(line: line, &problems)
        return (document.count, line)
      }
      window.fill(at: window.start + p)
      p = 0
    }
    return (window.start + p, line)
  }

  /// Reads, with one scanner, every whole record in the window from `start`
  /// that starts before `to` (a file offset). Returns where it stopped, and
  /// `complete: false` when the record there may run past the window (fill
  /// it again from that offset). Nothing is reported for a record until it
  /// is whole.
  func readRecords(
    in window: ByteWindow, at start: Int, line: Int, to: Int, fields: FieldBuffer, problems: inout ProblemList,
    _ body: (inout CSVRow, inout ProblemList) -> Void
  ) -> (offset: Int, line: Int, complete: Bool) {
    let file = document.fileName
    let expected = header.count
    let atEnd = window.atEnd
    let length = window.length
    let limit = to - window.start
    var scanner = CSVScanner(base: window.buffer, count: length, position: start, line: line)
    var row = CSVRow(base: window.buffer, fields: fields, line: 0)
    while scanner.position < limit {
      let recordStart = scanner.position
      let recordLine = scanner.line
      var found: Int?
      var syntax: CSVSyntaxError?
      do throws(CSVSyntaxError) {
        found = try scanner.nextRecord(into: fields)
      } catch {
        syntax = error
      }
      if !atEnd && scanner.position >= length { return (recordStart, recordLine, false) }
      if let syntax {
        problems.error(file, line: syntax.line, column: syntax.column, syntax.message)
        continue
      }
      guard let found else { break }
      if fields.count == 1 && fields[0].start == fields[0].end && !fields[0].quoted { continue }
      if fields.count != expected {
        problems.error(
          file, line: found, "expected \(expected) fields as in the header, found \(NumberFormat.grouped(fields.count))"
        )
        continue
      }
      row.line = found
      body(&row, &problems)
    }
    return (scanner.position, scanner.line, true)
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
    while scanner.position < limit {
      do throws(CSVSyntaxError) {
        guard let line = try scanner.nextRecord(into: row.fields) else { break }
        if row.fields.count == 1 && row.fields[0].start == row.fields[0].end && !row.fields[0].quoted {
          continue
        }
        if row.fields.count != expected {
          problems.error(
            file, line: line,
            "expected \(expected) fields as in the header, found \(NumberFormat.grouped(row.fields.count))")
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

  /// Reads the record at `p` of a window the general way: blank lines are
  /// skipped, syntax errors and wrong field counts reported, and `body` called
  /// for a good record. Returns where the next record starts, or `nil` when
  /// the record may run past the window (fill it again from `p`, larger if
  /// `p` is 0). Nothing is reported for a record until it is whole.
  func readRecord(
    in window: ByteWindow, at p: Int, line: Int, fields: FieldBuffer, problems: inout ProblemList,
    _ body: (inout CSVRow, inout ProblemList) -> Void
  ) -> (offset: Int, line: Int)? {
    var scanner = CSVScanner(base: window.buffer, count: window.length, position: p, line: line)
    var recordLine: Int?
    var syntax: CSVSyntaxError?
    do throws(CSVSyntaxError) {
      recordLine = try scanner.nextRecord(into: fields)
    } catch {
      syntax = error
    }
    if !window.atEnd && scanner.position >= window.length { return nil }
    let next = (scanner.position, scanner.line)
    if let syntax {
      problems.error(document.fileName, line: syntax.line, column: syntax.column, syntax.message)
      return next
    }
    guard let recordLine else { return next }
    if fields.count == 1 && fields[0].start == fields[0].end && !fields[0].quoted { return next }
    if fields.count != header.count {
      problems.error(
        document.fileName, line: recordLine,
        "expected \(header.count) fields as in the header, found \(NumberFormat.grouped(fields.count))")
      return next
    }
    var row = CSVRow(base: window.buffer, fields: fields, line: recordLine)
    body(&row, &problems)
    return next
  }

  /// The file shrank while it was read: nothing read from it can be trusted.
  func reportChanged(_ problems: inout ProblemList) {
    problems.error(
      document.fileName,
      "the file changed while it was being read (it is shorter than when it was opened); nothing was loaded, load it again"
    )
  }

  /// A "record" too long to be a data row: the rest of the file is skipped.
  func reportTooLong(line: Int, _ problems: inout ProblemList) {
    problems.error(
      document.fileName, line: line,
      "a record longer than \(ByteWindow.maxCapacity >> 20) MB starts here (an unclosed quote, or not a CSV data file); the rest of the file is skipped"
    )
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
  package func forEachChunk<State: Sendable>(
    parts: Int, makeState: @escaping @Sendable (Int) -> State,
    body: @escaping @Sendable (inout State, inout CSVRow, inout ProblemList) -> Void
  ) -> [ChunkOutput<State>] {
    forEachChunk(parts: parts, makeState: makeState) { state, from, to, firstLine, problems in
      self.scanRange(from: from, to: to, firstLine: firstLine, problems: &problems) { row, problems in
        body(&state, &row, &problems)
      }
    }
  }

  /// A chunk reader: given its state, its byte range `[from, to)` (absolute),
  /// the line the range starts on (chunk-relative: 1 after the first chunk)
  /// and its problem list, it reads the records that start in the range and
  /// returns the offset and line where it stopped.
  package typealias ChunkReader<State> =
    @Sendable (inout State, Int, Int, Int, inout ProblemList) -> (offset: Int, line: Int)

  /// Where the chunks split: line ends near even fractions of the data,
  /// or, `tapered`, fractions that shrink towards the end (the first third
  /// of the chunks four shares each, the next two, the last one), so the
  /// thread that finishes last waits on a small chunk.
  func chunkBounds(parts: Int, tapered: Bool = false) -> [Int] {
    let total = document.count
    let size = total - dataStart
    let wanted = size < 1 << 20 ? 1 : max(1, min(parts, 32))
    let weights = (0..<wanted).map { tapered ? 4 >> (3 * $0 / wanted) : 1 }
    let shares = weights.reduce(0, +)
    var before = 0
    var bounds: [Int] = [dataStart]
    let probe = ByteWindow(document.storage, capacity: 64 << 10)
    for i in 1..<max(wanted, 1) {
      before += weights[i - 1]
      var p = dataStart + size * before / shares
      var found = false
      while !found && p < total {
        probe.fill(at: p)
        guard probe.length > 0 else { break }
        for k in 0..<probe.length where probe.buffer[k] == 0x0A {
          p += k + 1
          found = true
          break
        }
        if !found { p += probe.length }
      }
      if found && p > bounds[bounds.count - 1] && p < total { bounds.append(p) }
    }
    bounds.append(total)
    return bounds
  }

  /// Reads the data in up to `parts` chunks, each with a reader of its own
  /// (see the other form). A chunk's state is made on its own thread, given
  /// the chunk's number (the chunk read again after a wrong split gets the
  /// next number after the last).
  package func forEachChunk<State: Sendable>(
    parts: Int, tapered: Bool = false, makeState: @escaping @Sendable (Int) -> State,
    reader: @escaping ChunkReader<State>
  ) -> [ChunkOutput<State>] {
    let total = document.count
    let splits = chunkBounds(parts: parts, tapered: tapered)
    let chunks = splits.count - 1
    let results = ChunkSlots<ChunkRun<State>>(count: chunks)
    let firstLine = dataLine
    let work = { @Sendable (i: Int) in
      var state = makeState(i)
      var problems = ProblemList()
      // Chunks after the first count lines from 1; they are shifted below.
      let end = reader(&state, splits[i], splits[i + 1], i == 0 ? firstLine : 1, &problems)
      results.store(i, ChunkRun(state: state, problems: problems, end: end))
    }
    if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
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
      problems.countOmitted(from: run.problems)
      out.append(ChunkOutput(state: run.state, problems: problems, lineOffset: lineOffset))
      let endLine = run.end.line + lineOffset
      guard i + 1 < chunks else { break }
      if run.end.offset == splits[i + 1] {
        lineOffset = endLine - 1
        continue
      }
      // The guessed split fell inside a quoted field: read the rest serially.
      var restState = makeState(chunks)
      var restProblems = ProblemList()
      _ = reader(&restState, run.end.offset, total, endLine, &restProblems)
      out.append(ChunkOutput(state: restState, problems: restProblems, lineOffset: 0, afterWrongSplit: true))
      break
    }
    return out
  }
}

/// What one chunk of a parallel read produced.
package struct ChunkOutput<State: Sendable>: Sendable {
  /// The chunk's own state, as the row handler left it.
  package var state: State
  /// Problems found in the chunk, with absolute line numbers.
  package var problems: ProblemList
  /// Add this to any line number the state recorded to make it absolute.
  package var lineOffset: Int
  /// True for the chunk read again after a guessed split fell inside a
  /// quoted field: the chunks after the split were read from the middle of
  /// a record, and their state is left out.
  package var afterWrongSplit = false
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

  /// Moves the value out (a second take finds nothing), so large values
  /// are freed as soon as their reader is done with them.
  func take(_ i: Int) -> Value? {
    let v = storage[i]
    storage[i] = nil
    return v
  }
}

extension CSVTable {
  /// The bytes after the header.
  var dataBytes: Int { document.count - dataStart }

  /// About how many records the table holds, from the length of the first
  /// few (a little over, so arrays sized by it rarely grow).
  package var estimatedRecords: Int {
    let size = dataBytes
    guard size > 0 else { return 0 }
    let sample = ByteWindow(document.storage, capacity: min(size, 64 << 10))
    sample.fill(at: dataStart)
    var lines = 0
    for k in 0..<sample.length where sample.buffer[k] == 0x0A { lines += 1 }
    guard lines > 0 else { return 1 }
    let perRecord = max(1, sample.length / lines)
    return size / perRecord + size / perRecord / 16 + 16
  }
}
