// swift-tools-version:6.0
import PackageDescription

// The smallest package of one's own: one stack, and the synth command for it.
let package = Package(
    name: "Minimal",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "SwiftCloudFormation", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "Infra", dependencies: [
            .product(name: "AWSConstructs", package: "SwiftCloudFormation"),
            .product(name: "CloudFormation", package: "SwiftCloudFormation"),
            .product(name: "SynthCommand", package: "SwiftCloudFormation"),
        ]),
    ]
)
