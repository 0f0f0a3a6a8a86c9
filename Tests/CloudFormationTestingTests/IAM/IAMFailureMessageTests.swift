import CloudFormation
import Testing
@testable import CloudFormationTesting

/// What an IAM assertion says when it fails: the question, the decision, the
/// deciding statements with their template paths, the closest candidates —
/// a few lines, never the template.
@Suite("IAM assertion failure messages")
struct IAMFailureMessageTests {
    /// Table `people`; role `Reader` may Scan it; the bucket policy lets anyone read objects of `open-bucket`.
    static let template = Template(resources: [
        Resource("People", type: "AWS::DynamoDB::Table", properties: ["TableName": "people"]),
        IAMTestTemplates.role("Reader", statements: [
            ["Effect": "Allow", "Action": "dynamodb:Scan", "Resource": .getAtt("People", "Arn")],
            ["Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other/*"],
        ]),
        IAMTestTemplates.bucket("Open", name: "open-bucket"),
        IAMTestTemplates.bucketPolicy("OpenPolicy", bucket: "Open", [
            "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::open-bucket/*",
        ]),
    ])

    @Test("a request expected to be allowed: the decision and the closest statements, with what differs")
    func notAllowed() throws {
        let (decision, message) = Self.template.iam().expectingAllowed(.role("Reader"), "dynamodb:PutItem", on: .table("people"), context: [:])
        #expect(!decision.isAllowed)
        #expect(message == """
            expected role Reader to be allowed dynamodb:PutItem on arn:aws:dynamodb:us-east-1:123456789012:table/people
            decision: implicitly denied
            deciding statements: none
            closest statements:
              Allow dynamodb:Scan on arn:aws:dynamodb:us-east-1:123456789012:table/people at Resources.Reader.Properties.Policies[0].PolicyDocument.Statement[0] (inline policy): the action differs
              Allow s3:GetObject on arn:aws:s3:::other/* at Resources.Reader.Properties.Policies[0].PolicyDocument.Statement[1] (inline policy): the action differs, the resource differs
              Allow s3:GetObject on arn:aws:s3:::open-bucket/* at Resources.OpenPolicy.Properties.PolicyDocument.Statement[0] (AWS::S3::BucketPolicy): the action differs, the resource differs
            """)
        // A few lines, never the template: no trust policy, no table properties.
        #expect(message.map { $0.split(separator: "\n").count } == 7)
    }

    @Test("a request expected to be denied: the decision and the statements that allow it")
    func allowedAfterAll() throws {
        let (decision, message) = Self.template.iam().expectingDenied(.anyone, "s3:GetObject", on: .object(inBucket: "Open", key: "k"), context: [:])
        #expect(decision.isAllowed)
        #expect(message == """
            expected anyone may not s3:GetObject on arn:aws:s3:::open-bucket/k
            decision: allowed
            deciding statements:
              Allow Resources.OpenPolicy.Properties.PolicyDocument.Statement[0] (AWS::S3::BucketPolicy)
            """)
    }

    @Test("permissions beyond those expected: each with the statements that grant it (the open bucket's policy names everyone)")
    func beyondExpected() throws {
        let (_, message) = Self.template.iam().expectingPermissions(
            of: .role("Reader"), within: [.init("dynamodb:scan", on: "arn:aws:dynamodb:us-east-1:123456789012:table/people")], context: [:])
        #expect(message == """
            expected role Reader to have no permissions beyond the 1 listed; it has 2 more:
              s3:getobject on arn:aws:s3:::open-bucket/*: allowed
                by Allow Resources.OpenPolicy.Properties.PolicyDocument.Statement[0] (AWS::S3::BucketPolicy)
              s3:getobject on arn:aws:s3:::other/*: allowed
                by Allow Resources.Reader.Properties.Policies[0].PolicyDocument.Statement[1] (inline policy)
            """)
    }

    @Test("no message when the expectation holds, and the assertions record exactly the message")
    func assertions() {
        #expect(Self.template.iam().expectingAllowed(.role("Reader"), "dynamodb:Scan", on: .table("people"), context: [:]).1 == nil)
        #expect(Self.template.iam().expectingDenied(.role("Reader"), "dynamodb:PutItem", on: .table("people"), context: [:]).1 == nil)
        let expected = Self.template.iam().expectingAllowed(.role("Reader"), "dynamodb:PutItem", on: .table("people"), context: [:]).1
        withKnownIssue {
            Self.template.expectAllowed(.role("Reader"), "dynamodb:PutItem", on: .table("people"))
        } matching: { issue in
            issue.comments.map(\.rawValue) == [expected ?? ""]
        }
    }

    @Test("a template in a failed #expect shows as its size")
    func templateDescription() {
        #expect(Self.template.testDescription == "template with 4 resources")
    }
}
