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

    /// Writes every generated file under `root`, laid out as the package's
    /// `Sources`: AWSResources (the manifest's types, the registry, the service
    /// data), AWSReferences (the services' namespaces, the reference kinds) and
    /// one module per service under Services, with every type the manifest
    /// does not list.
    func write(to root: URL) throws {
        let fileManager = FileManager.default
        let library = root.appendingPathComponent("AWSResources")
        try fileManager.createDirectory(at: library, withIntermediateDirectories: true)
        try Data(manifest.text.utf8).write(to: library.appendingPathComponent("resource-types.manifest"))

        let catalog = try SchemaCatalog(cfnLintData: cfnLintData)
        let listed = Set(manifest.entries.map(\.typeName))
        let references = ReferenceKindCatalog()

        // Every type's source first, so that the reference kinds are known
        // before each target type's file gets its `.to(_:)`s.
        var files: [(url: URL, writer: ResourceWriter, source: String)] = []
        var typeList: [String] = []
        for entry in manifest.entries.sorted(by: { $0.typeName < $1.typeName }) {
            let schema = schemas[entry.typeName]!.json
            var writer = ResourceWriter(typeName: entry.typeName, schema: schema, cfnLintVersion: cfnLintVersion)
            writer.references = references
            let url = library.appendingPathComponent("\(writer.service)/\(writer.resourceName)+Generated.swift")
            files.append((url, writer, writer.source() + (try schemaExtension(for: writer, schema: schema))))
            typeList.append("\(writer.namespace).\(writer.resourceName).self")
        }
        var services: Set<String> = []
        var modules: Set<String> = []
        for (typeName, schema) in catalog.types {
            var writer = ResourceWriter(typeName: typeName, schema: schema, cfnLintVersion: cfnLintVersion)
            services.insert(writer.service)
            guard !listed.contains(typeName) else { continue }
            writer.style = .serviceModule
            writer.references = references
            let module = ServiceLayout.module(of: writer.service)
            modules.insert(module)
            let url = root.appendingPathComponent("\(ServiceLayout.folder)/\(module)/\(writer.resourceName)+Generated.swift")
            files.append((url, writer, writer.source()))
        }
        for file in files {
            try fileManager.createDirectory(at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let source = file.source + file.writer.referenceProducers(kinds: references.kinds)
            try Data(source.utf8).write(to: file.url)
        }
        for module in modules {
            let url = root.appendingPathComponent("\(ServiceLayout.folder)/\(module)/Exports+Generated.swift")
            try Data(exportsSource().utf8).write(to: url)
        }
        try Data(registrySource(types: typeList).utf8)
            .write(to: library.appendingPathComponent("ResourceTypes+Generated.swift"))

        let referencesFolder = root.appendingPathComponent("AWSReferences")
        try fileManager.createDirectory(at: referencesFolder, withIntermediateDirectories: true)
        try Data(namespacesSource(services: services.sorted()).utf8)
            .write(to: referencesFolder.appendingPathComponent("Namespaces+Generated.swift"))
        try Data(referenceKindsSource(references.kinds).utf8)
            .write(to: referencesFolder.appendingPathComponent("ReferenceKinds+Generated.swift"))

        let registry = try RegistryWriter(catalog: catalog, cfnLintVersion: cfnLintVersion, typesWithSwiftSchemas: listed)
        let registryURL = library.appendingPathComponent(RegistryWriter.fileName)
        try fileManager.createDirectory(at: registryURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(registry.source().utf8).write(to: registryURL)

        let serviceData = library.appendingPathComponent("ServiceData")
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

    private var header: String { "// Generated by generate-resources (cfn-lint \(cfnLintVersion)). Do not edit." }

    private func registrySource(types: [String]) -> String {
        var out = SourceBuilder()
        out.line(header)
        out.line()
        out.line("import CloudFormation")
        out.line()
        out.line("/// Every type AWSResources generates, for checks that look a type up by name.")
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

    /// One enum per service, which its types extend, in whichever module they are.
    private func namespacesSource(services: [String]) -> String {
        var out = SourceBuilder()
        out.line(header)
        out.line()
        for service in services {
            out.line("/// Resource types of AWS::\(service) (module `\(ServiceLayout.module(of: service))`).")
            out.line("public enum \(ServiceLayout.namespace(of: service)) {}")
            out.line()
        }
        return out.text
    }

    private func referenceKindsSource(_ kinds: [String: [ReferenceTarget]]) -> String {
        var out = SourceBuilder()
        out.line(header)
        out.line()
        out.line("/// What the properties that name other resources accept, one marker per")
        out.line("/// combination the schemas use; `.to(resource)` exists for each resource accepted.")
        out.block("public enum ReferenceKinds") { out in
            for name in kinds.keys.sorted() {
                let accepted = kinds[name]!.map(\.spelling)
                out.line("/// " + accepted.map { "`\($0)`" }.joined(separator: " or ") + ".")
                out.block("public enum \(name): ReferenceKind") { out in
                    out.line("public static let accepted = [\(accepted.map(\.swiftLiteral).joined(separator: ", "))]")
                }
            }
        }
        return out.text
    }

    /// A service module re-exports the namespaces and ``Reference``, so that
    /// `import AWSEC2` is all a user writes.
    private func exportsSource() -> String {
        header + "\n\n@_exported import AWSReferences\n"
    }
}
