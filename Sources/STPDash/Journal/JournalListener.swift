import DashModel

/// Listens for new events in a database journal (`LISTEN`), on a
/// connection of its own whose socket the dashboard waits on beside the
/// keyboard and the file watcher: a colleague's flag arrives as soon as it
/// is written, and an idle dashboard still uses no CPU.
final class JournalListener {
  private let connection: PostgresConnection

  /// Connects and listens, or says why not.
  init(url: String) throws(PostgresFailure) {
    connection = try PostgresConnection(url: url)
    try connection.query("LISTEN \(PostgresJournal.channel)")
  }

  /// The socket to wait on.
  var socket: Int32 { connection.socket }

  /// After the socket was readable: whether a new event was announced,
  /// or `nil` when the connection is lost (the server went away).
  func announced() -> Bool? {
    guard let channels = connection.notifications() else { return nil }
    return channels.contains(PostgresJournal.channel)
  }
}
