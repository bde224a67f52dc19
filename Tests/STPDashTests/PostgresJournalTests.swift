import DashModel
import Foundation
import Testing

@testable import STPDash

/// A team's flag journal in PostgreSQL, against a real throwaway server
/// (`PostgresServer`): roles and grants, authors the server records,
/// append-only, many writers at once, copying, and errors a user can act on.
@Suite("A team's journal in PostgreSQL", .serialized)
struct PostgresJournalTests {
  static let roles = ["stp_owner", "ana", "ben", "rita", "nobody"]

  /// The server, roles made (each with its name as password), and a new
  /// database owned by `stp_owner` with an initialised journal.
  func fresh() throws -> (PostgresServer, String) {
    let server = try PostgresServer.shared.get()
    for role in Self.roles {
      try server.sql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) LOGIN PASSWORD '\(role)'; END IF; END $$",
        database: "postgres")
    }
    let db = "j_" + UUID().uuidString.prefix(8).lowercased()
    try #require(try server.sql("CREATE DATABASE \(db) OWNER stp_owner", database: "postgres").status == 0)
    let r = try Binary.run([
      "journal", "init", "--flags", server.url("stp_owner", password: "stp_owner", database: db), "--writer", "ana",
      "--writer", "ben", "--reader", "rita",
    ])
    #expect(r.status == 0, "\(r.out)\(r.err)")
    #expect(r.out.contains("is ready (0 events); writers: ana, ben; readers: rita"), "\(r.out)")
    return (server, db)
  }

  func flag(
    _ url: String, _ org: String = "E09000009", reason: String = "r", extra: [String] = []
  ) throws -> Binary.Result {
    try Binary.run(["flag", org, "--footprint", "E54000027", "--reason", reason, "--flags", url] + extra)
  }

  @Test func initTwiceChangesNothingAndTheServerRecordsTheAuthor() throws {
    let (server, db) = try fresh()
    let again = try Binary.run([
      "journal", "init", "--flags", server.url("stp_owner", password: "stp_owner", database: db),
    ])
    #expect(again.status == 0, "\(again.err)")
    let r = try flag(server.url("ana", password: "ana", database: db), reason: "  exact  ")
    #expect(r.status == 0, "\(r.err)")
    let flags = try Binary.run([
      "flags", "--all", "--format", "csv", "--flags", server.url("rita", password: "rita", database: db),
    ])
    #expect(flags.status == 0, "\(flags.err)")
    #expect(flags.out.contains(",\"  exact  \",ana,"), "author = the role, reason exact: \(flags.out)")
    // --author naming someone else is refused, nothing written.
    let forged = try flag(server.url("ana", password: "ana", database: db), extra: ["--author", "ben"])
    #expect(forged.status == 1 && forged.err.contains("--author \"ben\" is refused"), "\(forged.err)")
    // A direct INSERT naming another author is recorded as its writer.
    try server.sql(
      "INSERT INTO stpdash.flag_events (event, org, footprint, reason, author, time) VALUES ('flag', 'X', 'Y', 'z', 'ben', '2001-01-01')",
      database: db, as: "ana", password: "ana")
    let authors = try server.sql(
      "SELECT author, time > now() - interval '1 hour' FROM stpdash.flag_events ORDER BY seq", database: db)
    #expect(authors.out.split(separator: "\n") == ["ana|t", "ana|t"], "\(authors.out)\(authors.err)")
  }

  @Test func writersCannotChangeHistoryReadersCannotWriteOthersCannotRead() throws {
    let (server, db) = try fresh()
    #expect(try flag(server.url("ana", password: "ana", database: db)).status == 0)
    for statement in ["DELETE FROM stpdash.flag_events", "UPDATE stpdash.flag_events SET reason = 'x'"] {
      let r = try server.sql(statement, database: db, as: "ana", password: "ana")
      #expect(r.status != 0 && r.err.contains("permission denied"), "\(statement): \(r.err)")
      let owner = try server.sql(statement, database: db, as: "stp_owner", password: "stp_owner")
      #expect(owner.status != 0 && owner.err.contains("append-only"), "the owner too: \(owner.err)")
    }
    let reader = try flag(server.url("rita", password: "rita", database: db))
    #expect(reader.status == 1 && reader.err.contains("this role may not add flags"), "\(reader.err)")
    let stranger = try Binary.run(["flags", "--flags", server.url("nobody", password: "nobody", database: db)])
    #expect(stranger.err.contains("this role may not read it"), "\(stranger.err)")
    #expect(try server.sql("SELECT count(*) FROM stpdash.flag_events", database: db).out.hasPrefix("1"))
  }

  @Test func fourWritersAtOnceLoseNothing() throws {
    let (server, db) = try fresh()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-pg-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // 4 processes × 30 flags, two roles, all at once.
    let members = ["E38000020", "E38000031", "E38000048", "E38000070", "E38000074", "E38000082"]
    var processes: [Process] = []
    for p in 0..<4 {
      var csv = "org,footprint,reason\n"
      for i in 0..<30 { csv += "\(members[i % members.count]),E54000027,writer \(p) flag \(i)\n" }
      let file = dir + "/\(p).csv"
      try csv.write(toFile: file, atomically: true, encoding: .utf8)
      let role = p % 2 == 0 ? "ana" : "ben"
      let proc = Process()
      proc.executableURL = URL(fileURLWithPath: Binary.path)
      proc.arguments = ["flag", "--from", file, "--flags", server.url(role, password: role, database: db)]
      proc.currentDirectoryURL = Binary.repoRoot
      proc.standardOutput = FileHandle.nullDevice
      proc.standardError = FileHandle.nullDevice
      try proc.run()
      processes.append(proc)
    }
    for proc in processes { proc.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let counts = try server.sql(
      "SELECT author, count(*), count(DISTINCT reason) FROM stpdash.flag_events GROUP BY author ORDER BY author",
      database: db)
    #expect(counts.out.split(separator: "\n") == ["ana|60|60", "ben|60|60"], "\(counts.out)\(counts.err)")
  }

  @Test func copyingTwiceAddsEachEventOnce() throws {
    let (server, db) = try fresh()
    let d = try DataCopy()
    defer { d.remove() }
    let csv = d.path + "/flags.csv"
    try
      (FlagJournal.header + "\n"
      + "flag,E09000009,E54000027,first,carol,2016-09-01T09:00:00Z\n"
      + "unflag,E09000009,E54000027,,carol,2016-10-01T09:00:00Z\n"
      + "flag,E09000009,E54000027,first,carol,2016-09-01T09:00:00Z\n").write(
        toFile: csv, atomically: true, encoding: .utf8)
    let owner = server.url("stp_owner", password: "stp_owner", database: db)
    let once = try Binary.run(["journal", "copy", "--from", csv, "--to", owner])
    #expect(
      once.status == 0 && once.out.contains("copied 3 events") && once.out.contains("skipped 0"),
      "\(once.out)\(once.err)")
    let twice = try Binary.run(["journal", "copy", "--from", csv, "--to", owner])
    #expect(
      twice.status == 0 && twice.out.contains("copied 0 events") && twice.out.contains("skipped 3"), "\(twice.out)")
    let rows = try server.sql(
      "SELECT event, author, to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM stpdash.flag_events ORDER BY seq",
      database: db)
    #expect(
      rows.out.split(separator: "\n") == ["flag|carol|2016-09-01", "unflag|carol|2016-10-01", "flag|carol|2016-09-01"],
      "authors and times kept: \(rows.out)")
    // And back: into a new CSV journal, twice.
    let back = d.path + "/back.csv"
    #expect(try Binary.run(["journal", "copy", "--from", owner, "--to", back]).out.contains("copied 3 events"))
    #expect(try Binary.run(["journal", "copy", "--from", owner, "--to", back]).out.contains("copied 0 events"))
    #expect(try FlagJournal(path: back).read().get().events.count == 3)
    // A writer who is not the owner cannot copy others' events in as theirs.
    let writer = try Binary.run([
      "journal", "copy", "--from", back, "--to", server.url("ana", password: "ana", database: db),
    ])
    #expect(writer.status == 0 || writer.err.contains("only the journal's owner"), "\(writer.err)")
  }

  @Test func problemsAreOneLineNamingTheFix() throws {
    let (server, db) = try fresh()
    let down = "postgresql://ana:ana@127.0.0.1:\(PostgresServer.freePort())/\(db)"
    let start = Date()
    let r = try flag(down)
    #expect(Date().timeIntervalSince(start) < 15)
    #expect(
      r.status == 1 && r.err.contains("cannot reach the PostgreSQL server at postgresql://ana@127.0.0.1"), "\(r.err)")
    #expect(!r.err.contains("ana:ana"), "the password is never printed")
    let wrong = try flag(server.url("ana", password: "wrong", database: db))
    #expect(wrong.status == 1 && wrong.err.contains("refused the password"), "\(wrong.err)")
    let nodb = try flag(server.url("ana", password: "ana", database: "no_such_db"))
    #expect(nodb.status == 1 && nodb.err.contains("no such database"), "\(nodb.err)")
    try server.sql("CREATE DATABASE \(db)_bare OWNER stp_owner", database: "postgres")
    let bare = try flag(server.url("stp_owner", password: "stp_owner", database: db + "_bare"))
    #expect(bare.status == 1 && bare.err.contains("has no flag journal yet: run stpdash journal init"), "\(bare.err)")
  }

  /// libpq is opened only when a journal is used; a machine without it is
  /// told what to install, and every other command runs without it.
  @Test func aMissingClientLibraryIsNamedWithItsPackage() throws {
    let loaded = try LibPQ.loaded.get()
    #expect(loaded.PQconnectdbParams != nil && loaded.PQfreemem != nil)
    let missing = PostgresFailure(
      sqlstate: nil, message: LibPQ.missing + "libpq.so.5: cannot open shared object file: No such file or directory")
    let said = missing.explained(for: "postgresql://ana@db.example/stp", writing: true)
    #expect(said.contains("needs PostgreSQL's client library, libpq (on Debian: apt install libpq5)"), "\(said)")
    #expect(!said.contains("cannot reach"), "\(said)")
  }

  @Test func aColleaguesFlagAppearsInTheDashboardWithinTwoSeconds() throws {
    let (server, db) = try fresh()
    let t = try Tmux()
    #expect(t.startDashboard(" --flags \(server.url("ben", password: "ben", database: db)) --fresh"))
    #expect(t.waitFor("1 League"), "\(t.capture())")
    let r = try flag(server.url("ana", password: "ana", database: db), reason: "from another machine")
    #expect(r.status == 0, "\(r.err)")
    #expect(t.wait(timeout: 2) { $0.contains("1 new flag from ana") }, "within 2 s:\n\(t.capture())")
    #expect(!t.capture().contains("ben:ben"), "the password is never shown")
  }
}
