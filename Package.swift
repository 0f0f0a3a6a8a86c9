// swift-tools-version:6.1
import PackageDescription

// Module graph (imports point one way, left to right; docs/ARCHITECTURE.md has
// what each module owns and may import, and a test keeps it naming every target):
//
//   synth ─┬─> SynthCommand ─┬─> StackSynthesis ─┬─> TemplateRendering ─┬─> YAML ──> CYAML (libyaml)
//          │                 │                   │                      └─> CloudFormation
//          │                 │                   ├─> SecurityRules ──> AWSResources, MacieIdentifiers
//          │                 │                   └─> AWSResources ──> CloudFormation, CZlib (zlib)
//          │                 ├─> TemplateDiff ──> TemplateReading, TemplateRendering, AWSResources
//          │                 ├─> TemplateReading ──> YAML, CloudFormation
//          │                 ├─> MacieIdentifiers ──> CloudFormation, CZlib
//          │                 └─> TextDiff
//          └─> Stacks ──> AWSConstructs ──> SecurityRules, AWSResources, Archiving, CloudFormation
//
//   AWSResources ──> AWSReferences ──> CloudFormation
//   AWS<Service> (AWSEC2, AWSRDS, … one per service, Sources/Services) ──> AWSReferences, CloudFormation
//
//   CloudFormationTesting ──> CloudFormation, AWSResources, TemplateRendering, TextDiff, YAML
//   generate-resources ──> Archiving, CZlib
//
// IAMPolicies (policy documents, the statements of a template, IAM's
// wildcards) is the one IAM layer under TemplateDiff, CloudFormationTesting
// and AWSConstructs.
//
// CloudFormation (the template model) knows nothing of YAML or of particular
// AWS services; AWSResources holds the types generated from CloudFormation's
// resource schemas (by generate-resources) and the checks that use AWS's data;
// SecurityRules the security rule pack and its suppressions; only YAML touches C.
// The service modules hold every other type, each its own product, so that a
// package compiles only the services it takes; AWSReferences is what they
// share (the services' namespaces, typed references), so that none depends on
// another.

