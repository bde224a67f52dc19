import Foundation
import Testing

/// The map and regions screens in the real binary under tmux.
@Suite("End to end: the map and the regions", .serialized)
struct MapEndToEndTests {
  @Test(arguments: [(100, 30, false, false), (80, 24, true, false), (80, 24, false, true)])
  func theMapMovesBetweenNeighboursAndDrills(width: Int, height: Int, noColor: Bool, ascii: Bool) throws {
    let t = try Tmux(width: width, height: height, environment: noColor ? ["NO_COLOR": "1"] : [:])
    #expect(t.startDashboard("\(ascii ? " --ascii" : "")"), "\(t.capture())")
    t.send("6")
    // The whole frame, not a capture taken while its lower rows are still arriving.
    let labels = ["(quantiles)", "NTW", "MAN", "NWL", "KM", "COR"]
    #expect(t.wait { s in labels.allSatisfy(s.contains) }, "the map and its legend:\n\(t.capture())")
    let map = t.capture()
    for label in labels { #expect(map.contains(label), "\(label) on the map:\n\(map)") }
    #expect(map.contains("North West London"), "the selected footprint beside the map")
    // North West London: west is Buckinghamshire, Oxfordshire… (BLMK/BOB side); east is NCL.
    t.send("Right")
    #expect(t.waitFor("North Central London"), "→ moves east:\n\(t.capture())")
    t.send("Left")
    #expect(t.waitFor("North West London"), "← comes back:\n\(t.capture())")
    t.send("Up")
    #expect(t.waitGone("E54000027"), "↑ moves north:\n\(t.capture())")
    t.send("Down")
    #expect(t.waitFor("E54000027"), "↓ comes back:\n\(t.capture())")
    t.send("s")
    #expect(t.waitFor("map coloured by"), "s changes the metric:\n\(t.capture())")
    t.send("Enter")
    #expect(t.waitFor("Members"), "Enter opens the footprint:\n\(t.capture())")
    #expect(t.capture().contains("North West London"))
    t.send("7")
    #expect(t.waitFor("England"), "the regions:\n\(t.capture())")
    #expect(t.capture().contains("Do-nothing"))
    t.send("q")
    #expect(t.waitFor("EXIT=0"), "\(t.capture())")
  }
}
