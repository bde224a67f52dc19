/// A key press, as the terminal seam reports it.
enum Key: Hashable {
  case char(Character)
  /// Control with a letter: `.ctrl("c")` for Ctrl-C.
  case ctrl(Character)
  case up, down, left, right, pageUp, pageDown, home, end
  case enter, escape, backspace, tab, backTab, delete
  case function(Int)
}

/// A mouse event at a cell.
struct MouseEvent: Hashable {
  enum Kind: Hashable {
    case press, wheelUp, wheelDown
  }

  var kind: Kind
  var x: Int
  var y: Int
  /// Seconds on a monotonic clock, to tell a double click from two clicks.
  var time: Double
}

/// Everything the terminal can deliver.
enum TerminalEvent: Hashable {
  case key(Key)
  case mouse(MouseEvent)
  case resize(Size)
  /// Files being watched changed on disk (their paths).
  case filesChanged(Set<String>)
  /// The socket given to `listen` has something to read.
  case socketReadable
  /// The wait given to `listen` has passed.
  case wake
  /// Text pasted, as one event (the terminal bracketed it).
  case paste(String)
  /// Input bytes that decode to no character (not UTF-8), consumed.
  case undecodable
}
