import CPostgres
import DashModel

#if canImport(Glibc)
  import Glibc
#endif

/// A team's flag journal in PostgreSQL: the same events as the CSV journal
/// in table `stpdash.flag_events`, each with a sequence number the server
/// gives, the author the server records (the database role that wrote it)
/// and the server's time. Append-only is enforced by the server: nobody is
/// granted UPDATE or DELETE, and a trigger refuses them even to the owner.
///
/// Connections go through libpq, so the URL forms, `PGPASSWORD`,
/// `~/.pgpass` and TLS are the ones every PostgreSQL tool takes.
struct PostgresJournal: FlagStore {
  let url: String

  var location: String { Self.withoutPassword(url) }
  var name: String { "the flag journal at \(Self.withoutPassword(url))" }
  var authorsAreEnforced: Bool { true }

  /// Seconds to wait for the server before saying it cannot be reached.
  static let connectTimeout = 5
  /// The channel a new event is announced on.
  static let channel = "stpdash_flags"

  // MARK: Reading and appending

  func read() -> Result<FlagHistory, FileReadError> {
    let rows: [[String?]]
    do throws(PostgresFailure) {
      let c = try PostgresConnection(url: url)
      rows = try c.query(
        """
        SELECT event, org, footprint, reason, author,
          to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), seq
        FROM stpdash.flag_events ORDER BY seq
        """)
    } catch {
      return .failure(FileReadError(location: location, detail: error.explained(for: location, writing: false)))
    }
    var history = FlagHistory()
    for r in rows {
      guard r.count == 7, let kind = FlagEvent.Kind(rawValue: r[0] ?? "") else { continue }
      history.events.append(
        FlagEvent(
          kind: kind, org: r[1] ?? "", footprint: r[2] ?? "", reason: r[3] ?? "", author: r[4] ?? "",
          time: r[5] ?? "", line: Int(r[6] ?? "") ?? 0))
    }
    return .success(history)
  }

  func record(_ events: [FlagEvent]) throws(FlagSaveError) -> [FlagEvent] {
    do throws(PostgresFailure) {
      let c = try PostgresConnection(url: url)
      var kept: [FlagEvent] = []
      try c.transaction { () throws(PostgresFailure) in
        for e in events {
          let row = try c.query(
            """
            INSERT INTO stpdash.flag_events (event, org, footprint, reason) VALUES ($1, $2, $3, $4)
            RETURNING author, to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), seq
            """, [e.kind.rawValue, e.org, e.footprint, e.reason]
          ).first
          var stored = e
          stored.author = row?[0] ?? e.author
          stored.time = row?[1] ?? e.time
          stored.line = Int(row?[2] ?? "") ?? 0
          kept.append(stored)
        }
      }
      return kept
    } catch {
      throw FlagSaveError(location: location, detail: error.explained(for: location, writing: true))
    }
  }

  /// The database role this URL connects as (who the server records as author).
  func role() throws(PostgresFailure) -> String {
    let c = try PostgresConnection(url: url)
    return try c.query("SELECT session_user").first?.first.flatMap { $0 } ?? ""
  }

  /// The URL with any password left out, for messages and saved settings.
  static func withoutPassword(_ url: String) -> String {
    guard let scheme = url.firstRange(of: "://") else { return url }
    let rest = url[scheme.upperBound...]
    guard let at = rest.firstIndex(of: "@") else { return url }
    let user = rest[..<at]
    guard let colon = user.firstIndex(of: ":") else { return url }
    return String(url[..<scheme.upperBound]) + String(user[..<colon]) + String(rest[at...])
  }
}

/// What went wrong talking to the server: its SQLSTATE (when a query
/// failed) and its message.
struct PostgresFailure: Error, Equatable {
  var sqlstate: String?
  var message: String

  /// One line naming the problem and the fix.
  func explained(for location: String, writing: Bool) -> String {
    let m = message
    let first = m.split(separator: "\n").first.map(String.init) ?? m
    switch sqlstate {
    case "42501":
      return writing
        ? "cannot write the flag journal at \(location): this role may not add flags (ask the journal's owner to run stpdash journal init --writer ROLE); nothing was written"
        : "cannot read the flag journal at \(location): this role may not read it (ask the journal's owner to run stpdash journal init --reader ROLE)"
    case "3F000", "42P01":
      return
        "\(location) has no flag journal yet: run stpdash journal init --flags \(location) (as a role that may create a schema)"
    case "P0001":
      return "the flag journal at \(location) refused: \(first.replacing("ERROR:  ", with: ""))"
    case .some(let state):
      return "the flag journal at \(location) failed (\(state)): \(first.replacing("ERROR:  ", with: ""))"
    case nil: break
    }
    if m.hasPrefix(LibPQ.missing) {
      return
        "a team journal needs PostgreSQL's client library, libpq (on Debian: apt install libpq5): \(first.dropFirst(LibPQ.missing.count))"
    }
    if m.contains("password authentication failed") || m.contains("no password supplied") {
      return
        "the server at \(location) refused the password: set PGPASSWORD or a line in ~/.pgpass (the password is never saved by STPDash)"
    }
    if m.contains("database") && m.contains("does not exist") {
      return "no such database at \(location): create it (createdb) or correct the name in --flags"
    }
    if m.contains("role") && m.contains("does not exist") {
      return "no such role at \(location): create it (CREATE ROLE … LOGIN) or correct the user in --flags"
    }
    if m.contains("Connection refused") || m.contains("timeout expired") || m.contains("could not connect")
      || m.contains("No such file or directory") || m.contains("could not translate host name")
    {
      return
        "cannot reach the PostgreSQL server at \(location): is it running, and are the host and port right? (\(first.trimmingWhitespace()))"
    }
    return "the flag journal at \(location) failed: \(first.trimmingWhitespace())"
  }
}

