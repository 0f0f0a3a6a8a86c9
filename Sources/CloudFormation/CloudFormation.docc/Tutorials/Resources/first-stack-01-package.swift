// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Uploads",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "SwiftCloudFormation", path: "../swift-cloudformation"),
    ],
    targets: [
        .target(name: "UploadsStacks", dependencies: [
            .product(name: "AWSConstructs", package: "SwiftCloudFormation"),
            .product(name: "CloudFormation", package: "SwiftCloudFormation"),
        ]),
        .executableTarget(name: "Infra", dependencies: [
            "UploadsStacks",
            .product(name: "CloudFormation", package: "SwiftCloudFormation"),
            .product(name: "SynthCommand", package: "SwiftCloudFormation"),
        ]),
        .testTarget(name: "UploadsStacksTests", dependencies: [
            "UploadsStacks",
            .product(name: "CloudFormation", package: "SwiftCloudFormation"),
            .product(name: "CloudFormationTesting", package: "SwiftCloudFormation"),
        ]),
    ]
)
