// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "STPDash",
  platforms: [.macOS(.v13)],
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
      ],
      // Release builds carry the Swift runtime inside the binary: it starts
      // a few milliseconds sooner (no runtime libraries to load and bind)
      // and can be copied to a server that has no Swift installed.
      swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
      linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
    ),
    .testTarget(name: "DashModelTests", dependencies: ["DashModel"]),
    .testTarget(name: "STPDashTests", dependencies: ["STPDash", "DashModel"], exclude: ["Snapshots", "Fixtures"]),
  ]
)
