// swift-tools-version:6.0
import PackageDescription

// Module graph (imports point one way, top to bottom):
//
//   synth (executable) ─┬─> SynthCommand ──> TemplateRendering ──> YAML ──> CYAML (libyaml)
//                       │        └─────────> AWSResources ──> CloudFormation
//                       └─> Stacks ──────────> AWSConstructs ──> IAMPolicies ──> AWSResources
//
// IAMPolicies (policy documents, the statements of a template, IAM's
// wildcards) is the one IAM layer under TemplateDiff, CloudFormationTesting
// and AWSConstructs.
//
// CloudFormation (the template model) knows nothing of YAML or of particular
// AWS services; AWSResources holds the types generated from CloudFormation's
// resource schemas (by generate-resources) and the checks that use AWS's data;
// only YAML touches C.
let package = Package(
    name: "SwiftCloudFormation",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "synth", targets: ["synth"]),
        .library(name: "CloudFormation", targets: ["CloudFormation"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "AWSResources", targets: ["AWSResources"]),
        .library(name: "AWSConstructs", targets: ["AWSConstructs"]),
        /// For users' test targets: template assertions, the resource graph,
        /// IAM policy evaluation and snapshots.
        .library(name: "CloudFormationTesting", targets: ["CloudFormationTesting"]),
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
        .target(name: "TextDiff"),
        .target(name: "TemplateReading", dependencies: ["CloudFormation", "YAML"]),
        .target(name: "MacieIdentifiers", dependencies: ["CloudFormation"]),
        .target(name: "TemplateDiff", dependencies: ["CloudFormation", "AWSResources", "IAMPolicies", "TemplateReading", "TemplateRendering"]),
        .target(name: "AWSResources", dependencies: ["CloudFormation"], exclude: ["resource-types.manifest"]),
        .target(name: "IAMPolicies", dependencies: ["CloudFormation", "AWSResources"]),
        .target(
            name: "CloudFormationTesting",
            dependencies: ["CloudFormation", "AWSResources", "IAMPolicies", "TemplateRendering", "TextDiff", "YAML"]
        ),
        .target(name: "AWSConstructs", dependencies: ["CloudFormation", "AWSResources", "IAMPolicies"]),
        // The Lambda handlers are read from disk by the stack (and tested with pytest), not compiled.
        .target(
            name: "Stacks", dependencies: ["CloudFormation", "AWSResources", "AWSConstructs", "TemplateRendering"], path: "stacks",
            exclude: ["MacieDynamoDB/functions"]
        ),
        .target(
            name: "SynthCommand",
            dependencies: [
                "CloudFormation", "TemplateRendering", "TemplateReading", "TemplateDiff", "AWSResources", "TextDiff",
                "MacieIdentifiers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "synth", dependencies: ["SynthCommand", "Stacks"]),
        // Writes Sources/AWSResources/**/*+Generated.swift from the resource
        // schemas and service data in the cfn-lint package (`make generate-resources`).
        .executableTarget(
            name: "generate-resources",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/ResourceGenerator"
        ),

        // The benchmark's baseline: a program that only starts and prints.
        .executableTarget(name: "startup-baseline", path: "benchmarks/StartupBaseline"),
        // The performance benchmark's scale app (benchmarks/, `make bench`).
        .executableTarget(
            name: "scale-synth",
            dependencies: ["CloudFormation", "AWSResources", "TemplateRendering"],
            path: "benchmarks/ScaleApp"
        ),

        // Test support: the same command over a catalog of deliberately broken
        // stacks, so the CLI tests can run a real executable that fails.
        .executableTarget(
            name: "synth-fixtures",
            dependencies: ["SynthCommand", "CloudFormation", "AWSResources", "AWSConstructs"],
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
        .testTarget(name: "IAMPoliciesTests", dependencies: ["IAMPolicies", "CloudFormation", "AWSResources", "TemplateDiff", "CloudFormationTesting"]),
        .testTarget(
            name: "CloudFormationTestingTests",
            dependencies: ["CloudFormationTesting", "CloudFormation", "AWSResources", "Stacks"],
            exclude: ["Snapshots/__Snapshots__"]
        ),
        .testTarget(name: "AWSConstructsTests", dependencies: ["AWSConstructs", "AWSResources", "CloudFormation"]),
        .testTarget(name: "AWSResourcesTests", dependencies: ["AWSResources", "CloudFormation", "TemplateRendering", "YAML"]),
        .testTarget(name: "ResourceGeneratorTests", dependencies: ["generate-resources"], exclude: ["Widget+Generated.swift.golden"]),
        .testTarget(
            name: "TemplateDiffTests",
            dependencies: ["TemplateDiff", "CloudFormation", "AWSResources", "TemplateReading", "TemplateRendering", "Stacks"],
            exclude: ["__Golden__"]
        ),
        .testTarget(name: "MacieIdentifiersTests", dependencies: ["MacieIdentifiers", "CloudFormation", "Stacks"]),
        .testTarget(name: "TemplateReadingTests", dependencies: ["TemplateReading", "TemplateRendering", "CloudFormation", "YAML"]),
        .testTarget(name: "TemplateRenderingTests", dependencies: ["TemplateRendering", "CloudFormation", "YAML"], exclude: ["__Golden__"]),
        .testTarget(
            name: "SynthCommandTests",
            dependencies: ["synth", "synth-fixtures", "Stacks", "CloudFormation", "AWSResources", "TemplateRendering", "TextDiff", "YAML"]
        ),
    ]
)
