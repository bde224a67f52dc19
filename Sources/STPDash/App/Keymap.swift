import DashModel

/// What a key asks for, whatever key it is.
enum Command: Hashable {
  case quit, back, help
  case up, down, pageUp, pageDown, top, bottom, halfPageUp, halfPageDown
  case drill
  case sortNext, sortPrevious, sortInvert
  case regionCycle
  case search, searchNext, searchPrevious
  case tab(Tab), nextTab, previousTab
  case deliveryUp, deliveryDown, deliveryUpOne, deliveryDownOne, typeDelivery
  case previousFootprint, nextFootprint, england, trajectory
  case reload, export, flag, unflag, retrySave
  case redraw, suspend
  case assumeRefusing, clearAssumed, cycleRefusing, observedDelivery, resetDelivery
  case asOfEarlier, asOfLater, asOfLatest
  case goTo, filter, provenance, undo, messages, columns, scrollLeft, scrollRight, copy, copyCell
  case mapMove(MapDirection)
}

/// A way to move on the map.
enum MapDirection: Hashable {
  case up, down, left, right

  /// The direction in map units (y up, north).
  var vector: (dx: Double, dy: Double) {
    switch self {
    case .up: (0, 1)
    case .down: (0, -1)
    case .left: (-1, 0)
    case .right: (1, 0)
    }
  }
}

/// One line of the keymap: keys, what they do, where, and what help says.
struct Binding {
  var keys: [Key]
  var label: String
  var command: Command
  var scopes: [Scope]
  var help: String
}

