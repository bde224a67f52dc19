/// A terminal in memory: scripted input in, frames out.
final class MemoryTerminal: Terminal {
  var size: Size
  let capabilities: Capabilities
  /// Inputs still to deliver, first first.
  var events: [TerminalEvent]
  /// Every frame drawn, oldest first.
  private(set) var frames: [Buffer] = []
  private(set) var redraws = 0
  private(set) var suspends = 0
  private(set) var shutDown = false

  init(size: Size, capabilities: Capabilities = .full, events: [TerminalEvent] = []) {
    self.size = size
    self.capabilities = capabilities
    self.events = events
  }

  /// The last frame drawn.
  var screen: Buffer? { frames.last }

  func draw(_ buffer: Buffer) { frames.append(buffer) }

  func nextEvent() -> TerminalEvent? {
    guard !events.isEmpty else { return nil }
    let e = events.removeFirst()
    if case .resize(let s) = e { size = s }
    return e
  }

  /// What `listen` was last given.
  private(set) var listened: (socket: Int32?, wake: Double?) = (nil, nil)
  func listen(socket: Int32?, wakeAfter seconds: Double?) { listened = (socket, seconds) }

  /// Scripted input is delivered one event per frame, as typed.
  func pendingEvent() -> TerminalEvent? { nil }

  /// The paths asked to be watched (changes are scripted as events).
  private(set) var watched: Set<String> = []
  /// What `watch` reports, as a system that cannot watch files would.
  var watchFailure: String? = nil
  func watch(_ paths: Set<String>) -> String? {
    watched = paths
    return watchFailure
  }

  /// What was copied to the clipboard, newest last.
  private(set) var copied: [String] = []
  func copy(_ text: String) { copied.append(text) }

  func redraw() { redraws += 1 }
  func suspend() { suspends += 1 }
  func shutdown() { shutDown = true }
}
