import DashModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// `stpdash flag --from FILE`: many flags from a CSV file, checked first,
/// then saved one by one (each locked, written and fsynced on its own).
enum FlagImport {
  static func run(path: String, workspace ws: Workspace, author: String) throws(BatchError) {
    let name = path == "-" ? "standard input" : path
    let bytes: [UInt8]
    do throws(FileReadError) {
      // A file, standard input (`-`) or a stream handed over on purpose
      // (`--from <(…)`), read whole up to a limit.
      bytes = try FileBytes.readStream(path: path)
    } catch {
      throw BatchError("cannot read \(name): \(error.reason)")
    }
    var problems = ProblemList()
    let doc = CSVDocument(fileName: name, bytes: bytes)
    guard
      let table = CSVTable.open(
        doc, required: ["org", "footprint", "reason"], optional: ["author", "event", "time"], problems: &problems)
    else {
      throw BatchError(problems.items.map(\.description).joined(separator: "\n") + "\nnothing was saved")
    }
    var events: [FlagEvent] = []
    let (orgSlot, fpSlot, reasonSlot, authorSlot, eventSlot) = (
      table.column("org"), table.column("footprint"), table.column("reason"), table.column("author"),
      table.column("event")
    )
    table.forEachRecord(problems: &problems) { row, problems in
      let reason = row.exactString(reasonSlot)
      // An `event` column (as in the journal and in unsaved changes printed
      // on exit) may say `unflag`; without it every row is a flag.
      let eventText = row.string(eventSlot).lowercased()
      guard eventText.isEmpty || FlagEvent.Kind(rawValue: eventText) != nil else {
        problems.error(
          name, line: row.line, field: "event", "event \(quotedForMessage(eventText)) is not flag or unflag")
        return
      }
      let kind = FlagEvent.Kind(rawValue: eventText) ?? .flag
      if FlagEvent.isBlank(reason) && kind == .flag {
        problems.error(name, line: row.line, field: "reason", "reason is empty: a flag needs a reason")
        return
      }
      do throws(BatchError) {
        let (o, f) = try FlagTarget.Resolved(org: row.string(orgSlot), footprint: row.string(fpSlot)).resolve(ws)
        let who = row.string(authorSlot)
        events.append(
          FlagEvent(
            kind: kind, org: ws.dataset.organisations[o].code, footprint: ws.dataset.footprints[f].code,
            reason: reason, author: who.isEmpty ? author : who, time: ""))
      } catch {
        problems.error(name, line: row.line, error.message)
      }
    }
    if problems.hasErrors {
      throw BatchError(problems.items.map(\.description).joined(separator: "\n") + "\nnothing was saved")
    }
    for (i, e) in events.enumerated() {
      var event = e
      event.time = UTCTime.now()
      do throws(FlagSaveError) {
        try ws.journal.record([event])
      } catch {
        throw BatchError("not saved: \(error); \(i) of \(events.count) were saved before this one")
      }
      Console.out(
        "saved \(i + 1)/\(events.count): \(event.org) \(event.kind == .flag ? "flagged" : "unflagged") in \(event.footprint): \(VisibleText.sanitize(event.reason))\n"
      )
    }
    Console.out("saved \(events.count) flag\(events.count == 1 ? "" : "s") in \(ws.journal.location)\n")
  }
}