/// The generated service modules, each in Sources/Services/<module>; the
/// generator keeps the list.
let serviceModules: [String] = [
    // generate-resources: service modules (one per folder of Sources/Services)
    "AWSACMPCA",
    "AWSAIOps",
    "AWSAPS",
    "AWSARCRegionSwitch",
    "AWSARCZonalShift",
    "AWSASK",
    "AWSAWSExternalAnthropic",
    "AWSAccessAnalyzer",
    "AWSAccountAccess",
    "AWSAgentRegistry",
    "AWSAmazonMQ",
    "AWSAmplify",
    "AWSAmplifyUIBuilder",
    "AWSApiGateway",
    "AWSApiGatewayV2",
    "AWSAppConfig",
    "AWSAppFabric",
    "AWSAppFlow",
    "AWSAppIntegrations",
    "AWSAppMesh",
    "AWSAppRunner",
    "AWSAppStream",
    "AWSAppSync",
    "AWSAppTest",
    "AWSApplicationAutoScaling",
    "AWSApplicationInsights",
    "AWSApplicationSignals",
    "AWSAthena",
    "AWSAuditManager",
    "AWSAutoScaling",
    "AWSAutoScalingPlans",
    "AWSB2BI",
    "AWSBCM",
    "AWSBCMDataExports",
    "AWSBackup",
    "AWSBackupGateway",
    "AWSBatch",
    "AWSBcmPricingCalculator",
    "AWSBedrock",
    "AWSBedrockAgentCore",
    "AWSBedrockMantle",
    "AWSBilling",
    "AWSBillingConductor",
    "AWSBraket",
    "AWSBudgets",
    "AWSCDK",
    "AWSCE",
    "AWSCUR",
    "AWSCases",
    "AWSCassandra",
    "AWSCertificateManager",
    "AWSChatbot",
    "AWSChime",
    "AWSCleanRooms",
    "AWSCleanRoomsML",
    "AWSCloud9",
    "AWSCloudFormation",
    "AWSCloudFront",
    "AWSCloudHSM",
    "AWSCloudTrail",
    "AWSCloudWatch",
    "AWSCodeArtifact",
    "AWSCodeBuild",
    "AWSCodeCommit",
    "AWSCodeConnections",
    "AWSCodeDeploy",
    "AWSCodeGuruProfiler",
    "AWSCodeGuruReviewer",
    "AWSCodePipeline",
    "AWSCodeStar",
    "AWSCodeStarConnections",
    "AWSCodeStarNotifications",
    "AWSCognito",
    "AWSComprehend",
    "AWSComputeOptimizer",
    "AWSConfig",
    "AWSConnect",
    "AWSConnectCampaigns",
    "AWSConnectCampaignsV2",
    "AWSControlTower",
    "AWSCustomerProfiles",
    "AWSDAX",
    "AWSDLM",
    "AWSDMS",
    "AWSDRS",
    "AWSDSQL",
    "AWSDataBrew",
    "AWSDataExchange",
    "AWSDataPipeline",
    "AWSDataSync",
    "AWSDataZone",
    "AWSDeadline",
    "AWSDetective",
    "AWSDevOpsAgent",
    "AWSDevOpsGuru",
    "AWSDeviceFarm",
    "AWSDirectConnect",
    "AWSDirectoryService",
    "AWSDocDB",
    "AWSDocDBElastic",
    "AWSDynamoDB",
    "AWSEC2",
    "AWSECR",
    "AWSECS",
    "AWSEFS",
    "AWSEKS",
    "AWSEMR",
    "AWSEMRContainers",
    "AWSEMRServerless",
    "AWSEVS",
    "AWSElastiCache",
    "AWSElasticBeanstalk",
    "AWSElasticLoadBalancing",
    "AWSElasticLoadBalancingV2",
    "AWSElasticsearch",
    "AWSElementalInference",
    "AWSEntityResolution",
    "AWSEventSchemas",
    "AWSEvents",
    "AWSEventsV2",
    "AWSEvidently",
    "AWSFIS",
    "AWSFMS",
    "AWSFSx",
    "AWSFinSpace",
    "AWSForecast",
    "AWSFraudDetector",
    "AWSGameLift",
    "AWSGameLiftStreams",
    "AWSGammaDilithium",
    "AWSGlobalAccelerator",
    "AWSGlue",
    "AWSGrafana",
    "AWSGreengrass",
    "AWSGreengrassV2",
    "AWSGroundStation",
    "AWSGuardDuty",
    "AWSHealthAgent",
    "AWSHealthImaging",
    "AWSHealthLake",
    "AWSIAM",
    "AWSIVS",
    "AWSIVSChat",
    "AWSIdentityStore",
    "AWSImageBuilder",
    "AWSInspector",
    "AWSInspectorV2",
    "AWSInterconnect",
    "AWSInternetMonitor",
    "AWSInvoicing",
    "AWSIoT",
    "AWSIoTAnalytics",
    "AWSIoTCoreDeviceAdvisor",
    "AWSIoTEvents",
    "AWSIoTFleetWise",
    "AWSIoTManagedIntegrations",
    "AWSIoTSecureTunneling",
    "AWSIoTSiteWise",
    "AWSIoTThingsGraph",
    "AWSIoTTwinMaker",
    "AWSIoTWireless",
    "AWSKMS",
    "AWSKafkaConnect",
    "AWSKendra",
    "AWSKendraRanking",
    "AWSKinesis",
    "AWSKinesisAnalytics",
    "AWSKinesisAnalyticsV2",
    "AWSKinesisFirehose",
    "AWSKinesisVideo",
    "AWSLakeFormation",
    "AWSLambda",
    "AWSLaunchWizard",
    "AWSLex",
    "AWSLicenseManager",
    "AWSLicenseManagerLinuxSubscriptions",
    "AWSLicenseManagerUserSubscriptions",
    "AWSLightsail",
    "AWSLocation",
    "AWSLogs",
    "AWSLookoutEquipment",
    "AWSLookoutVision",
    "AWSM2",
    "AWSMGN",
    "AWSMPA",
    "AWSMSK",
    "AWSMWAA",
    "AWSMWAAServerless",
    "AWSMacie",
    "AWSManagedBlockchain",
    "AWSMediaConnect",
    "AWSMediaConvert",
    "AWSMediaLive",
    "AWSMediaPackage",
    "AWSMediaPackageV2",
    "AWSMediaStore",
    "AWSMediaTailor",
    "AWSMemoryDB",
    "AWSNeptune",
    "AWSNeptuneGraph",
    "AWSNetworkFirewall",
    "AWSNetworkFlowMonitor",
    "AWSNetworkManager",
    "AWSNetworkMonitor",
    "AWSNetworkSecurityManager",
    "AWSNimbleStudio",
    "AWSNotifications",
    "AWSNotificationsContacts",
    "AWSNovaAct",
    "AWSODB",
    "AWSOSIS",
    "AWSOam",
    "AWSObservabilityAdmin",
    "AWSOmics",
    "AWSOpenSearch",
    "AWSOpenSearchServerless",
    "AWSOpenSearchService",
    "AWSOpsWorks",
    "AWSOrganizations",
    "AWSOutposts",
    "AWSPCAConnectorAD",
    "AWSPCAConnectorSCEP",
    "AWSPCS",
    "AWSPI",
    "AWSPanorama",
    "AWSPaymentCryptography",
    "AWSPersonalize",
    "AWSPinpoint",
    "AWSPinpointEmail",
    "AWSPipes",
    "AWSPolly",
    "AWSPricingPlanManager",
    "AWSProton",
    "AWSQBusiness",
    "AWSQLDB",
    "AWSQuickSight",
    "AWSRAM",
    "AWSRDS",
    "AWSRTBFabric",
    "AWSRUM",
    "AWSRbin",
    "AWSRedshift",
    "AWSRedshiftServerless",
    "AWSRefactorSpaces",
    "AWSRekognition",
    "AWSResilienceHub",
    "AWSResilienceHubV2",
    "AWSResourceExplorer2",
    "AWSResourceGroups",
    "AWSRoboMaker",
    "AWSRolesAnywhere",
    "AWSRoute53",
    "AWSRoute53GlobalResolver",
    "AWSRoute53Profiles",
    "AWSRoute53RecoveryControl",
    "AWSRoute53RecoveryReadiness",
    "AWSRoute53Resolver",
    "AWSS3",
    "AWSS3Express",
    "AWSS3Files",
    "AWSS3ObjectLambda",
    "AWSS3Outposts",
    "AWSS3Tables",
    "AWSS3Vectors",
    "AWSSCN",
    "AWSSDB",
    "AWSSDC",
    "AWSSES",
    "AWSSMSVOICE",
    "AWSSNS",
    "AWSSQS",
    "AWSSSM",
    "AWSSSMContacts",
    "AWSSSMGuiConnect",
    "AWSSSMIncidents",
    "AWSSSMQuickSetup",
    "AWSSSO",
    "AWSSageMaker",
    "AWSScheduler",
    "AWSSecretsManager",
    "AWSSecurityAgent",
    "AWSSecurityHub",
    "AWSSecurityLake",
    "AWSServerlessRepo",
    "AWSServiceCatalog",
    "AWSServiceCatalogAppRegistry",
    "AWSServiceDiscovery",
    "AWSShield",
    "AWSSigner",
    "AWSSimSpaceWeaver",
    "AWSStepFunctions",
    "AWSStorageGateway",
    "AWSSupportApp",
    "AWSSupportAuthZ",
    "AWSSynthetics",
    "AWSSystemsManagerSAP",
    "AWSTextract",
    "AWSTimestream",
    "AWSTranscribe",
    "AWSTransfer",
    "AWSTranslate",
    "AWSUXC",
    "AWSVerifiedPermissions",
    "AWSVoiceID",
    "AWSVpcLattice",
    "AWSWAF",
    "AWSWAFRegional",
    "AWSWAFv2",
    "AWSWellArchitected",
    "AWSWickr",
    "AWSWisdom",
    "AWSWorkSpaces",
    "AWSWorkSpacesThinClient",
    "AWSWorkSpacesWeb",
    "AWSWorkspacesInstances",
    "AWSXRay",
    // generate-resources: end of service modules
]

