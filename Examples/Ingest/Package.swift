// swift-tools-version:6.0
import PackageDescription

// A package of one's own with tests: its stacks in a library, the synth command
// over them, and a test target using the test kit.
let package = Package(
    name: "Ingest",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "SwiftCloudFormation", path: "../.."),
    ],
    targets: [
        .target(name: "IngestStacks", dependencies: [
            .product(name: "AWSConstructs", package: "SwiftCloudFormation"),
            .product(name: "CloudFormation", package: "SwiftCloudFormation"),
        ]),
        .executableTarget(name: "Infra", dependencies: [
            "IngestStacks",
            .product(name: "CloudFormation", package: "SwiftCloudFormation"),
            .product(name: "SynthCommand", package: "SwiftCloudFormation"),
        ]),
        .testTarget(
            name: "IngestStacksTests",
            dependencies: [
                "IngestStacks",
                .product(name: "CloudFormation", package: "SwiftCloudFormation"),
                .product(name: "CloudFormationTesting", package: "SwiftCloudFormation"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ]
)
