import Foundation
import Testing
@testable import generate_resources

@Suite("Service modules: typed references, enums, names")
struct ServiceModuleTests {
    static var keyArn: [String: Any] { ["type": "string", "format": "AWS::KMS::Key.Arn"] }

    /// A schema with each shape of reference the schemas use, and one that is not a reference.
    static var schema: [String: Any] { [
        "typeName": "AWS::Demo::Store",
        "primaryIdentifier": ["/properties/StoreName"],
        "readOnlyProperties": ["/properties/Arn"],
        "properties": [
            "StoreName": [
                "type": "string", "relationshipRef": ["typeName": "AWS::Demo::Store", "propertyPath": "/properties/StoreName"],
            ] as [String: Any],
            "Arn": ["type": "string"],
            "KeyArn": keyArn,
            "EncryptionKey": [
                "type": "string",
                "anyOf": [
                    ["relationshipRef": ["typeName": "AWS::KMS::Key", "propertyPath": "/properties/Arn"]],
                    ["relationshipRef": ["typeName": "AWS::KMS::Alias", "propertyPath": "/properties/AliasName"]],
                ],
            ] as [String: Any],
            "KeyOrAnything": ["type": "string", "anyOf": [keyArn, ["pattern": "^x"]]] as [String: Any],
            "SecurityGroupIds": ["type": "array", "format": "AWS::EC2::SecurityGroup.Ids", "items": ["type": "string"]] as [String: Any],
            "Attributes": ["type": "string"],
            "KeySchema": [
                "type": "array",
                "items": ["type": "object", "properties": ["KeyType": ["type": "string"], "Description": ["type": "string"]]],
                "properties": ["KeyType": ["enum": ["HASH", "RANGE"]]],
            ] as [String: Any],
        ] as [String: Any],
    ] }

    static func writer(_ catalog: ReferenceKindCatalog) -> ResourceWriter {
        var writer = ResourceWriter(typeName: "AWS::Demo::Store", schema: schema, cfnLintVersion: "1.0.0")
        writer.style = .serviceModule
        writer.references = catalog
        return writer
    }