/// The keymap: a plain table, read by the reducer, the help overlay and the README.
enum Keymap {
  static let bindings: [Binding] =
    [
      Binding(keys: [.char("?"), .function(1)], label: "?", command: .help, scopes: [.everywhere], help: "this help"),
      Binding(keys: [.char("q"), .ctrl("c")], label: "q", command: .quit, scopes: [.everywhere], help: "quit"),
      Binding(
        keys: [.escape, .backspace], label: "Esc Bksp", command: .back, scopes: [.everywhere],
        help: "back; closes help, cancels"),
      Binding(keys: [.tab], label: "Tab", command: .nextTab, scopes: [.everywhere], help: "next screen"),
      Binding(keys: [.backTab], label: "S-Tab", command: .previousTab, scopes: [.everywhere], help: "previous screen"),
    ]
    + Tab.allCases.map { t in
      Binding(
        keys: [.char(Character(String(t.rawValue)))], label: String(t.rawValue), command: .tab(t),
        scopes: [.everywhere], help: "\(t == .organisations ? "Organisations" : t.title) screen")
    } + [
      Binding(
        keys: [.up, .char("k")], label: "↑ k", command: .mapMove(.up), scopes: [.map], help: "the hex to the north"),
      Binding(
        keys: [.down, .char("j")], label: "↓ j", command: .mapMove(.down), scopes: [.map], help: "the hex to the south"),
      Binding(
        keys: [.left, .char("h")], label: "← h", command: .mapMove(.left), scopes: [.map], help: "the hex to the west"),
      Binding(
        keys: [.right, .char("l")], label: "→ l", command: .mapMove(.right), scopes: [.map], help: "the hex to the east"
      ),
      Binding(
        keys: [.char(":"), .char("o")], label: ": o", command: .goTo, scopes: [.everywhere],
        help: "go to any name or code"),
      Binding(
        keys: [.char("+")], label: "+", command: .deliveryUp, scopes: [.everywhere],
        help: "plans deliver 10% more"),
      Binding(
        keys: [.char("-"), .char("_")], label: "-", command: .deliveryDown, scopes: [.everywhere],
        help: "plans deliver 10% less"),
      Binding(
        keys: [.char("}")], label: "}", command: .deliveryUpOne, scopes: [.everywhere],
        help: "delivery 1% more"),
      Binding(
        keys: [.char("{")], label: "{", command: .deliveryDownOne, scopes: [.everywhere], help: "delivery 1% less"),
      Binding(
        keys: [.char("%")], label: "%", command: .typeDelivery, scopes: [.everywhere], help: "type a delivery %"),
      Binding(
        keys: [.char("D")], label: "D", command: .observedDelivery, scopes: [.everywhere],
        help: "observed delivery rates"),
      Binding(
        keys: [.char("0")], label: "0", command: .resetDelivery, scopes: [.everywhere], help: "delivery back to 100%"),
      Binding(
        keys: [.char("X")], label: "X", command: .clearAssumed, scopes: [.everywhere],
        help: "clear assumed refusals"),
      Binding(
        keys: [.char("<")], label: "<", command: .asOfEarlier, scopes: [.everywhere],
        help: "as of a month earlier: stances, flags, changes as known then"),
      Binding(
        keys: [.char(">")], label: ">", command: .asOfLater, scopes: [.everywhere], help: "as of a month later"),
      Binding(
        keys: [.char("=")], label: "=", command: .asOfLatest, scopes: [.everywhere],
        help: "back to everything known (the latest)"),
      Binding(
        keys: [.char("!")], label: "!", command: .cycleRefusing, scopes: [.everywhere],
        help: "which stances count as refusing (cycles)"),
      Binding(
        keys: [.char("p")], label: "p", command: .provenance, scopes: [.everywhere],
        help: "sources, and what the measures mean"),
      Binding(keys: [.char("r")], label: "r", command: .reload, scopes: [.everywhere], help: "reload data and flags"),
      Binding(
        keys: [.char("e")], label: "e", command: .export, scopes: [.everywhere],
        help: "export this view (asks where; .csv or .json)"),
      Binding(
        keys: [.char("Y")], label: "Y", command: .copyCell, scopes: [.lists],
        help: "copy the selected row's value in the sorted column (a raw number)"),
      Binding(
        keys: [.char("y")], label: "y", command: .copy, scopes: [.lists],
        help: "copy the selected row to the clipboard"),
      Binding(
        keys: [.char("z")], label: "z", command: .undo, scopes: [.everywhere],
        help: "undo this session's last flag or unflag"),
      Binding(keys: [.char("M")], label: "M", command: .messages, scopes: [.everywhere], help: "the message log"),
      Binding(
        keys: [.char("w")], label: "w", command: .retrySave, scopes: [.everywhere], help: "retry saving unsaved flags"),
      Binding(keys: [.ctrl("l")], label: "C-l", command: .redraw, scopes: [.everywhere], help: "redraw the screen"),
      Binding(
        keys: [.ctrl("z")], label: "C-z", command: .suspend, scopes: [.everywhere], help: "suspend (fg to come back)"),
      Binding(keys: [.down, .char("j")], label: "j ↓", command: .down, scopes: [.lists], help: "next row"),
      Binding(keys: [.up, .char("k")], label: "k ↑", command: .up, scopes: [.lists], help: "previous row"),
      Binding(
        keys: [.pageDown, .ctrl("f"), .char(" ")], label: "PgDn", command: .pageDown, scopes: [.lists],
        help: "next page"),
      Binding(keys: [.ctrl("d")], label: "C-d", command: .halfPageDown, scopes: [.lists], help: "half a page down"),
      Binding(keys: [.ctrl("u")], label: "C-u", command: .halfPageUp, scopes: [.lists], help: "half a page up"),
      Binding(keys: [.pageUp, .ctrl("b")], label: "PgUp", command: .pageUp, scopes: [.lists], help: "previous page"),
      Binding(keys: [.home, .char("g")], label: "g Home", command: .top, scopes: [.lists], help: "first row"),
      Binding(keys: [.end, .char("G")], label: "G End", command: .bottom, scopes: [.lists], help: "last row"),
      Binding(
        keys: [.enter], label: "Enter", command: .drill,
        scopes: [.league, .footprint, .organisation, .flags, .trajectory, .organisations, .map, .changes],
        help: "open the selected row"),
      Binding(
        keys: [.char("s")], label: "s", command: .sortNext,
        scopes: [.league, .footprint, .organisations, .map, .changes],
        help: "sort by the next column"),
      Binding(
        keys: [.char("S")], label: "S", command: .sortPrevious,
        scopes: [.league, .footprint, .organisations, .map, .changes],
        help: "sort by the previous column"),
      Binding(
        keys: [.char("i")], label: "i", command: .sortInvert, scopes: [.league, .footprint, .organisations, .changes],
        help: "invert the sort order"
      ),
      Binding(
        keys: [.char("R")], label: "R", command: .regionCycle, scopes: [.league], help: "filter by region (cycles)"),
      Binding(
        keys: [.char("c")], label: "c", command: .columns,
        scopes: [.league, .footprint, .organisations, .regions, .changes],
        help: "choose the columns shown"),
      Binding(
        keys: [.char("H")], label: "H", command: .scrollLeft,
        scopes: [.league, .footprint, .organisations, .regions, .changes],
        help: "columns: scroll left"),
      Binding(
        keys: [.char("L")], label: "L", command: .scrollRight,
        scopes: [.league, .footprint, .organisations, .regions, .changes],
        help: "columns: scroll right"),
      Binding(
        keys: [.char("/")], label: "/", command: .search,
        scopes: [.league, .footprint, .flags, .organisations, .changes],
        help: "search name or code"),
      Binding(
        keys: [.char("\\")], label: "\\", command: .filter,
        scopes: [.league, .footprint, .flags, .organisations, .map, .changes],
        help: "filter the rows by terms"),
      Binding(
        keys: [.char("n")], label: "n", command: .searchNext,
        scopes: [.league, .footprint, .flags, .organisations, .changes],
        help: "next match"),
      Binding(
        keys: [.char("N")], label: "N", command: .searchPrevious,
        scopes: [.league, .footprint, .flags, .organisations, .changes],
        help: "previous match"),
      Binding(
        keys: [.char("t")], label: "t", command: .trajectory, scopes: [.league, .footprint], help: "its trajectory"),
      Binding(
        keys: [.left, .char("h"), .char("[")], label: "← h", command: .previousFootprint,
        scopes: [.trajectory, .footprint], help: "previous footprint"),
      Binding(
        keys: [.right, .char("l"), .char("]")], label: "→ l", command: .nextFootprint,
        scopes: [.trajectory, .footprint],
        help: "next footprint"),
      Binding(
        keys: [.char("E")], label: "E", command: .england, scopes: [.trajectory], help: "\(England.name) as a whole"),
      Binding(
        keys: [.char("f")], label: "f", command: .flag, scopes: [.footprint, .organisation, .organisations],
        help: "flag: not cooperating (why?)"),
      Binding(
        keys: [.char("u")], label: "u", command: .unflag, scopes: [.footprint, .organisation, .flags, .organisations],
        help: "unflag the selected body"),
      Binding(
        keys: [.char("x")], label: "x", command: .assumeRefusing, scopes: [.footprint, .organisation, .organisations],
        help: "assume it refuses (what-if)"),
    ]

