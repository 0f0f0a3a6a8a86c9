import AWSResources
import CloudFormation
import Foundation
@testable import SecurityRules
import Testing

@Suite("the rule catalog")
struct RuleCatalogTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("docs/security-rules.md is what `synth rules --markdown` writes")
    func documentationCurrent() throws {
        let committed = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/security-rules.md"), encoding: .utf8)
        #expect(committed == SecurityRulesDocument.markdown(), "run `make docs` (or `synth rules --markdown > docs/security-rules.md`) and commit it")
    }

    @Test("every rule has a unique ID, a reason, a fix and types; its checkov IDs look like checkov's")
    func complete() {
        #expect(Set(SecurityRulePack.rules.map(\.id)).count == SecurityRulePack.rules.count)
        for rule in SecurityRulePack.rules {
            #expect(rule.id.range(of: "^[A-Z0-9]+(-[A-Z0-9]+)+$", options: .regularExpression) != nil, "\(rule.id)")
            #expect(!rule.title.isEmpty && !rule.reason.isEmpty && !rule.fix.isEmpty && !rule.resourceTypes.isEmpty, "\(rule.id)")
            #expect(rule.level != .off, "\(rule.id)")
            #expect(rule.checkov.allSatisfy { $0.hasPrefix("CKV_AWS_") }, "\(rule.id)")
        }
    }

    /// The names under `properties` of a schema object, following `$ref`s into `definitions`.
    static func propertyExists(_ path: [String], in schemaJSON: String) throws -> Bool {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(schemaJSON.utf8)) as? [String: Any])
        let definitions = root["definitions"] as? [String: Any] ?? [:]
        var node: [String: Any] = root
        for key in path {
            if let ref = node["$ref"] as? String, let name = ref.split(separator: "/").last {
                node = definitions[String(name)] as? [String: Any] ?? [:]
            }
            guard let next = (node["properties"] as? [String: Any])?[key] as? [String: Any] else { return false }
            node = next
        }
        return true
    }

    @Test("where each type keeps its key (and the switches beside it) is where its resource schema says")
    func encryptionPathsInSchemas() throws {
        for entry in CustomerKeyEncryption.entries {
            let type = try #require(GeneratedResourceTypes.all.first { $0.typeName == entry.type }, "\(entry.type) is not generated")
            for path in [entry.keyPath] + entry.required.map(\.path) + (entry.holdsData.map { [$0] } ?? []) {
                #expect(try Self.propertyExists(path, in: type.schemaJSON), "\(entry.type): \(path.joined(separator: "."))")
            }
        }
    }

    @Test("every generated type whose schema has a KMS key property has a customer-key rule")
    func everyKeyPropertyCovered() {
        let covered = Set(CustomerKeyEncryption.entries.map(\.type) + ["AWS::S3::Bucket"])
        for type in GeneratedResourceTypes.all {
            let json = type.schemaJSON
            let hasKeyProperty = ["\"KmsKeyId\"", "\"KmsMasterKeyId\"", "\"KMSMasterKeyId\"", "\"KMSMasterKeyID\"", "\"KmsKeyArn\""].contains { json.contains($0) }
            // A key's own schema and a key alias name keys without holding data.
            guard hasKeyProperty, !type.typeName.hasPrefix("AWS::KMS::") else { continue }
            #expect(covered.contains(type.typeName), "\(type.typeName) has a key property and no rule")
        }
    }

    @Test("deletion protection is required of exactly the types whose schema offers it")
    func deletionProtectionFromSchemas() {
        let offered = GeneratedResourceTypes.all.filter { $0.schemaJSON.contains("\"DeletionProtectionEnabled\"") }.map { $0.typeName }
        #expect(Set(DeletionProtection.types) == Set(offered))
        #expect(DeletionProtection.types.contains("AWS::DynamoDB::Table"))
    }
}
