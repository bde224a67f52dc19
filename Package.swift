// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "STPDash",
  // Built and tested on Linux (the dashboard's home: servers over SSH).
  // Linux-only calls are guarded; on macOS the model's atomics need 15.
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "stpdash", targets: ["STPDash"]),
    .library(name: "DashModel", targets: ["DashModel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev"])]
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
    .testTarget(name: "DashModelTests", dependencies: ["DashModel"]),
    .testTarget(name: "STPDashTests", dependencies: ["STPDash", "DashModel"], exclude: ["Snapshots", "Fixtures"]),
  ]
)
