import Foundation
import IAMPolicies
import Testing

/// The catalog of policy kinds against the CloudFormation resource schemas in
/// the cfn-lint package: every property named like a policy
/// (`…Policy`, `…Policies`, `…PolicyDocument`, `…PolicyText`) that holds an
/// object or a string is a kind of the catalog or excluded with a reason, and
/// every document kind of the catalog is a property of its type's schema.
@Suite("The catalog of policy kinds",
       .enabled(if: shippedSchemas != nil, "cfn-lint is not installed in .venv; `make test` installs it"))
struct PolicyKindCatalogTests {
    static let schemas = shippedSchemas

    @Test("every policy property of the schemas is listed or excluded with a reason")
    func everyPolicyPropertyIsListed() throws {
        let schemas = try #require(Self.schemas)
        let listed = Set(PolicyKind.all.compactMap { kind -> String? in
            guard case .document(let path) = kind.location else { return nil }
            return "\(kind.resourceType) \(path.joined(separator: "/"))"
        })
        let found = schemas.policyProperties()
        #expect(found.count > 100, "the schema walk found too little to be trusted")
        let unlisted = found.filter { !listed.contains($0) && PolicyKind.notIAMPolicies[$0] == nil }
        #expect(unlisted.isEmpty, "policy properties neither listed nor excluded:\n\(unlisted.joined(separator: "\n"))")
        let excludedButListed = listed.filter { PolicyKind.notIAMPolicies[$0] != nil }
        #expect(excludedButListed.isEmpty)
    }

    @Test("every document kind of the catalog is a property of its type's schema")
    func everyListedKindExists() throws {
        let schemas = try #require(Self.schemas)
        for kind in PolicyKind.all where !kind.resourceType.hasPrefix("AWS::Serverless::") {
            guard case .document(let path) = kind.location else {
                #expect(schemas.hasProperty(kind.resourceType, ["Principal"]), "\(kind.resourceType)")
                continue
            }
            #expect(schemas.hasProperty(kind.resourceType, path), "\(kind.resourceType) \(path)")
        }
    }

    @Test("the named kinds the evaluator and the diff use are in the catalog")
    func namedKindsAreListed() {
        for kind in [PolicyKind.inlineRolePolicy, .trustPolicy, .policy, .managedPolicy, .bucketPolicy, .keyPolicy, .queuePolicy,
                     .topicPolicy, .lambdaPermission] {
            #expect(PolicyKind.all.contains(kind), "\(kind)")
        }
    }
}

/// The resource schemas of the cfn-lint package in the repository's `.venv`,
/// read once and never changed.
/// The resource schemas cfn-lint ships, nil where it is not installed.
private let shippedSchemas = CloudFormationSchemas()

struct CloudFormationSchemas: @unchecked Sendable {
    private let schemas: [String: [String: Any]]

    init?() {
        let lib = URL(fileURLWithPath: ".venv/lib")
        guard let python = try? FileManager.default.contentsOfDirectory(atPath: lib.path).first(where: { $0.hasPrefix("python3") })
        else { return nil }
        let data = lib.appendingPathComponent("\(python)/site-packages/cfnlint/data/schemas")
        guard let provider = try? Data(contentsOf: data.appendingPathComponent("providers/us-east-1.json")),
            let files = try? JSONSerialization.jsonObject(with: provider) as? [String: String]
        else { return nil }
        var schemas: [String: [String: Any]] = [:]
        for (type, file) in files {
            guard let bytes = try? Data(contentsOf: data.appendingPathComponent("resources/\(file).json")),
                let schema = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any]
            else { continue }
            schemas[type] = schema
        }
        self.schemas = schemas
    }

    /// `Type Path` of every property named like a policy holding an object or a string.
    func policyProperties() -> [String] {
        var found = Set<String>()
        for (type, schema) in schemas {
            walk(schema, schema, path: [], seen: []) { path, node in
                guard let name = path.last, name.range(of: "Polic(y|ies)(Document|Text)?$", options: .regularExpression) != nil
                else { return }
                let types: [String] = (node["type"] as? String).map { [$0] } ?? (node["type"] as? [String]) ?? []
                let isDocument = (types.contains("object") || types.contains("string")) && node["properties"] == nil && node["enum"] == nil
                if isDocument || (types.isEmpty && node["properties"] == nil && node["$ref"] == nil) {
                    found.insert("\(type) \(path.joined(separator: "/"))")
                }
            }
        }
        return found.sorted()
    }

    func hasProperty(_ type: String, _ path: [String]) -> Bool {
        guard let schema = schemas[type] else { return false }
        var exists = false
        walk(schema, schema, path: [], seen: []) { found, _ in if found == path { exists = true } }
        return exists
    }

    private func walk(
        _ schema: [String: Any], _ node: [String: Any], path: [String], seen: Set<String>, visit: ([String], [String: Any]) -> Void
    ) {
        var node = node, seen = seen
        if let ref = node["$ref"] as? String, let name = ref.split(separator: "/").last.map(String.init) {
            guard !seen.contains(name), let definition = (schema["definitions"] as? [String: Any])?[name] as? [String: Any] else { return }
            seen.insert(name)
            node = definition
        }
        for (key, value) in node["properties"] as? [String: Any] ?? [:] {
            guard var child = value as? [String: Any] else { continue }
            if let ref = child["$ref"] as? String, let name = ref.split(separator: "/").last.map(String.init),
                let definition = (schema["definitions"] as? [String: Any])?[name] as? [String: Any]
            {
                child = definition.merging(child.filter { $0.key != "$ref" }) { _, own in own }
            }
            visit(path + [key], child)
            walk(schema, value as! [String: Any], path: path + [key], seen: seen, visit: visit)
        }
        if let items = node["items"] as? [String: Any] { walk(schema, items, path: path + ["*"], seen: seen, visit: visit) }
        for key in ["oneOf", "anyOf", "allOf"] {
            for option in node[key] as? [[String: Any]] ?? [] { walk(schema, option, path: path, seen: seen, visit: visit) }
        }
    }
}
