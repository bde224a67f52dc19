import ArgumentParser
import DashModel

/// `stpdash journal`: a team's flag journal in PostgreSQL, made and filled.
struct JournalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journal",
    abstract: "Set up a team's flag journal in PostgreSQL, or copy events between journals.",
    discussion:
      "A team on many machines keeps its flags in one PostgreSQL database: run `stpdash journal init --flags postgresql://OWNER@HOST/DB --writer ROLE --reader ROLE` once, then point everyone's --flags (or STPDASH_FLAGS) at the database. The server records each event's author (the role that wrote it) and time, and nobody may change or delete an event.",
    subcommands: [JournalInitCommand.self, JournalCopyCommand.self])
}

/// `stpdash journal init`: the schema, table, triggers and grants, idempotently.
struct JournalInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Create schema stpdash and table flag_events in a PostgreSQL database (again: nothing changes), and grant roles.")

  @Option(name: .long, help: ArgumentHelp("The database: postgresql://USER@HOST:PORT/DB.", valueName: "URL"))
  var flags: String

  @Option(
    name: .long, help: ArgumentHelp("A role that may add flags (and read them); repeat for more.", valueName: "ROLE"))
  var writer: [String] = []

  @Option(name: .long, help: ArgumentHelp("A role that may read flags only; repeat for more.", valueName: "ROLE"))
  var reader: [String] = []

  func validate() throws {
    guard FlagStores.isDatabase(flags) else {
      throw ValidationError(
        "--flags must be a PostgreSQL URL (postgresql://USER@HOST:PORT/DB); a CSV journal needs no init")
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let journal = PostgresJournal(url: flags)
      do throws(PostgresFailure) {
        let c = try PostgresConnection(url: flags)
        try c.transaction { () throws(PostgresFailure) in
          for statement in JournalSchema.statements { try c.query(statement) }
          for role in writer { for g in JournalSchema.grants(role, write: true) { try c.query(g) } }
          for role in reader { for g in JournalSchema.grants(role, write: false) { try c.query(g) } }
        }
        let count = try c.query("SELECT count(*) FROM stpdash.flag_events").first?.first.flatMap { $0 } ?? "0"
        var said = "the flag journal at \(journal.location) is ready (\(count) event\(count == "1" ? "" : "s"))"
        if !writer.isEmpty { said += "; writers: \(writer.joined(separator: ", "))" }
        if !reader.isEmpty { said += "; readers: \(reader.joined(separator: ", "))" }
        Console.out(said + "\n")
      } catch {
        throw BatchError(error.explained(for: journal.location, writing: true))
      }
    }
  }
}

/// The journal's schema: the same events as the CSV journal, a sequence the
/// server gives, and the rules the server keeps whoever writes.
enum JournalSchema {
  static let statements = [
    "CREATE SCHEMA IF NOT EXISTS stpdash",
    """
    CREATE TABLE IF NOT EXISTS stpdash.flag_events (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event text NOT NULL CHECK (event IN ('flag', 'unflag')),
      org text NOT NULL CHECK (org <> ''),
      footprint text NOT NULL CHECK (footprint <> ''),
      reason text NOT NULL DEFAULT '',
      author text NOT NULL DEFAULT session_user,
      time timestamptz NOT NULL DEFAULT statement_timestamp(),
      copied_key text UNIQUE,
      CHECK (event = 'unflag' OR btrim(reason) <> '')
    )
    """,
    "REVOKE ALL ON stpdash.flag_events FROM PUBLIC",
    // The author is the role that writes, the time the server's: only the
    // journal's owner copying history (`journal copy`) keeps an event's own.
    """
    CREATE OR REPLACE FUNCTION stpdash.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.copied_key IS NULL OR session_user <> (
        SELECT tableowner FROM pg_catalog.pg_tables WHERE schemaname = 'stpdash' AND tablename = 'flag_events')
      THEN
        NEW.author := session_user;
        NEW.time := statement_timestamp();
        NEW.copied_key := NULL;
      END IF;
      RETURN NEW;
    END $$
    """,
    "CREATE OR REPLACE TRIGGER stamp BEFORE INSERT ON stpdash.flag_events FOR EACH ROW EXECUTE FUNCTION stpdash.stamp()",
    // Append-only, for the owner too.
    """
    CREATE OR REPLACE FUNCTION stpdash.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the flag journal is append-only: events are never changed or deleted (an unflag lifts a flag)';
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER append_only BEFORE UPDATE OR DELETE ON stpdash.flag_events
    FOR EACH ROW EXECUTE FUNCTION stpdash.append_only()
    """,
    """
    CREATE OR REPLACE TRIGGER append_only_truncate BEFORE TRUNCATE ON stpdash.flag_events
    FOR EACH STATEMENT EXECUTE FUNCTION stpdash.append_only()
    """,
    // Every dashboard listening hears of a new event at once.
    """
    CREATE OR REPLACE FUNCTION stpdash.announce() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('\(PostgresJournal.channel)', '');
      RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER announce AFTER INSERT ON stpdash.flag_events
    FOR EACH STATEMENT EXECUTE FUNCTION stpdash.announce()
    """,
  ]

