import AWSResources
import CloudFormation
import Foundation
import Testing

@Suite("Resource registry")
struct ResourceRegistryTests {
    @Test("every type's record reads and its validation schema parses")
    func everySchemaParses() throws {
        let names = ResourceRegistry.typeNames
        #expect(names == names.sorted())
        #expect(Set(GeneratedResourceTypes.all.map { $0.typeName }).isSubset(of: names))
        for name in names {
            let type = try #require(ResourceRegistry.type(named: name), "\(name)")
            #expect(type.typeName == name)
            let json = try #require(ResourceRegistry.schemaJSON(for: name), "\(name)")
            let document = try SchemaDocument(json: json)
            let properties = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])["properties"]
            let propertyNames = Set((properties as? [String: Any] ?? [:]).keys)
            _ = try JSONSchema.properties(propertyNames, of: document)
        }
    }

    @Test("a type the schemas do not have is unknown, whatever its spelling")
    func unknownTypes() {
        for name in ["Custom::Thing", "Acme::Widget::Gear", "AWS::EC2::SecurityGroupp", "AWS::EC2", "", "zzz"] {
            #expect(ResourceRegistry.type(named: name) == nil, "\(name)")
            #expect(ResourceRegistry.schemaJSON(for: name) == nil, "\(name)")
            #expect(!ResourceRegistry.contains(name), "\(name)")
        }
        #expect(ResourceRegistry.contains(ResourceRegistry.typeNames.first!))
        #expect(ResourceRegistry.contains(ResourceRegistry.typeNames.last!))
    }

    @Test("a generated type's schema and attributes are its Swift type's, read without inflating")
    func generatedTypes() throws {
        for type in GeneratedResourceTypes.all {
            #expect(ResourceRegistry.schemaJSON(for: type.typeName) == type.schemaJSON)
            #expect(ResourceRegistry.attributeNames(of: type.typeName) == type.attributeNames)
            #expect(ResourceRegistry.type(named: type.typeName)?.attributeNames == type.attributeNames)
            #expect(ResourceRegistry.type(named: type.typeName)?.createOnlyProperties == type.createOnlyProperties)
        }
    }

    @Test("create-only properties that replace real resources")
    func replacingProperties() throws {
        let expected = [
            "AWS::EC2::SecurityGroup": "GroupDescription", "AWS::EC2::VPC": "CidrBlock", "AWS::EC2::Subnet": "CidrBlock",
            "AWS::EC2::Instance": "AvailabilityZone", "AWS::RDS::DBInstance": "DBInstanceIdentifier",
            "AWS::KinesisFirehose::DeliveryStream": "DeliveryStreamName", "AWS::ECR::Repository": "RepositoryName",
            "AWS::ECS::Cluster": "ClusterName",
        ]
        for (typeName, property) in expected {
            #expect(try #require(ResourceRegistry.type(named: typeName)).createOnlyProperties.contains(property), "\(typeName)")
        }
    }

    @Test("Fn::GetAtt names: read-only properties, every scalar of the types cfn-lint opens up, a nested stack's outputs")
    func attributeNames() throws {
        #expect(try #require(ResourceRegistry.attributeNames(of: "AWS::RDS::DBInstance")).contains("Endpoint.Address"))
        #expect(try #require(ResourceRegistry.attributeNames(of: "AWS::EC2::VPC")).contains("CidrBlock"))
        let stack = try #require(ResourceRegistry.attributeNames(of: "AWS::CloudFormation::Stack"))
        #expect(ResourceRegistry.attributeNames(stack, contain: "Outputs.BucketName"))
        #expect(!ResourceRegistry.attributeNames(stack, contain: "Outputs."))
        #expect(!ResourceRegistry.attributeNames(stack, contain: "Arn"))
    }

    @Test("the registry is every type of every region's provider list in the installed cfn-lint, with the schemas' facts")
    func matchesCfnLint() throws {
        guard let data = Self.installedCfnLintData() else { return }  // No Python environment: nothing to compare with.
        let providers = data.appendingPathComponent("schemas/providers")
        var files: [String: String] = [:]
        for region in try FileManager.default.contentsOfDirectory(atPath: providers.path) where region.hasSuffix(".json") && region != "sam.json" {
            let provider = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: providers.appendingPathComponent(region))) as? [String: String])
            files.merge(provider) { first, _ in first }
        }
        #expect(Set(ResourceRegistry.typeNames) == Set(files.keys))
        for (typeName, file) in files {
            let schema = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("schemas/resources/\(file).json"))) as? [String: Any])
            func paths(_ key: String) -> [String] {
                (schema[key] as? [String] ?? []).map { $0.split(separator: "/").dropFirst().joined(separator: ".") }
            }
            let type = try #require(ResourceRegistry.type(named: typeName))
            #expect(type.createOnlyProperties == paths("createOnlyProperties"), "\(typeName)")
            #expect(type.readOnlyProperties == paths("readOnlyProperties"), "\(typeName)")
            #expect(type.writeOnlyProperties == paths("writeOnlyProperties"), "\(typeName)")
            #expect(type.deprecatedProperties == paths("deprecatedProperties"), "\(typeName)")
            #expect(type.primaryIdentifier == paths("primaryIdentifier"), "\(typeName)")
            #expect(type.requiredProperties == (schema["required"] as? [String] ?? []), "\(typeName)")
        }
    }

    static func installedCfnLintData() -> URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let lib = root.appendingPathComponent(".venv/lib")
        for python in ((try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []).sorted() {
            let data = lib.appendingPathComponent("\(python)/site-packages/cfnlint/data")
            if FileManager.default.fileExists(atPath: data.path) { return data }
        }
        return nil
    }
}