  /// The command for a key on a screen, if any.
  static func command(for key: Key, in scopes: Set<Scope>) -> Command? {
    for b in bindings where b.keys.contains(key) {
      if b.scopes.contains(.everywhere) || !scopes.isDisjoint(with: b.scopes) { return b.command }
    }
    return nil
  }

  /// A status-line hint: the first key of each command (`+/-/D`) and what they do.
  static func hint(_ commands: [Command], _ word: String, in scopes: Set<Scope>) -> String {
    let keys = commands.compactMap { c in
      bindings(in: scopes).first { $0.command == c }?.keys.first.map { name($0, unicode: true) }
    }
    return keys.isEmpty ? word : keys.joined(separator: "/") + " " + word
  }

  /// A key as help and hints name it.
  static func name(_ k: Key, unicode: Bool) -> String {
    switch k {
    case .char(" "): "Spc"
    case .char(let c): String(c)
    case .ctrl(let c): "C-" + String(c)
    case .up: unicode ? "↑" : "Up"
    case .down: unicode ? "↓" : "Dn"
    case .left: unicode ? "←" : "Left"
    case .right: unicode ? "→" : "Right"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .enter: "Enter"
    case .escape: "Esc"
    case .backspace: "Bksp"
    case .tab: "Tab"
    case .backTab: "S-Tab"
    case .delete: "Del"
    case .function(let n): "F\(n)"
    }
  }

  /// The bindings that apply on a screen, for the help overlay.
  static func bindings(in scopes: Set<Scope>) -> [Binding] {
    bindings.filter { b in b.scopes.contains(.everywhere) || !scopes.isDisjoint(with: b.scopes) }
  }
}
