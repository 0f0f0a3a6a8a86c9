import Foundation

/// Every resource type of every region's provider list in cfn-lint's data
/// (`schemas/providers/<region>.json`; SAM's `sam.json` is a transform's input,
/// not CloudFormation's), each schema with cfn-lint's patches applied.
struct SchemaCatalog {
    /// Sorted by type name.
    let types: [(typeName: String, schema: [String: Any])]

    init(cfnLintData: URL) throws {
        let providers = cfnLintData.appendingPathComponent("schemas/providers")
        var files: [String: String] = [:]
        for region in try FileManager.default.contentsOfDirectory(atPath: providers.path).sorted()
        where region.hasSuffix(".json") && region != "sam.json" {
            let url = providers.appendingPathComponent(region)
            guard let provider = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: String] else {
                throw Generation.Failure(description: "\(url.path) is not a map of type names to schema files")
            }
            for (typeName, file) in provider {
                if let known = files[typeName], known != file {
                    throw Generation.Failure(description: "\(typeName) has two schemas (\(known), \(file)); the registry holds one per type")
                }
                files[typeName] = file
            }
        }
        var types: [(typeName: String, schema: [String: Any])] = []
        for typeName in files.keys.sorted() {
            let url = cfnLintData.appendingPathComponent("schemas/resources/\(files[typeName]!).json")
            guard let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
                throw Generation.Failure(description: "\(url.path) is not a JSON object")
            }
            types.append((typeName, try SchemaPatches.patched(raw, typeName: typeName, cfnLintData: cfnLintData)))
        }
        self.types = types
    }
}