    @Test("a property the schema ties to another type takes that type's reference; one that also takes anything else stays a string")
    func references() {
        let catalog = ReferenceKindCatalog()
        let source = Self.writer(catalog).source()
        #expect(source.contains("public var keyArn: Reference<ReferenceKinds.KMSKeyArn>?"))
        #expect(source.contains("public var encryptionKey: Reference<ReferenceKinds.KMSKeyArnOrKMSAliasAliasName>?"))
        #expect(source.contains("public var keyOrAnything: TemplateExpression<String>?"))
        #expect(source.contains("public var securityGroupIds: [Reference<ReferenceKinds.EC2SecurityGroupGroupId>]?"))
        #expect(catalog.kinds["KMSKeyArnOrKMSAliasAliasName"] == [
            ReferenceTarget(typeName: "AWS::KMS::Key", property: "Arn"), ReferenceTarget(typeName: "AWS::KMS::Alias", property: "AliasName"),
        ])
    }

    @Test("AWSResources' types take typed references as the service modules' do")
    func libraryStyleHasReferences() {
        let catalog = ReferenceKindCatalog()
        var writer = Self.writer(catalog)
        writer.style = .library
        #expect(writer.source().contains("public var keyArn: Reference<ReferenceKinds.KMSKeyArn>?"))
        #expect(catalog.kinds["KMSKeyArn"] == [ReferenceTarget(typeName: "AWS::KMS::Key", property: "Arn")])
    }

    @Test("a resource's own name is the name it gets, not a reference to a resource of its type")
    func ownNameIsNoReference() {
        let catalog = ReferenceKindCatalog()
        let source = Self.writer(catalog).source()
        #expect(source.contains("public var storeName: TemplateExpression<String>?"))
        #expect(catalog.kinds["DemoStoreStoreName"] == nil)
    }

    @Test("the referenced type gives `.to(resource)`: GetAtt of an attribute, Ref of the primary identifier, nothing otherwise")
    func producers() {
        let kinds: [String: [ReferenceTarget]] = [
            "DemoStoreArn": [ReferenceTarget(typeName: "AWS::Demo::Store", property: "Arn")],
            "DemoStoreStoreName": [ReferenceTarget(typeName: "AWS::Demo::Store", property: "StoreName")],
            "DemoStoreKeyArn": [ReferenceTarget(typeName: "AWS::Demo::Store", property: "KeyArn")],
            "KMSKeyArn": [ReferenceTarget(typeName: "AWS::KMS::Key", property: "Arn")],
        ]
        let source = Self.writer(ReferenceKindCatalog()).referenceProducers(kinds: kinds)
        #expect(source.contains("extension Reference where Kind == ReferenceKinds.DemoStoreArn {"))
        #expect(source.contains(".getAtt(resource.logicalID, \"Arn\")"))
        #expect(source.contains("extension Reference where Kind == ReferenceKinds.DemoStoreStoreName {"))
        #expect(source.contains(".ref(resource.logicalID)"))
        #expect(!source.contains("DemoStoreKeyArn"))
        #expect(!source.contains("KMSKeyArn"))
        #expect(source.components(separatedBy: "public static func to(_ resource: Demo.Store) -> Self").count == 3)
    }

    @Test("a property that is both the primary identifier and an attribute is given by Ref, which returns it")
    func refBeforeGetAtt() {
        var schema = Self.schema
        schema["primaryIdentifier"] = ["/properties/Arn"]
        let writer = ResourceWriter(typeName: "AWS::Demo::Store", schema: schema, cfnLintVersion: "1.0.0")
        let source = writer.referenceProducers(kinds: ["DemoStoreArn": [ReferenceTarget(typeName: "AWS::Demo::Store", property: "Arn")]])
        #expect(source.contains(".ref(resource.logicalID)"))
        #expect(!source.contains(".getAtt("))
    }

    @Test("cfn-lint's enums written beside a list's items make the items' property an enum")
    func listHints() {
        let source = Self.writer(ReferenceKindCatalog()).source()
        #expect(source.contains("public var keyType: KeyType?"))
        #expect(source.contains("case hash"))
    }

    @Test("a property named like a member every resource or value has is renamed, not shadowed")
    func clashingNames() {
        let source = Self.writer(ReferenceKindCatalog()).source()
        #expect(source.contains("public var attributesProperty: TemplateExpression<String>?"))
        #expect(source.contains("properties.set(\"Attributes\", self.attributesProperty)"))
        #expect(source.contains("public var descriptionProperty: TemplateExpression<String>?"))
        #expect(source.contains("public var attributes: ResourceAttributes"))
    }

    @Test("a service module's type is lean: structures without Hashable, no embedded schema")
    func lean() {
        let source = Self.writer(ReferenceKindCatalog()).source()
        #expect(source.contains("public struct Store: TypedResource, Sendable {"))
        #expect(source.contains("public struct KeySchemaItem: PropertyValue, Sendable {"))
        #expect(source.contains("public static let schemaJSON = \"\""))
        #expect(!source.contains("struct Store: TypedResource, Hashable"))
    }

    @Test("a service named like one of this package's modules gets a distinct namespace")
    func namespaces() {
        #expect(ServiceLayout.namespace(of: "EC2") == "EC2")
        #expect(ServiceLayout.namespace(of: "CloudFormation") == "CloudFormationService")
        #expect(ServiceLayout.module(of: "CloudFormation") == "AWSCloudFormation")
    }

    @Test("Package.swift's list of service modules is rewritten between its markers, and missing markers are an error")
    func packageList() throws {
        let manifest = ["let a = 1", "let serviceModules: [String] = [", PackageServiceList.begin, "    \"AWSOld\",", PackageServiceList.end, "]", ""]
            .joined(separator: "\n")
        let rewritten = try PackageServiceList.rewriting(manifest, modules: ["AWSSQS", "AWSEC2"])
        #expect(rewritten == ["let a = 1", "let serviceModules: [String] = [", PackageServiceList.begin, "    \"AWSEC2\",", "    \"AWSSQS\",",
                              PackageServiceList.end, "]", ""].joined(separator: "\n"))
        #expect(throws: PackageServiceList.Failure.self) { try PackageServiceList.rewriting("let a = 1\n", modules: ["AWSEC2"]) }
    }
}
