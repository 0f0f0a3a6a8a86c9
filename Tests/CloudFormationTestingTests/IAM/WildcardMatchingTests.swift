import CloudFormation
import CloudFormationTesting
import Testing

/// IAM's wildcards: actions compare case-insensitively, resources
/// case-sensitively; `*` is any run of characters, `?` one; in an ARN a `*`
/// keeps to its colon-separated segment unless it ends the segment. A
/// request may itself be a pattern ("every object"), which an Allow must
/// cover entirely and a Deny need only touch.
@Suite("Wildcards in actions and resources")
struct WildcardMatchingTests {
    static func reader(_ statements: Value...) -> PolicyEvaluator {
        PolicyEvaluator(Template(resources: [
            IAMTestTemplates.bucket("Data", name: "data-bucket"),
            IAMTestTemplates.role("Reader", statements: statements),
        ]))
    }

    @Test("Actions ignore case, in the policy and in the request; ? is one character")
    func actionsIgnoreCase() {
        let iam = Self.reader(["Effect": "Allow", "Action": ["DynamoDB:scan", "dynamodb:Get?tem"], "Resource": "*"])
        #expect(iam.allows(.role("Reader"), "dynamodb:Scan", on: .table("t")).isAllowed)
        #expect(iam.allows(.role("Reader"), "DYNAMODB:GETITEM", on: .table("t")).isAllowed)
        #expect(!iam.allows(.role("Reader"), "dynamodb:BatchGetItem", on: .table("t")).isAllowed)
    }

    @Test("Resources keep their case")
    func resourcesKeepCase() {
        let iam = Self.reader(["Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::Data-Bucket/*"])
        #expect(!iam.allows(.role("Reader"), "s3:GetObject", on: .object(inBucket: "Data", key: "a")).mightBeAllowed)
        #expect(iam.allows(.role("Reader"), "s3:GetObject", on: .arn("arn:aws:s3:::Data-Bucket/a")).isAllowed)
    }

    @Test("A * inside an ARN segment stays in it; one ending a segment reaches beyond the colons")
    func starsAndSegments() {
        let iam = Self.reader(
            ["Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:export*"],
            ["Effect": "Allow", "Action": "lambda:GetFunction", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:ex*t"])
        let qualified = ResourceTarget.arn("arn:aws:lambda:us-east-1:123456789012:function:export:live")
        #expect(iam.allows(.role("Reader"), "lambda:InvokeFunction", on: qualified).isAllowed)
        #expect(iam.allows(.role("Reader"), "lambda:GetFunction", on: .arn("arn:aws:lambda:us-east-1:123456789012:function:export")).isAllowed)
        #expect(!iam.allows(.role("Reader"), "lambda:GetFunction", on: .arn("arn:aws:lambda:us-east-1:123456789012:function:ex:nex:t")).isAllowed)
    }

    @Test("Every object of a bucket: allowed only when a grant covers them all")
    func everyObjectNeedsACoveringGrant() {
        let prefixOnly = Self.reader(["Effect": "Allow", "Action": "s3:GetObject", "Resource": .sub("${Data.Arn}/public/*")])
        #expect(!prefixOnly.allows(.role("Reader"), "s3:GetObject", on: .objects(inBucket: "Data")).mightBeAllowed)
        #expect(prefixOnly.allows(.role("Reader"), "s3:GetObject", on: .objects(inBucket: "Data", prefix: "public/")).isAllowed)
        #expect(prefixOnly.allows(.role("Reader"), "s3:GetObject", on: .objects(inBucket: "Data", prefix: "public/2024/")).isAllowed)
    }

    @Test("Every object of a bucket: a Deny of some of them denies the request for all")
    func denyOfSomeDeniesAll() {
        let iam = Self.reader(
            ["Effect": "Allow", "Action": "s3:GetObject", "Resource": .sub("${Data.Arn}/*")],
            ["Effect": "Deny", "Action": "s3:GetObject", "Resource": .sub("${Data.Arn}/secret/*")])
        #expect(iam.allows(.role("Reader"), "s3:GetObject", on: .objects(inBucket: "Data")).isExplicitlyDenied)
        #expect(iam.allows(.role("Reader"), "s3:GetObject", on: .objects(inBucket: "Data", prefix: "public/")).isAllowed)
    }

    @Test("A requested action pattern: s3:Get* is allowed only if every s3:Get… action is")
    func actionPatterns() {
        let iam = Self.reader(["Effect": "Allow", "Action": "s3:Get*", "Resource": "*"])
        #expect(iam.allows(.role("Reader"), "s3:Get*", on: .arn("*")).isAllowed)
        #expect(!iam.allows(.role("Reader"), "s3:*", on: .arn("*")).mightBeAllowed)
    }
}
