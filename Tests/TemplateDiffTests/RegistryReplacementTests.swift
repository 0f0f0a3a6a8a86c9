import AWSResources
import CloudFormation
import Foundation
import Testing
@testable import TemplateDiff

@Suite("Replacement of any registry type")
struct RegistryReplacementTests {
    /// A resource of each type with one create-only property, before and after.
    static let createOnlyChanges: [(type: String, property: String, old: Value, new: Value, others: Object)] = [
        ("AWS::EC2::SecurityGroup", "GroupDescription", "web", "web servers", ["VpcId": "vpc-1"]),
        ("AWS::EC2::VPC", "CidrBlock", "10.0.0.0/16", "10.1.0.0/16", [:]),
        ("AWS::EC2::Subnet", "CidrBlock", "10.0.0.0/24", "10.0.1.0/24", ["VpcId": "vpc-1"]),
        ("AWS::EC2::Instance", "AvailabilityZone", "us-east-1a", "us-east-1b", ["ImageId": "ami-12345678"]),
        ("AWS::RDS::DBInstance", "DBInstanceIdentifier", "orders", "orders-2", ["DBInstanceClass": "db.t3.micro", "Engine": "postgres"]),
        ("AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamName", "orders", "orders-2", [:]),
        ("AWS::ECR::Repository", "RepositoryName", "orders", "orders-2", [:]),
        ("AWS::ECS::Cluster", "ClusterName", "orders", "orders-2", [:]),
    ]

    static func template(_ type: String, _ properties: Object) -> Template {
        var template = Template()
        template.resources = [Resource("Thing", type: type, properties: properties)]
        return template
    }

    @Test("a create-only change of a type without a Swift type replaces it, and --fail-on replacement fails",
          arguments: createOnlyChanges.indices)
    func createOnly(_ index: Int) throws {
        let change = Self.createOnlyChanges[index]
        var old = change.others, new = change.others
        old[change.property] = change.old
        new[change.property] = change.new
        let changes = TemplateDiff.compare(old: Self.template(change.type, old), new: Self.template(change.type, new))
        let resource = try #require(changes.resources.first)
        #expect(resource.replacement?.createOnlyPaths == [["Properties", change.property]], "\(change.type)")
        #expect(!resource.replacementIsUnknown)
        #expect(changes.fails(on: .replacement))
        #expect(resource.replacement?.losesData == StatefulResourceTypes.contains(change.type))
    }

    @Test("a mutable property of a registry type is assessed: not replaced")
    func mutable() throws {
        let changes = TemplateDiff.compare(
            old: Self.template("AWS::EC2::VPC", ["CidrBlock": "10.0.0.0/16", "EnableDnsSupport": true]),
            new: Self.template("AWS::EC2::VPC", ["CidrBlock": "10.0.0.0/16", "EnableDnsSupport": false]))
        #expect(changes.resources.first?.replacement == nil)
        #expect(changes.resources.first?.replacementIsUnknown == false)
        #expect(!changes.fails(on: .replacement))
    }

    @Test("a custom resource's changed properties: replacement unknown, a hit unless unknown types are allowed",
          arguments: ["Custom::OrderImport", "AWS::CloudFormation::CustomResource", "Acme::Orders::Importer"])
    func unknown(_ type: String) throws {
        let changes = TemplateDiff.compare(
            old: Self.template(type, ["ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:f", "Size": 1]),
            new: Self.template(type, ["ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:f", "Size": 2]))
        let resource = try #require(changes.resources.first)
        #expect(resource.replacement == nil)
        #expect(resource.replacementIsUnknown)
        #expect(changes.hasUnknownReplacement && !changes.hasReplacement)
        #expect(changes.fails(on: .replacement))
        #expect(!changes.fails(on: .replacement, allowingUnknownTypes: true))
        #expect(changes.summary.replacementsUnknown == 1)
        #expect(changes.json().contains(#""hasReplacement": "unknown""#))
        #expect(changes.json().contains(#""replacement": "unknown""#))
        #expect(changes.sarif().contains(#""ruleId": "replacement-unknown""#))
    }

    @Test("a known replacement outweighs an unknown one in the summary")
    func knownAndUnknown() {
        var old = Self.template("AWS::ECR::Repository", ["RepositoryName": "a"])
        var new = Self.template("AWS::ECR::Repository", ["RepositoryName": "b"])
        old.resources.append(Resource("Job", type: "Custom::Job", properties: ["ServiceToken": "t", "Size": 1]))
        new.resources.append(Resource("Job", type: "Custom::Job", properties: ["ServiceToken": "t", "Size": 2]))
        let changes = TemplateDiff.compare(old: old, new: new)
        #expect(changes.json().contains(#""hasReplacement": true"#))
        #expect(changes.fails(on: .replacement, allowingUnknownTypes: true))
    }

    @Test("the stateful types beyond cfn-lint's list are registry types, not already in it")
    func statefulBeyondCfnLint() {
        for type in StatefulResourceTypes.beyondCfnLint {
            #expect(ResourceRegistry.contains(type), "\(type)")
            #expect(!StatefulResourceTypes.all.contains(type), "\(type)")
        }
    }
}
