import ArgumentParser
import Foundation

/// Writes the typed resources (AWSResources' and every service module's), the
/// reference kinds and the service data from the data that ships in the
/// cfn-lint package.
@main
struct GenerateResources: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-resources",
        abstract: "Generate the typed resources under Sources from the CloudFormation resource schemas in cfn-lint.",
        discussion: """
            Reads Sources/AWSResources/resource-types.manifest, writes one \
            AWSResources/<Service>/<Type>+Generated.swift per listed type, one \
            Services/AWS<Service>/<Type>+Generated.swift per other type of every region, the \
            reference kinds and namespaces in AWSReferences, the type registry, the IAM action \
            and Lambda runtime data, and records each schema's SHA-256 and the cfn-lint version \
            in the manifest. With --check, writes nothing and exits 1 when a file would change.
            """)

    @Option(help: ArgumentHelp("The cfnlint/data folder of an installed cfn-lint.", valueName: "dir"))
    var cfnLintData: String

    @Option(help: ArgumentHelp("The package's Sources folder.", valueName: "dir"))
    var sources = "Sources"

    @Flag(help: "Compare instead of writing; exit 1 when anything is stale.")
    var check = false

    func run() throws {
        let dataURL = URL(fileURLWithPath: cfnLintData, isDirectory: true)
        let sourcesURL = URL(fileURLWithPath: sources, isDirectory: true)
        let manifestURL = sourcesURL.appendingPathComponent("AWSResources/resource-types.manifest")
        let manifest = try Manifest(parsing: String(contentsOf: manifestURL, encoding: .utf8))
        let generation = try Generation(cfnLintData: dataURL, manifest: manifest)

        // Generate into a scratch folder, then copy or compare: one code path for both.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("generate-resources-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try generation.write(to: scratch)

        var changes = try GeneratedTree.compare(generated: scratch, committed: sourcesURL)
        let packageURL = sourcesURL.deletingLastPathComponent().appendingPathComponent("Package.swift")
        let packageManifest = try String(contentsOf: packageURL, encoding: .utf8)
        let services = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent(ServiceLayout.folder).path)
        let rewritten = try PackageServiceList.rewriting(packageManifest, modules: services)
        let counted = "\(generation.manifest.entries.count) resource types in AWSResources and \(services.count) service modules"
        if rewritten != packageManifest { changes.append("Package.swift's list of service modules is out of date") }
        if check {
            guard changes.isEmpty else {
                for change in changes { FileHandle.standardError.write(Data("generate-resources: \(change)\n".utf8)) }
                FileHandle.standardError.write(Data("generate-resources: run `make generate-resources` and commit the result\n".utf8))
                throw ExitCode(1)
            }
            print("generate-resources: \(counted) up to date (cfn-lint \(generation.cfnLintVersion))")
            return
        }
        try GeneratedTree.install(generated: scratch, into: sourcesURL)
        try Data(rewritten.utf8).write(to: packageURL)
        print("generate-resources: \(changes.isEmpty ? "no changes" : "\(changes.count) file(s) written or removed") for \(counted) (cfn-lint \(generation.cfnLintVersion))")
    }
}