/// libpq's functions, opened when a journal is first used (postgres.h says why).
enum LibPQ {
  /// How a failure to load the library begins.
  static let missing = "libpq: "

  /// The functions, or why they cannot be had (loaded once, on first use).
  static let loaded: Result<stp_libpq, PostgresFailure> = {
    var functions = stp_libpq()
    if let why = stp_libpq_load(&functions) {
      return .failure(PostgresFailure(sqlstate: nil, message: missing + String(cString: why)))
    }
    return .success(functions)
  }()
}

/// One connection, closed when released.
///
/// libpq's functions are called through the table ``LibPQ`` loaded; each
/// is always there once it has loaded, so a call's fallback (`?? …`) is
/// only what the type needs.
final class PostgresConnection {
  let handle: OpaquePointer
  private let pq: stp_libpq

  /// Connects with a timeout, or says why not.
  init(url: String) throws(PostgresFailure) {
    let keys = ["dbname", "connect_timeout", "application_name"]
    let values = [url, String(PostgresJournal.connectTimeout), "stpdash"]
    let k = keys.map { strdup($0) }
    let v = values.map { strdup($0) }
    defer {
      k.forEach { free($0) }
      v.forEach { free($0) }
    }
    var kp: [UnsafePointer<CChar>?] = k.map { UnsafePointer($0) } + [nil]
    var vp: [UnsafePointer<CChar>?] = v.map { UnsafePointer($0) } + [nil]
    let pq = try LibPQ.loaded.get()
    guard let conn = pq.PQconnectdbParams?(&kp, &vp, 1) else {
      throw PostgresFailure(sqlstate: nil, message: "out of memory")
    }
    // The server's notices (and its goodbye when it shuts down) would be
    // printed over the dashboard: they are not wanted, errors say enough.
    _ = pq.PQsetNoticeProcessor?(conn, { _, _ in }, nil)
    guard pq.PQstatus?(conn) == CONNECTION_OK else {
      let message = Self.errorMessage(pq, conn)
      pq.PQfinish?(conn)
      throw PostgresFailure(sqlstate: nil, message: message)
    }
    handle = conn
    self.pq = pq
  }

  deinit { pq.PQfinish?(handle) }

  private static func errorMessage(_ pq: stp_libpq, _ conn: OpaquePointer) -> String {
    pq.PQerrorMessage?(conn).map { String(cString: $0) } ?? ""
  }

  /// Runs a statement with text parameters; the rows as text (`nil`: NULL).
  @discardableResult
  func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresFailure) -> [[String?]] {
    let copies = parameters.map { $0.map { strdup($0) } ?? nil }
    defer { copies.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
    let result = pointers.withUnsafeMutableBufferPointer { buf in
      pq.PQexecParams?(handle, sql, Int32(parameters.count), nil, buf.baseAddress, nil, nil, 0)
    }
    defer { pq.PQclear?(result) }
    let status = pq.PQresultStatus?(result)
    guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
      let state = pq.PQresultErrorField?(result, stp_pg_diag_sqlstate()).map { String(cString: $0) }
      throw PostgresFailure(sqlstate: state, message: Self.errorMessage(pq, handle))
    }
    var rows: [[String?]] = []
    for r in 0..<(pq.PQntuples?(result) ?? 0) {
      rows.append(
        (0..<(pq.PQnfields?(result) ?? 0)).map { c in
          pq.PQgetisnull?(result, r, c) != 0 ? nil : pq.PQgetvalue?(result, r, c).map { String(cString: $0) }
        })
    }
    return rows
  }

  /// Runs `body` in one transaction: all of it, or (on an error) none.
  func transaction(_ body: () throws(PostgresFailure) -> Void) throws(PostgresFailure) {
    try query("BEGIN")
    do throws(PostgresFailure) {
      try body()
      try query("COMMIT")
    } catch {
      _ = try? query("ROLLBACK")
      throw error
    }
  }

  /// The socket, for waiting on notifications beside the keyboard.
  var socket: Int32 { pq.PQsocket?(handle) ?? -1 }

  /// Reads what the server sent; the channels notified since last asked,
  /// or `nil` when the connection is lost.
  func notifications() -> [String]? {
    guard pq.PQconsumeInput?(handle) == 1 else { return nil }
    var channels: [String] = []
    while let n = pq.PQnotifies?(handle) {
      channels.append(String(cString: n.pointee.relname))
      pq.PQfreemem?(n)
    }
    return pq.PQstatus?(handle) == CONNECTION_OK ? channels : nil
  }
}
