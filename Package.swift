// swift-tools-version:6.0
import PackageDescription

// Module graph (imports point one way, top to bottom):
//
//   synth (executable) ─┬─> SynthCommand ──> TemplateRendering ──> YAML ──> CYAML (libyaml)
//                       └─> Stacks ─────────> CloudFormation <───────┘ (TemplateRendering)
//
// CloudFormation knows nothing of YAML; YAML knows nothing of CloudFormation;
// only YAML touches C.
let package = Package(
    name: "SwiftCloudFormation",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "synth", targets: ["synth"]),
        .library(name: "CloudFormation", targets: ["CloudFormation"]),
        .library(name: "YAML", targets: ["YAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "CloudFormation"),
        .target(name: "TemplateRendering", dependencies: ["CloudFormation", "YAML"]),
        .target(name: "Stacks", dependencies: ["CloudFormation"], path: "stacks"),
        .target(
            name: "SynthCommand",
            dependencies: [
                "CloudFormation", "TemplateRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "synth", dependencies: ["SynthCommand", "Stacks"]),

        // Test support: the same command over a catalog of deliberately broken
        // stacks, so the CLI tests can run a real executable that fails.
        .executableTarget(
            name: "synth-fixtures",
            dependencies: ["SynthCommand", "CloudFormation"],
            path: "Tests/Fixtures/synth-fixtures"
        ),
        // Test support: writes a JSON list of strings as a YAML sequence, so a
        // YAML reader nobody here wrote (PyYAML, ruamel.yaml) can check our quoting.
        .executableTarget(
            name: "yaml-corpus",
            dependencies: ["YAML"],
            path: "Tests/Fixtures/yaml-corpus"
        ),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "CloudFormationTests", dependencies: ["CloudFormation"]),
        .testTarget(name: "TemplateRenderingTests", dependencies: ["TemplateRendering", "CloudFormation", "YAML"]),
        .testTarget(
            name: "SynthCommandTests",
            dependencies: ["synth", "synth-fixtures", "Stacks", "CloudFormation", "TemplateRendering", "YAML"]
        ),
    ]
)
