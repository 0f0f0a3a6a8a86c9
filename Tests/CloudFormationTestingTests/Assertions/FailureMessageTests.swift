import CloudFormation
import CloudFormationTesting
import Testing

@Suite("Failure messages")
struct FailureMessageTests {
    let template = AssertionFixtures.exports

    @Test("no match: the type, how many were looked at, and the closest candidates with each mismatching path")
    func closestCandidates() {
        let result = template.matchResourceProperties("AWS::S3::Bucket", [
            "VersioningConfiguration": ["Status": "Enabled"],
            "PublicAccessBlockConfiguration": ["BlockPublicAcls": true, "RestrictPublicBuckets": true],
            "Tags": .absent,
        ])
        #expect(!result.isMatch)
        // LogBucket fails one expectation; ArchiveBucket and ExportBucket three
        // each, ArchiveBucket in fewer lines (two missing objects).
        #expect(result.nearMisses.map(\.logicalID) == ["LogBucket", "ArchiveBucket", "ExportBucket"])
        #expect(result.message == """
            No AWS::S3::Bucket resource has properties matching the pattern; looked at 3: ExportBucket, LogBucket, ArchiveBucket.
            Closest first:
              LogBucket (1 mismatch):
                Resources.LogBucket.Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets: expected true, found false
              ArchiveBucket (2 mismatches):
                Resources.ArchiveBucket.Properties.VersioningConfiguration: missing (expected {"Status": "Enabled"})
                Resources.ArchiveBucket.Properties.PublicAccessBlockConfiguration: missing (expected {"BlockPublicAcls": true, "RestrictPublicBuckets": true})
              ExportBucket (3 mismatches):
                Resources.ExportBucket.Properties.VersioningConfiguration.Status: expected "Enabled", found "Suspended"
                Resources.ExportBucket.Properties.PublicAccessBlockConfiguration.RestrictPublicBuckets: missing (expected true)
                Resources.ExportBucket.Properties.Tags: expected absent, found [{"Key": "Team", "Value": "data"}]
            """)
    }

    @Test("a missing object weighs as much as the expectations it holds, so partial matches rank closer")
    func ranking() {
        let template = Template(resources: [
            Resource("Missing", type: "AWS::SQS::Queue", properties: ["DelaySeconds": 0]),
            Resource("Partial", type: "AWS::SQS::Queue", properties: [
                "RedrivePolicy": ["maxReceiveCount": 3, "deadLetterTargetArn": "arn:dlq"], "DelaySeconds": 0,
            ]),
        ])
        let result = template.matchResourceProperties("AWS::SQS::Queue", [
            "RedrivePolicy": ["maxReceiveCount": 5, "deadLetterTargetArn": "arn:dlq"], "DelaySeconds": 0,
        ])
        // Each has one mismatching line, but Missing fails both RedrivePolicy
        // expectations and Partial only one; template order alone would put Missing first.
        #expect(result.nearMisses.map(\.logicalID) == ["Partial", "Missing"])
    }

    @Test("beyond three near misses, the rest are named, not spelled out")
    func manyCandidates() {
        let template = Template(resources: (1...5).map { index in
            Resource("Queue\(index)", type: "AWS::SQS::Queue", properties: ["DelaySeconds": .integer(index)])
        })
        #expect(template.matchResourceProperties("AWS::SQS::Queue", ["DelaySeconds": 0]).message == """
            No AWS::SQS::Queue resource has properties matching the pattern; looked at 5: Queue1, Queue2, Queue3, Queue4, Queue5.
            Closest first:
              Queue1 (1 mismatch):
                Resources.Queue1.Properties.DelaySeconds: expected 0, found 1
              Queue2 (1 mismatch):
                Resources.Queue2.Properties.DelaySeconds: expected 0, found 2
              Queue3 (1 mismatch):
                Resources.Queue3.Properties.DelaySeconds: expected 0, found 3
              2 more, further off: Queue4, Queue5.
            """)
    }

    @Test("no resource of the type: the message says so, suggests a near type name and lists the types there are")
    func noResourceOfType() {
        #expect(template.matchResourceProperties("AWS::S3::Bukket", [:]).message == """
            The template has no AWS::S3::Bukket resource. Did you mean AWS::S3::Bucket?
            Resource types in the template: AWS::IAM::Role (1), AWS::Lambda::Function (1), AWS::S3::Bucket (3).
            """)
        #expect(template.matchResource("AWS::DynamoDB::Table", [:]).message == """
            The template has no AWS::DynamoDB::Table resource.
            Resource types in the template: AWS::IAM::Role (1), AWS::Lambda::Function (1), AWS::S3::Bucket (3).
            """)
        #expect(template.matchResource("AWS::DynamoDB::Table", [:]).examinedCount == 0)
        #expect(Template().matchResourceProperties("AWS::S3::Bucket", [:]).message
            == "The template has no AWS::S3::Bucket resource; it has no resources at all.")
    }

    @Test("list mismatches inside a resource are marked at the element's path")
    func listPaths() {
        let result = template.matchResourceProperties("AWS::IAM::Role", [
            "AssumeRolePolicyDocument": ["Statement": .arrayContaining([["Effect": "Allow", "Action": "sts:TagSession"]])],
        ])
        #expect(result.message == """
            No AWS::IAM::Role resource has properties matching the pattern; looked at 1: ExportRole.
              ExportRole (2 mismatches):
                Resources.ExportRole.Properties.AssumeRolePolicyDocument.Statement: no element matches {"Effect": "Allow", "Action": "sts:TagSession"}; closest is [0]:
                Resources.ExportRole.Properties.AssumeRolePolicyDocument.Statement[0].Action: expected "sts:TagSession", found "sts:AssumeRole"
            """)
    }

    @Test("long values are cut to one readable line; strings are escaped as in JSON")
    func longValues() {
        let long = String(repeating: "a", count: 300)
        let messages = (["Code": "x", "Text": "y"] as Matcher)
            .mismatches(in: ["Code": .string(long), "Text": "line 1\nsaid \"hi\""]).map(\.description)
        #expect(messages.count == 2)
        let found = "\"" + long + "\""
        let shown = String(found.prefix(ValueText.limit)) + "… (\(found.count - ValueText.limit) more characters)"
        #expect(messages[0] == "Code: expected \"x\", found " + shown)
        #expect(messages[1] == #"Text: expected "y", found "line 1\nsaid \"hi\"""#)
    }
}