  /// A role quoted as an SQL identifier.
  static func identifier(_ role: String) -> String { "\"" + role.replacing("\"", with: "\"\"") + "\"" }

  /// What a role is granted: a writer may read and add, a reader only read.
  static func grants(_ role: String, write: Bool) -> [String] {
    let r = identifier(role)
    return [
      "GRANT USAGE ON SCHEMA stpdash TO \(r)",
      "GRANT \(write ? "SELECT, INSERT" : "SELECT") ON stpdash.flag_events TO \(r)",
    ]
  }
}

/// `stpdash journal copy`: every event from one journal to another, in
/// order, each once however often it is run.
struct JournalCopyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy",
    abstract:
      "Copy every event from one journal to another (a CSV file or a PostgreSQL URL, either way), in order; events already there are skipped."
  )

  @Option(
    name: .long, help: ArgumentHelp("The journal to copy from: a CSV file or a PostgreSQL URL.", valueName: "SRC"))
  var from: String

  @Option(name: .long, help: ArgumentHelp("The journal to copy to: a CSV file or a PostgreSQL URL.", valueName: "DST"))
  var to: String

  func run() throws {
    try runBatch { () throws(BatchError) in
      let source = FlagStores.open(from)
      let events: [FlagEvent]
      switch source.read() {
      case .success(let h):
        events = h.events
        for p in h.problems.prefix(10) { Console.error("stpdash: \(p)") }
      case .failure(let e): throw BatchError("cannot read \(source.location): \(e.reason)")
      }
      let destination = FlagStores.open(to)
      let existing: [FlagEvent]
      switch destination.read() {
      case .success(let h): existing = h.events
      case .failure(let e): throw BatchError("cannot read \(destination.location): \(e.reason)")
      }
      let missing = JournalCopy.missing(events, from: existing)
      do throws(FlagSaveError) {
        if let db = destination as? PostgresJournal {
          try db.copy(missing)
        } else {
          try destination.record(missing.map(\.event))
        }
      } catch {
        throw BatchError("nothing copied: \(error)")
      }
      Console.out(
        "copied \(missing.count) event\(missing.count == 1 ? "" : "s") from \(source.location) to \(destination.location); skipped \(events.count - missing.count) already there\n"
      )
    }
  }
}

/// Which events a copy adds: those the destination does not hold, the same
/// event twice counted as two (so copying again adds nothing).
enum JournalCopy {
  /// An event with the key that names it among copies.
  struct Keyed {
    var event: FlagEvent
    var key: String
  }

  /// The key of an event: what it says, who, when, and which of equal events it is.
  static func keys(_ events: [FlagEvent]) -> [String] {
    var seen: [String: Int] = [:]
    return events.map { e in
      let base = [e.kind.rawValue, e.org, e.footprint, e.reason, e.author, e.time].joined(separator: "\u{1F}")
      let n = seen[base, default: 0]
      seen[base] = n + 1
      return base + "\u{1F}\(n)"
    }
  }

  static func missing(_ events: [FlagEvent], from existing: [FlagEvent]) -> [Keyed] {
    let there = Set(keys(existing))
    return zip(events, keys(events)).filter { !there.contains($0.1) }.map { Keyed(event: $0.0, key: $0.1) }
  }
}

extension PostgresJournal {
  /// Copies events keeping their author and time: only the journal's owner
  /// may (the server keeps anyone else's writes as their own).
  func copy(_ events: [JournalCopy.Keyed]) throws(FlagSaveError) {
    do throws(PostgresFailure) {
      let c = try PostgresConnection(url: url)
      let owner =
        try c.query(
          "SELECT session_user = tableowner FROM pg_catalog.pg_tables WHERE schemaname = 'stpdash' AND tablename = 'flag_events'"
        ).first?.first.flatMap { $0 }
      guard owner == "t" else {
        throw PostgresFailure(
          sqlstate: "P0001",
          message:
            "only the journal's owner may copy events into it (each keeps its own author and time); connect as the role that ran journal init"
        )
      }
      try c.transaction { () throws(PostgresFailure) in
        for k in events {
          let e = k.event
          try c.query(
            """
            INSERT INTO stpdash.flag_events (event, org, footprint, reason, author, time, copied_key)
            VALUES ($1, $2, $3, $4, $5, $6::timestamptz, md5($7)) ON CONFLICT (copied_key) DO NOTHING
            """, [e.kind.rawValue, e.org, e.footprint, e.reason, e.author, e.time, k.key])
        }
      }
    } catch {
      throw FlagSaveError(location: location, detail: error.explained(for: location, writing: true))
    }
  }
}
