import AWSResources
import CloudFormation
import CloudFormationTesting
import Stacks
import Testing

@Suite("Template queries: resources")
struct ResourceQueryTests {
    let template = AssertionFixtures.exports

    @Test("resourceCount counts the resources of one type")
    func counts() {
        #expect(template.resourceCount(ofType: "AWS::S3::Bucket") == 3)
        #expect(template.resourceCount(ofType: "AWS::IAM::Role") == 1)
        #expect(template.resourceCount(ofType: "AWS::DynamoDB::Table") == 0)
    }

    @Test("the finders return resources in template order")
    func finders() {
        #expect(template.resources(ofType: "AWS::S3::Bucket").map(\.logicalID) == ["ExportBucket", "LogBucket", "ArchiveBucket"])
        #expect(template.resources(ofType: "AWS::S3::Bucket", withProperties: ["PublicAccessBlockConfiguration": .anyValue])
            .map(\.logicalID) == ["ExportBucket", "LogBucket"])
        #expect(template.resources(ofType: "AWS::S3::Bucket", withProperties: ["VersioningConfiguration": ["Status": "Enabled"]])
            .map(\.logicalID) == ["LogBucket"])
        #expect(template.resources(ofType: "AWS::S3::Bucket", matching: ["Properties": .absent]).map(\.logicalID) == ["ArchiveBucket"])
        #expect(template.resources(ofType: "AWS::SQS::Queue", withProperties: [:]).isEmpty)
    }

    @Test("hasResourceProperties: the README's well-encrypted bucket, with a list pattern and an absent key")
    func hasResourceProperties() {
        #expect(template.hasResourceProperties("AWS::S3::Bucket", [
            "BucketEncryption": ["ServerSideEncryptionConfiguration": .arrayWith([["BucketKeyEnabled": true]])],
            "PublicAccessBlockConfiguration": ["BlockPublicAcls": true],
            "Tags": .absent,
        ]))
        #expect(!template.hasResourceProperties("AWS::S3::Bucket", [
            "BucketEncryption": ["ServerSideEncryptionConfiguration": .arrayWith([["BucketKeyEnabled": false]])],
        ]))
    }

    @Test("a resource without properties has the empty object as its properties")
    func noProperties() {
        let result = template.matchResourceProperties("AWS::S3::Bucket", .objectEquals([:]))
        #expect(result.matchingIDs == ["ArchiveBucket"])
    }

    @Test("properties match through intrinsics: a Ref, a GetAtt and a FindInMap")
    func intrinsics() {
        #expect(template.hasResourceProperties("AWS::Lambda::Function", [
            "Role": .getAtt("ExportRole", "Arn"),
            "Environment": ["Variables": ["BUCKET": .ref("ExportBucket")]],
            "MemorySize": .function("Fn::FindInMap", ["Sizes", .ref("Environment"), "Memory"]),
        ]))
        #expect(!template.hasResourceProperties("AWS::Lambda::Function", ["Role": .getAtt("OtherRole", "Arn")]))
    }

    @Test("hasResource matches the entry as the template shows it: attributes beside Properties, one DependsOn as a string")
    func wholeResource() {
        #expect(template.hasResource("AWS::S3::Bucket", [
            "DeletionPolicy": "Retain", "Properties": ["VersioningConfiguration": ["Status": "Suspended"]],
        ]))
        #expect(template.hasResource("AWS::Lambda::Function", [
            "Type": "AWS::Lambda::Function", "Condition": "IsProduction", "DependsOn": "LogBucket",
        ]))
        #expect(template.matchResource("AWS::S3::Bucket", .objectEquals(["Type": "AWS::S3::Bucket"])).matchingIDs == ["ArchiveBucket"])
        #expect(template.matchResource("AWS::Lambda::Function", ["DependsOn": ["LogBucket"]]).message == """
            No AWS::Lambda::Function resource matches the pattern; looked at 1: ExportFunction.
              ExportFunction (1 mismatch):
                Resources.ExportFunction.DependsOn: expected ["LogBucket"], found "LogBucket"
            """)
        let several = Template(resources: [
            Resource("A", type: "AWS::SNS::Topic"), Resource("B", type: "AWS::SNS::Topic"),
            Resource("C", type: "AWS::SNS::Topic", dependsOn: ["A", "B"]),
        ])
        #expect(several.resources(ofType: "AWS::SNS::Topic", matching: ["DependsOn": .arrayContaining(["B", "A"])])
            .map(\.logicalID) == ["C"])
    }

    @Test("a result carries what matched, what was looked at and the near misses closest first")
    func resultFields() {
        let result = template.matchResourceProperties("AWS::S3::Bucket", ["PublicAccessBlockConfiguration": ["RestrictPublicBuckets": false]])
        #expect(result.isMatch)
        #expect(result.matchingIDs == ["LogBucket"])
        #expect(result.examinedCount == 3)
        #expect(result.nearMisses.map(\.logicalID) == ["ExportBucket", "ArchiveBucket"])
        #expect(result.message == "1 of 3 AWS::S3::Bucket resources have properties matching the pattern: LogBucket.")
    }

    @Test("resource counts: the result says what was expected and what was found")
    func countResults() {
        #expect(template.matchResourceCount("AWS::S3::Bucket", 3).isMatch)
        #expect(template.matchResourceCount("AWS::S3::Bucket", 3).message
            == "The template has 3 AWS::S3::Bucket resources, as expected: ExportBucket, LogBucket, ArchiveBucket.")
        #expect(!template.matchResourceCount("AWS::S3::Bucket", 2).isMatch)
        #expect(template.matchResourceCount("AWS::S3::Bucket", 2).message
            == "Expected 2 AWS::S3::Bucket resources, found 3: ExportBucket, LogBucket, ArchiveBucket.")
        #expect(template.matchResourceCount("AWS::IAM::Role", 0).message == "Expected no AWS::IAM::Role resources, found 1: ExportRole.")
        #expect(template.matchResourceCount("AWS::SQS::Queue", 0).isMatch)
        #expect(template.matchResourceCount("AWS::SQS::Queue", 0).message == "The template has no AWS::SQS::Queue resources, as expected.")
        #expect(template.matchResourceCount("AWS::SQS::Queue", 1).message == """
            Expected 1 AWS::SQS::Queue resource, found none.
            The template has no AWS::SQS::Queue resource.
            Resource types in the template: AWS::IAM::Role (1), AWS::Lambda::Function (1), AWS::S3::Bucket (3).
            """)
    }

    @Test("queries work on a synthesized stack: OrderEvents' queue and subscription")
    func synthesizedStack() throws {
        let template = try Template(synthesizing: OrderEventsStack())
        #expect(template.resourceCount(ofType: "AWS::SQS::Queue") == 2)
        let result = template.matchResourceProperties("AWS::SQS::Queue", [
            "RedrivePolicy": ["deadLetterTargetArn": .getAtt("DeadLetterQueue", "Arn")],
        ])
        #expect(result.matchingIDs == ["OrdersQueue"], "\(result)")
        #expect(template.hasResource("AWS::SNS::Subscription", ["DependsOn": "OrdersQueuePolicy"]))
    }
}