let package = Package(
    name: "SwiftCloudFormation",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "synth", targets: ["synth"]),
        .library(name: "CloudFormation", targets: ["CloudFormation"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "AWSResources", targets: ["AWSResources"]),
        .library(name: "AWSConstructs", targets: ["AWSConstructs"]),
        /// Typed IAM policy documents (identity and resource policies).
        .library(name: "IAMPolicies", targets: ["IAMPolicies"]),
        .library(name: "TemplateRendering", targets: ["TemplateRendering"]),
        /// Synthesis with every check, rendered: `synthesizeTemplate(stack)`.
        .library(name: "StackSynthesis", targets: ["StackSynthesis"]),
        /// The `synth` command for a package's own stacks (`SynthApp`); the
        /// only product that needs swift-argument-parser.
        .library(name: "SynthCommand", targets: ["SynthCommand"]),
        /// For users' test targets: template assertions, the resource graph,
        /// IAM policy evaluation and snapshots.
        .library(name: "CloudFormationTesting", targets: ["CloudFormationTesting"]),
        /// The services' namespaces and typed references, shared by the service modules.
        .library(name: "AWSReferences", targets: ["AWSReferences"]),
    ] + serviceModules.map { .library(name: $0, targets: [$0]) },
    // A package that depends on this one with `traits: []` takes only the
    // DSL products, and SwiftPM then neither fetches nor builds
    // swift-argument-parser; the default traits give the `SynthCommand` product too.
    traits: [
        .trait(name: "SynthCommand", description: "The SynthCommand product: the synth command over a package's own stacks (swift-argument-parser)."),
        .default(enabledTraits: ["SynthCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // zlib: the gzip files of DynamoDB's export that the identifier tester
        // reads, and the resource registry's deflated data.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "CloudFormation"),
        .target(name: "Archiving"),
        .target(name: "TemplateRendering", dependencies: ["CloudFormation", "YAML"]),
        .target(name: "TextDiff"),
        .target(name: "TemplateReading", dependencies: ["CloudFormation", "YAML"]),
        .target(name: "MacieIdentifiers", dependencies: ["CloudFormation", "CZlib"]),
        .target(name: "TemplateDiff", dependencies: ["CloudFormation", "AWSResources", "IAMPolicies", "TemplateReading", "TemplateRendering"]),
        .target(name: "AWSReferences", dependencies: ["CloudFormation"]),
        .target(name: "AWSResources", dependencies: ["CloudFormation", "AWSReferences", "CZlib"], exclude: ["resource-types.manifest"]),
        .target(name: "IAMPolicies", dependencies: ["CloudFormation", "AWSResources"]),
        .target(
            name: "CloudFormationTesting",
            dependencies: ["CloudFormation", "AWSResources", "IAMPolicies", "TemplateRendering", "TextDiff", "YAML"]
        ),
        // The security rule pack: run at synthesis and by `synth validate`.
        .target(name: "SecurityRules", dependencies: ["CloudFormation", "AWSResources", "MacieIdentifiers"]),
        .target(name: "AWSConstructs", dependencies: ["Archiving", "CloudFormation", "AWSReferences", "AWSResources", "IAMPolicies", "SecurityRules"]),
        // The Lambda handlers are read from disk by the stack (and tested with pytest), not compiled.
        .target(
            name: "Stacks", dependencies: ["CloudFormation", "AWSResources", "AWSConstructs", "IAMPolicies", "SecurityRules"], path: "stacks",
            exclude: ["MacieDynamoDB/functions"]
        ),
        .target(name: "StackSynthesis", dependencies: ["CloudFormation", "AWSResources", "SecurityRules", "TemplateRendering"]),
        .target(
            name: "SynthCommand",
            dependencies: [
                "CloudFormation", "StackSynthesis", "TemplateRendering", "TemplateReading", "TemplateDiff", "AWSResources", "TextDiff",
                "MacieIdentifiers", "SecurityRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser", condition: .when(traits: ["SynthCommand"])),
            ]
        ),
        .executableTarget(name: "synth", dependencies: ["SynthCommand", "Stacks"]),
        // Writes Sources/AWSResources/**/*+Generated.swift from the resource
        // schemas and service data in the cfn-lint package (`make generate-resources`).
        .executableTarget(
            name: "generate-resources",
            dependencies: ["Archiving", "CZlib", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/ResourceGenerator"
        ),

        // The benchmark's baseline: a program that only starts and prints.
        .executableTarget(name: "startup-baseline", path: "benchmarks/StartupBaseline"),
        // The performance benchmark's scale app (benchmarks/, `make bench`).
        .executableTarget(
            name: "scale-synth",
            dependencies: ["CloudFormation", "AWSResources", "SecurityRules", "StackSynthesis", "Stacks", "TemplateRendering"],
            path: "benchmarks/ScaleApp"
        ),

        // Test support: the same command over a catalog of deliberately broken
        // stacks, so the CLI tests can run a real executable that fails.
        .executableTarget(
            name: "synth-fixtures",
            dependencies: [
                "SynthCommand", "CloudFormation", "AWSResources", "AWSConstructs", "SecurityRules",
                "AWSApiGateway", "AWSAthena", "AWSEC2", "AWSECR", "AWSECS", "AWSEFS", "AWSElasticLoadBalancingV2", "AWSKinesis",
                "AWSRDS", "AWSSecretsManager",
            ],
            path: "Tests/Fixtures/synth-fixtures"
        ),
        // Test support: the same command over the package's catalog grown as
        // users grow it (one more data set, one more stack).
        .target(name: "GrownCatalog", dependencies: ["SynthCommand", "CloudFormation", "AWSConstructs", "Stacks"], path: "Tests/Fixtures/GrownCatalog"),
        .executableTarget(name: "synth-grown", dependencies: ["GrownCatalog", "SynthCommand"], path: "Tests/Fixtures/synth-grown"),
        // Test support: stacks past one template and one account (references
        // across stacks, a split into nested stacks, a StackSet).
        .executableTarget(
            name: "synth-estate",
            dependencies: ["SynthCommand", "CloudFormation", "SecurityRules"],
            path: "Tests/Fixtures/synth-estate"
        ),
        // Test support: a stack whose function installs its requirements with pip.
        .executableTarget(
            name: "synth-vendored",
            dependencies: ["SynthCommand", "CloudFormation", "AWSConstructs"],
            path: "Tests/Fixtures/synth-vendored"
        ),
        // Test support: writes a JSON list of strings as a YAML sequence, so a
        // YAML reader nobody here wrote (PyYAML, ruamel.yaml) can check our quoting.
        .executableTarget(
            name: "yaml-corpus",
            dependencies: ["YAML"],
            path: "Tests/Fixtures/yaml-corpus"
        ),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "ArchivingTests", dependencies: ["Archiving"]),
        .testTarget(name: "CloudFormationTests", dependencies: ["CloudFormation"]),
        .testTarget(name: "IAMPoliciesTests", dependencies: ["IAMPolicies", "CloudFormation", "AWSResources", "TemplateDiff", "CloudFormationTesting"]),
        .testTarget(
            name: "CloudFormationTestingTests",
            dependencies: ["CloudFormationTesting", "CloudFormation", "AWSResources", "SecurityRules", "StackSynthesis", "Stacks", "GrownCatalog"],
            exclude: ["Snapshots/__Snapshots__"]
        ),
        .testTarget(name: "AWSConstructsTests", dependencies: ["AWSConstructs", "AWSResources", "CloudFormation"]),
        .testTarget(name: "AWSResourcesTests", dependencies: ["AWSResources", "CloudFormation", "TemplateRendering", "YAML"]),
        .testTarget(name: "ResourceGeneratorTests", dependencies: ["generate-resources"], exclude: ["Widget+Generated.swift.golden"]),
        .testTarget(
            name: "TemplateDiffTests",
            dependencies: ["TemplateDiff", "CloudFormation", "AWSResources", "TemplateReading", "TemplateRendering", "Stacks", "GrownCatalog"],
            exclude: ["__Golden__"]
        ),
        .testTarget(name: "SecurityRulesTests", dependencies: ["SecurityRules", "CloudFormation", "AWSResources", "Stacks", "TemplateReading"]),
        .testTarget(name: "MacieIdentifiersTests", dependencies: ["MacieIdentifiers", "CloudFormation", "Stacks"]),
        .testTarget(name: "TemplateReadingTests", dependencies: ["TemplateReading", "TemplateRendering", "CloudFormation", "YAML"]),
        .testTarget(name: "StackSynthesisTests", dependencies: ["StackSynthesis", "CloudFormation", "AWSConstructs", "TemplateRendering"]),
        .testTarget(name: "TemplateRenderingTests", dependencies: ["TemplateRendering", "CloudFormation", "YAML"], exclude: ["__Golden__"]),
        .testTarget(
            name: "SynthCommandTests",
            dependencies: ["synth", "synth-fixtures", "synth-grown", "GrownCatalog", "SynthCommand", "Archiving", "Stacks", "CloudFormation", "AWSResources", "TemplateRendering", "TextDiff", "YAML"]
        ),
    ]
)

package.targets += serviceModules.map { module in
    .target(name: module, dependencies: ["CloudFormation", "AWSReferences"], path: "Sources/Services/\(module)")
}
