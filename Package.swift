// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "STPDash",
  // Linux only (the dashboard's home: servers over SSH): the terminal, file
  // watching and locking use Linux calls, and no other platform is tested.
  products: [
    .executable(name: "stpdash", targets: ["STPDash"]),
    .library(name: "DashModel", targets: ["DashModel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev", "libpq-dev"])]
    ),
    .target(
      name: "DashModel"
    ),
    .executableTarget(
      name: "STPDash",
      dependencies: [
        "DashModel",
        "CNcurses",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzzing (scripts/fuzz): the targets, and a driver that is libFuzzer's
    // when built with -sanitize=fuzzer -DFUZZING and a corpus replayer otherwise.
    .target(name: "FuzzTargets", dependencies: ["DashModel"], path: "Tests/Fuzz/Targets"),
    .executableTarget(name: "stpdash-fuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/Driver"),
    // What both test targets share: seeded randomness, awkward text.
    .target(
      name: "TestSupport", dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
      path: "Tests/Support"),
    .testTarget(
      name: "DashModelTests",
      dependencies: [
        "DashModel", "FuzzTargets", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "STPDashTests",
      dependencies: [
        "STPDash", "DashModel", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Snapshots", "Fixtures"]),
  ]
)
