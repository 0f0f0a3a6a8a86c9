import Archiving
import Foundation

/// One run of the generator: the manifest's types, resolved against an
/// installed cfn-lint's data.
struct Generation {
    let cfnLintData: URL
    let cfnLintVersion: String
    /// The manifest as it will be written: current version and hashes.
    let manifest: Manifest
    private let schemas: [String: (bytes: [UInt8], json: [String: Any])]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(cfnLintData: URL, manifest: Manifest) throws {
        self.cfnLintData = cfnLintData
        let versionFile = cfnLintData.deletingLastPathComponent().appendingPathComponent("version.py")
        let versionText = (try? String(contentsOf: versionFile, encoding: .utf8)) ?? ""
        let versionLine = versionText.split(separator: "\n").first { $0.hasPrefix("__version__") }
        guard let version = versionLine?.split(separator: "\"").dropFirst().first.map(String.init) else {
            throw Failure(description: "cannot read cfn-lint's version from \(versionFile.path)")
        }
        cfnLintVersion = version

        let providerURL = cfnLintData.appendingPathComponent("schemas/providers/us-east-1.json")
        guard let provider = try JSONSerialization.jsonObject(with: Data(contentsOf: providerURL)) as? [String: String] else {
            throw Failure(description: "\(providerURL.path) is not a map of type names to schema files")
        }
        var schemas: [String: (bytes: [UInt8], json: [String: Any])] = [:]
        var entries: [Manifest.Entry] = []
        for entry in manifest.entries {
            guard let file = provider[entry.typeName] else {
                throw Failure(description: "cfn-lint \(version) has no schema for \(entry.typeName)")
            }
            let url = cfnLintData.appendingPathComponent("schemas/resources/\(file).json")
            let bytes = try [UInt8](Data(contentsOf: url))
            guard let json = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw Failure(description: "\(url.path) is not a JSON object")
            }
            schemas[entry.typeName] = (bytes, json)
            entries.append(Manifest.Entry(typeName: entry.typeName, sha256: SHA256.hex(of: bytes)))
        }
        self.schemas = schemas
        self.manifest = Manifest(comments: manifest.comments, cfnLintVersion: version, entries: entries)
    }

    /// Writes every generated file under `root`, laid out as Sources/AWSResources.
    func write(to root: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(manifest.text.utf8).write(to: root.appendingPathComponent("resource-types.manifest"))

        var services: Set<String> = []
        var typeList: [String] = []
        for entry in manifest.entries.sorted(by: { $0.typeName < $1.typeName }) {
            let schema = schemas[entry.typeName]!.json
            let writer = ResourceWriter(typeName: entry.typeName, schema: schema, cfnLintVersion: cfnLintVersion)
            let folder = root.appendingPathComponent(writer.service)
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            var source = writer.source()
            source += try schemaExtension(for: writer, schema: schema)
            try Data(source.utf8).write(to: folder.appendingPathComponent("\(writer.resourceName)+Generated.swift"))
            services.insert(writer.service)
            typeList.append("\(writer.service).\(writer.resourceName).self")
        }
        try Data(registrySource(services: services.sorted(), types: typeList).utf8)
            .write(to: root.appendingPathComponent("ResourceTypes+Generated.swift"))

        let registry = try RegistryWriter(
            cfnLintData: cfnLintData, cfnLintVersion: cfnLintVersion,
            typesWithSwiftSchemas: Set(manifest.entries.map(\.typeName)))
        let registryURL = root.appendingPathComponent(RegistryWriter.fileName)
        try fileManager.createDirectory(at: registryURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(registry.source().utf8).write(to: registryURL)

        let serviceData = root.appendingPathComponent("ServiceData")
        try fileManager.createDirectory(at: serviceData, withIntermediateDirectories: true)
        _ = try ServiceDataWriter.write(cfnLintData: cfnLintData, to: serviceData)
    }

    /// The schema that synthesis validates against, as a raw string literal.
    private func schemaExtension(for writer: ResourceWriter, schema: [String: Any]) throws -> String {
        let json = try ValidationSchema.json(for: schema)
        var hashes = "#"
        while json.contains("\"" + hashes) { hashes += "#" }
        return """

            extension \(writer.service).\(writer.resourceName) {
                /// The schema's validation rules for `Properties`, checked at synthesis.
                public static let schemaJSON = \(hashes)"\(json)"\(hashes)
            }

            """
    }

    private func registrySource(services: [String], types: [String]) -> String {
        var out = SourceBuilder()
        out.line("// Generated by generate-resources (cfn-lint \(cfnLintVersion)). Do not edit.")
        out.line()
        out.line("import CloudFormation")
        out.line()
        for service in services {
            out.line("/// Resource types of AWS::\(service).")
            out.line("public enum \(service) {}")
            out.line()
        }
        out.line("/// Every generated resource type, for checks that look a type up by name.")
        out.block("public enum GeneratedResourceTypes") { out in
            out.line("// A constant list of metatypes, which hold no state: safe to share")
            out.line("// between threads, though the compiler cannot tell metatypes of a")
            out.line("// protocol are sendable.")
            out.line("public nonisolated(unsafe) static let all: [any TypedResource.Type] = [")
            for type in types { out.line("    \(type),") }
            out.line("]")
        }
        return out.text
    }
}
