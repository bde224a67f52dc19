import Foundation
import Testing

/// A throwaway PostgreSQL server for the tests of a team's journal: made
/// with `initdb` in a temporary folder on first use (as the `postgres` user
/// when the tests run as root, which PostgreSQL requires), listening on
/// loopback on a free port, with password logins over TCP, and stopped when
/// the test process ends.
final class PostgresServer: @unchecked Sendable {
  let directory: String
  let port: Int
  let bin: String
  /// The superuser's password (logins over TCP need one).
  static let superPassword = "stpdash-super"

  /// The one server of this test process, or why it could not start.
  static let shared: Result<PostgresServer, ServerError> = start()

  struct ServerError: Error, CustomStringConvertible {
    var description: String
  }

  private init(directory: String, port: Int, bin: String) {
    self.directory = directory
    self.port = port
    self.bin = bin
  }

  /// A URL for a role (its password given in the URL, as a user may).
  func url(_ role: String, password: String? = nil, database: String = "stpdash_test") -> String {
    let pw = password.map { ":" + $0 } ?? ""
    return "postgresql://\(role)\(pw)@127.0.0.1:\(port)/\(database)"
  }

  /// Runs SQL as the superuser over the server's own socket; its output.
  @discardableResult
  func sql(
    _ statement: String, database: String = "stpdash_test", as role: String = "postgres", password: String? = nil
  )
    throws -> Binary.Result
  {
    var args = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", statement]
    if role == "postgres" {
      args = ["-h", directory, "-p", String(port), "-U", "postgres", "-d", database] + args
    } else {
      args = ["-h", "127.0.0.1", "-p", String(port), "-U", role, "-d", database] + args
    }
    return try Binary.runProgram(bin + "/psql", args, environment: ["PGPASSWORD": password ?? Self.superPassword])
  }

  /// The newest PostgreSQL installed (Debian keeps each version apart).
  static func binDirectory() -> String? {
    let root = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
    return versions.last.map { "\(root)/\($0)/bin" }
  }

  /// A port nothing listens on now.
  static func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
    }
    _ = withUnsafeMutablePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    return Int(UInt16(bigEndian: addr.sin_port))
  }

  /// Runs a server program, as `postgres` when this process is root,
  /// with posix_spawn and waitpid: `Process` learns of an exit through a
  /// descriptor the child inherits, which the server `pg_ctl` starts keeps
  /// open, so it would wait for ever. Standard error goes to a file.
  static func runServerTool(_ tool: String, _ args: [String]) throws -> Binary.Result {
    let argvStrings = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", tool] + args : [tool] + args
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("stpdash-pgtool-\(UUID().uuidString)").path
    defer { unlink(log) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    // Nothing else of this process's: the server stays running, and a pipe
    // it kept from a test reading another program's output at the same
    // moment would leave that test waiting for ever.
    _ = Spawn.addCloseFrom?(&actions, 3)
    var argv: [UnsafeMutablePointer<CChar>?] = argvStrings.map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argvStrings[0], &actions, nil, &argv, environ)
    guard rc == 0 else { throw ServerError(description: "cannot run \(tool): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let err = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    return Binary.Result(status: (status >> 8) & 0xFF, out: "", err: err)
  }

  private static func start() -> Result<PostgresServer, ServerError> {
    guard let bin = binDirectory() else {
      return .failure(ServerError(description: "PostgreSQL is not installed (scripts/setup installs it)"))
    }
    let dir = "/tmp/stpdash-pg-\(getpid())-\(UUID().uuidString.prefix(8))"
    do {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      try superPassword.write(toFile: dir + "/pw", atomically: true, encoding: .utf8)
      if getuid() == 0, let pw = getpwnam("postgres") {
        chown(dir, pw.pointee.pw_uid, pw.pointee.pw_gid)
        chown(dir + "/pw", pw.pointee.pw_uid, pw.pointee.pw_gid)
      }
      let initdb = try runServerTool(
        bin + "/initdb",
        [
          "-D", dir + "/data", "-U", "postgres", "--pwfile=" + dir + "/pw", "--auth-local=scram-sha-256",
          "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        ])
      guard initdb.status == 0 else { return .failure(ServerError(description: "initdb failed: \(initdb.err)")) }
      let port = freePort()
      let started = try runServerTool(
        bin + "/pg_ctl",
        [
          "-D", dir + "/data", "-l", dir + "/log", "-w", "-t", "30", "-o",
          "-p \(port) -k \(dir) -c listen_addresses=127.0.0.1 -c fsync=off", "start",
        ])
      guard started.status == 0 else {
        return .failure(ServerError(description: "pg_ctl start failed: \(started.err)"))
      }
      let server = PostgresServer(directory: dir, port: port, bin: bin)
      stopCommand = (bin + "/pg_ctl", dir)
      atexit {
        guard let (pgctl, dir) = PostgresServer.stopCommand else { return }
        _ = try? PostgresServer.runServerTool(pgctl, ["-D", dir + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: dir)
      }
      let made = try server.sql("CREATE DATABASE stpdash_test", database: "postgres")
      guard made.status == 0 else { return .failure(ServerError(description: "createdb failed: \(made.err)")) }
      return .success(server)
    } catch {
      return .failure(ServerError(description: "\(error)"))
    }
  }

  /// How to stop the server when the process ends.
  nonisolated(unsafe) static var stopCommand: (String, String)? = nil
}
