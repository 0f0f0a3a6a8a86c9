import CloudFormation
import CloudFormationTesting
import Testing

/// The worked example of the IAM User Guide's "Policy evaluation for requests
/// within a single account"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html)
/// and the rules of "How AWS enforcement code logic evaluates requests to
/// allow or deny access"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html):
/// an explicit deny overrides any allow; within one account an allow in
/// either the identity policy or the resource policy is enough; with neither,
/// the request is implicitly denied.
///
/// The guide's Carlos is an IAM user; here he is a role of the template
/// named `carlossalazar`, with the guide's identity policy as its inline policy.
@Suite("AWS's policy evaluation logic, on the IAM User Guide's examples")
struct PolicyEvaluationLogicTests {
    static let carlosPolicy: [Value] = [
        [
            "Sid": "AllowS3ListRead", "Effect": "Allow",
            "Action": ["s3:GetBucketLocation", "s3:GetAccountPublicAccessBlock", "s3:ListAccessPoints", "s3:ListAllMyBuckets"],
            "Resource": "arn:aws:s3:::*",
        ],
        [
            "Sid": "AllowS3Self", "Effect": "Allow", "Action": "s3:*",
            "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar/*", "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar"],
        ],
        ["Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::*log*"],
    ]

    /// Carlos's role, his own bucket, the logs bucket (whose policy lets
    /// Carlos write to it) and an auditor role that has no identity policy at
    /// all but that the logs bucket's policy lets read.
    static let template = Template(resources: [
        IAMTestTemplates.role("Carlos", name: "carlossalazar", statements: carlosPolicy),
        IAMTestTemplates.role("Auditor", name: "auditor"),
        IAMTestTemplates.bucket("Own", name: "amzn-s3-demo-bucket-carlossalazar"),
        IAMTestTemplates.bucket("Logs", name: "amzn-s3-demo-bucket-carlossalazar-logs"),
        IAMTestTemplates.bucketPolicy(
            "LogsPolicy", bucket: "Logs",
            [
                "Effect": "Allow", "Principal": ["AWS": "arn:aws:iam::123456789012:role/carlossalazar"],
                "Action": "s3:PutObject", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket-carlossalazar-logs/*",
            ],
            [
                "Effect": "Allow", "Principal": ["AWS": .getAtt("Auditor", "Arn")],
                "Action": "s3:GetObject", "Resource": .sub("${Logs.Arn}/*"),
            ]),
    ])

    let iam = PolicyEvaluator(template)

    @Test("Carlos may not save a file to the logs bucket: DenyS3Logs overrides both his own and the bucket policy's allow")
    func explicitDenyOverridesAllow() {
        let decision = iam.allows(.role("Carlos"), "s3:PutObject", on: .object(inBucket: "Logs", key: "today.log"))
        #expect(decision.outcome == .explicitlyDenied)
        #expect(decision.statements.map(\.path.description)
            == ["Resources.Carlos.Properties.Policies[0].PolicyDocument.Statement[2]"])
        #expect(decision.statements.map(\.effect) == [.deny])
        #expect(!decision.mightBeAllowed)
    }

    @Test("Carlos may save a file to his own bucket: his identity policy allows it, and no resource policy is needed")
    func identityPolicyAllowsWithoutResourcePolicy() {
        let decision = iam.allows(.role("Carlos"), "s3:PutObject", on: .object(inBucket: "Own", key: "report.csv"))
        #expect(decision.outcome == .allowed)
        #expect(decision.statements.map(\.path.description)
            == ["Resources.Carlos.Properties.Policies[0].PolicyDocument.Statement[1]"])
        #expect(decision.statements.map(\.kind) == [.inlineRolePolicy])
    }

    @Test("The auditor may read the logs: the bucket policy names its role, and it needs no identity policy")
    func resourcePolicyNamingThePrincipalAllows() {
        let decision = iam.allows(.role("Auditor"), "s3:GetObject", on: .object(inBucket: "Logs", key: "today.log"))
        #expect(decision.outcome == .allowed)
        #expect(decision.statements.map(\.path.description)
            == ["Resources.LogsPolicy.Properties.PolicyDocument.Statement[1]"])
        #expect(decision.statements.map(\.kind) == [.bucketPolicy])
    }

    @Test("The auditor may not write the logs and Carlos may not delete his bucket: nothing allows it, so it is implicitly denied")
    func nothingAllowsIsImplicitDeny() {
        let write = iam.allows(.role("Auditor"), "s3:PutObject", on: .object(inBucket: "Logs", key: "today.log"))
        #expect(write.outcome == .implicitlyDenied)
        #expect(write.statements.isEmpty)
        let delete = iam.allows(.role("Carlos"), "ec2:TerminateInstances", on: .arn("arn:aws:ec2:us-east-1:123456789012:instance/i-1"))
        #expect(delete.outcome == .implicitlyDenied)
        #expect(!delete.mightBeAllowed)
    }

    @Test("The account list Carlos may read is any bucket's location, but not a logs bucket's")
    func listReadStopsAtTheDeny() {
        #expect(iam.allows(.role("Carlos"), "s3:GetBucketLocation", on: .bucket("some-other-bucket")).isAllowed)
        #expect(iam.allows(.role("Carlos"), "s3:GetBucketLocation", on: .bucket("Logs")).isExplicitlyDenied)
    }

    @Test("A Deny in a resource policy overrides an identity policy's Allow")
    func resourcePolicyDenyOverridesIdentityAllow() {
        var template = Self.template
        template.resources.append(IAMTestTemplates.bucketPolicy(
            "OwnPolicy", bucket: "Own",
            ["Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject", "Resource": .sub("${Own.Arn}/*")]))
        let decision = PolicyEvaluator(template).allows(.role("Carlos"), "s3:DeleteObject", on: .object(inBucket: "Own", key: "a"))
        #expect(decision.outcome == .explicitlyDenied)
        #expect(decision.statements.map(\.path.description) == ["Resources.OwnPolicy.Properties.PolicyDocument.Statement[0]"])
        #expect(PolicyEvaluator(template).allows(.role("Carlos"), "s3:GetObject", on: .object(inBucket: "Own", key: "a")).isAllowed)
    }
}
