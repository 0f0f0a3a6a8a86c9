import AWSResources
import Foundation
import Testing

@Suite("synth validate and diff on types beyond the generated ones")
struct RegistryCommandTests {
    @Test("a misspelt property of an RDS instance, a security group and a REST API: each with its path and a suggestion")
    func misspelt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("misspelt.yaml")
        try """
            Resources:
              Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBInstanceClass: db.t3.micro
                  Engine: postgres
                  DBInstanceIdentifer: orders
              WebSecurityGroup:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  SecurityGroupIngres: []
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders
                  EndpointConfiguraton: {Types: [REGIONAL]}

            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try Executable.synth.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            error: \(file.path): Resources.Database.Properties.DBInstanceIdentifer: 'DBInstanceIdentifer' is not a property here; did you mean 'DBInstanceIdentifier'?
            error: \(file.path): Resources.WebSecurityGroup.Properties.SecurityGroupIngres: 'SecurityGroupIngres' is not a property here; did you mean 'SecurityGroupIngress'?
            error: \(file.path): Resources.Api.Properties.EndpointConfiguraton: 'EndpointConfiguraton' is not a property here; did you mean 'EndpointConfiguration'?
            synth: 3 errors

            """)
    }

    @Test("wrong types, enums and missing required properties of types without a Swift type")
    func otherMistakes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mistakes.yaml")
        try """
            Resources:
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  CidrBlock: 10.0.0.0/24
              Group:
                Type: AWS::ECS::Service
                Properties:
                  LaunchType: FARGATEE
                  DesiredCount: [1]

            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try Executable.synth.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Resources.Subnet.Properties: required property 'VpcId' is missing"), "\(result.stderr)")
        #expect(result.stderr.contains("Resources.Group.Properties.LaunchType:"), "\(result.stderr)")
        #expect(result.stderr.contains("Resources.Group.Properties.DesiredCount:"), "\(result.stderr)")
    }

    @Test("a template of at least 50 types beyond the generated ones: nothing to report")
    func fiftyTypes() throws {
        let path = "Tests/Fixtures/templates/registry-types.yaml"
        let text = try String(contentsOf: Executable.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let generated = Set(GeneratedResourceTypes.all.map { $0.typeName })
        let types = Set(text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            return trimmed.hasPrefix("Type: AWS::") ? String(trimmed.dropFirst("Type: ".count)) : nil
        })
        #expect(types.subtracting(generated).count >= 50)
        #expect(types.allSatisfy(ResourceRegistry.contains))
        let result = try Executable.synth.run(["validate", path])
        #expect(result.status == 0)
        let resources = text.components(separatedBy: "\nResources:\n")[1].components(separatedBy: "\nOutputs:\n")[0]
        // The schemas find nothing; the security rules' advice on these bare resources is theirs to test.
        let schemaFindings = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("warning: ") && $0.contains(": [")) && !$0.contains(": security rules: ") }
        #expect(schemaFindings.joined(separator: "\n") == "\(path): valid (\(resources.components(separatedBy: "\n    Type: ").count - 1) resources)\n")
    }

    @Test("diff --fail-on replacement: exit 1 for a create-only change of any type, and for a custom resource unless unknown types are allowed")
    func failOnReplacement() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(type: String, property: String, old: String, new: String)] = [
            ("AWS::EC2::SecurityGroup", "GroupDescription", "web", "web servers"),
            ("AWS::EC2::VPC", "CidrBlock", "10.0.0.0/16", "10.1.0.0/16"),
            ("AWS::EC2::Subnet", "CidrBlock", "10.0.0.0/24", "10.0.1.0/24"),
            ("AWS::EC2::Instance", "AvailabilityZone", "us-east-1a", "us-east-1b"),
            ("AWS::RDS::DBInstance", "DBInstanceIdentifier", "orders", "orders-2"),
            ("AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamName", "orders", "orders-2"),
            ("AWS::ECR::Repository", "RepositoryName", "orders", "orders-2"),
            ("AWS::ECS::Cluster", "ClusterName", "orders", "orders-2"),
            ("Custom::OrderImport", "Size", "1", "2"),
        ]
        for change in cases {
            func write(_ value: String, _ name: String) throws -> String {
                let url = folder.appendingPathComponent(name)
                try "Resources:\n  Thing:\n    Type: \(change.type)\n    Properties:\n      \(change.property): \"\(value)\"\n"
                    .write(to: url, atomically: true, encoding: .utf8)
                return url.path
            }
            let old = try write(change.old, "old.yaml"), new = try write(change.new, "new.yaml")
            let result = try Executable.synth.run(["diff", "--old", old, "--new", new, "--fail-on", "replacement"])
            #expect(result.status == 1, "\(change.type).\(change.property): \(result.stdout)\(result.stderr)")
            let allowed = try Executable.synth.run(["diff", "--old", old, "--new", new, "--fail-on", "replacement", "--allow-unknown-types"])
            #expect(allowed.status == (change.type.hasPrefix("Custom::") ? 0 : 1), "\(change.type) with --allow-unknown-types")
        }
    }
}

@Suite("synth validate on resource type names")
struct ResourceTypeNameTests {
    @Test("a misspelt AWS type is reported with the closest one; custom and third-party types are not")
    func misspeltType() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("types.yaml")
        try """
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroupp
                Properties:
                  GroupDescription: web
              Job:
                Type: Custom::Job
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:f
              Widget:
                Type: Acme::Widgets::Gear

            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try Executable.synth.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            error: \(file.path): Resources.Group.Type: 'AWS::EC2::SecurityGroupp' is not a CloudFormation resource type; did you mean 'AWS::EC2::SecurityGroup'?
            synth: 1 error

            """)
    }
}
