import AWSResources
import Foundation
import Testing
import YAML

@Suite("A stack written with the service modules")
struct ManyServicesTests {
    /// Each resource of the ManyServices fixture: logical ID, type and properties.
    static func resources() throws -> (status: Int32, stderr: String, resources: [(id: String, type: String, properties: [(key: Node, value: Node)])]) {
        let result = try Executable.fixtures.run(["ManyServices"])
        let template = try Parser.parse(result.stdout)
        guard case .mapping(let sections) = template.content,
            let section = sections.first(where: { $0.key.scalarText == "Resources" }),
            case .mapping(let entries) = section.value.content
        else { return (result.status, result.stderr, []) }
        let resources = entries.compactMap { entry -> (String, String, [(key: Node, value: Node)])? in
            guard case .mapping(let attributes) = entry.value.content,
                let type = attributes.first(where: { $0.key.scalarText == "Type" })?.value.scalarText,
                let id = entry.key.scalarText
            else { return nil }
            var properties: [(key: Node, value: Node)] = []
            if case .mapping(let entries)? = attributes.first(where: { $0.key.scalarText == "Properties" })?.value.content {
                properties = entries.map { ($0.key, $0.value) }
            }
            return (id, type, properties)
        }
        return (result.status, result.stderr, resources)
    }

    /// `make lint` lints the same template with cfn-lint, informational checks included.
    @Test("it synthesizes without a diagnostic, with types of at least ten services AWSResources has none of")
    func synthesizes() throws {
        let (status, stderr, resources) = try Self.resources()
        #expect(status == 0)
        #expect(onlySecuritySummary(stderr), "\(stderr)")
        func service(_ type: String) -> String { String(type.split(separator: ":").filter { !$0.isEmpty }[1]) }
        let libraryServices = Set(GeneratedResourceTypes.all.map { service($0.typeName) })
        let otherServices = Set(resources.map { service($0.type) }).subtracting(libraryServices)
        #expect(otherServices.count >= 10, "\(otherServices.sorted())")
    }

    @Test("a typed reference writes the intrinsic of the resource it was given")
    func references() throws {
        let (_, _, resources) = try Self.resources()
        let vpc = try #require(resources.first { $0.type == "AWS::EC2::VPC" })
        let subnets = resources.filter { $0.type == "AWS::EC2::Subnet" }
        #expect(!subnets.isEmpty)
        for subnet in subnets {
            let vpcId = try #require(subnet.properties.first { $0.key.scalarText == "VpcId" }?.value)
            // A VPC's Ref is its ID.
            #expect(vpcId.tag == "!Ref" && vpcId.scalarText == vpc.id, "\(subnet.id)")
        }
        let key = try #require(resources.first { $0.type == "AWS::KMS::Key" })
        let database = try #require(resources.first { $0.type == "AWS::RDS::DBInstance" })
        let kmsKeyId = try #require(database.properties.first { $0.key.scalarText == "KmsKeyId" }?.value)
        #expect(kmsKeyId.tag == "!GetAtt" && kmsKeyId.scalarText == "\(key.id).Arn")
    }
}
