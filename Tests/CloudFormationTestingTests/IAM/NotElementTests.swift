import CloudFormation
import CloudFormationTesting
import Testing

/// `NotAction`, `NotResource` and `NotPrincipal`: a statement about
/// everything except what it lists.
@Suite("NotAction, NotResource, NotPrincipal")
struct NotElementTests {
    @Test("NotAction in an Allow grants every action but those listed")
    func notActionAllowsTheRest() {
        let template = Template(resources: [
            IAMTestTemplates.role("PowerUser", statements: [["Effect": "Allow", "NotAction": "iam:*", "Resource": "*"]]),
        ])
        let iam = PolicyEvaluator(template)
        #expect(iam.allows(.role("PowerUser"), "dynamodb:DeleteTable", on: .table("anything")).isAllowed)
        #expect(iam.allows(.role("PowerUser"), "iam:CreateUser", on: .arn("arn:aws:iam::123456789012:user/x")).isImplicitlyDenied)
        // Every IAM action is excluded, so "every action" is not granted.
        #expect(!iam.allows(.role("PowerUser"), "*", on: .arn("*")).mightBeAllowed)
    }

    @Test("NotResource in a Deny denies everywhere except the listed resources")
    func notResourceDeniesElsewhere() {
        let template = Template(resources: [
            IAMTestTemplates.bucket("Home", name: "home-bucket"),
            IAMTestTemplates.role("Confined", statements: [
                ["Effect": "Allow", "Action": "s3:*", "Resource": "*"],
                [
                    "Effect": "Deny", "Action": "s3:*",
                    "NotResource": [.getAtt("Home", "Arn"), .sub("${Home.Arn}/*")],
                ],
            ]),
        ])
        let iam = PolicyEvaluator(template)
        #expect(iam.allows(.role("Confined"), "s3:PutObject", on: .object(inBucket: "Home", key: "a")).isAllowed)
        let elsewhere = iam.allows(.role("Confined"), "s3:PutObject", on: .object(inBucket: "other-bucket", key: "a"))
        #expect(elsewhere.isExplicitlyDenied)
        #expect(elsewhere.statements.map(\.path.description) == ["Resources.Confined.Properties.Policies[0].PolicyDocument.Statement[1]"])
    }

    @Test("NotPrincipal in a Deny denies everyone but the listed principal")
    func notPrincipalDeniesEveryoneElse() {
        let template = Template(resources: [
            IAMTestTemplates.bucket("Vault", name: "vault-bucket"),
            IAMTestTemplates.role("Keeper", statements: [["Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"]]),
            IAMTestTemplates.role("Visitor", statements: [["Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"]]),
            IAMTestTemplates.bucketPolicy(
                "VaultPolicy", bucket: "Vault",
                [
                    "Effect": "Deny", "NotPrincipal": ["AWS": .getAtt("Keeper", "Arn")], "Action": "s3:*",
                    "Resource": .sub("${Vault.Arn}/*"),
                ]),
        ])
        let iam = PolicyEvaluator(template)
        let target = ResourceTarget.object(inBucket: "Vault", key: "gold")
        #expect(iam.allows(.role("Keeper"), "s3:GetObject", on: target).isAllowed)
        #expect(iam.allows(.role("Visitor"), "s3:GetObject", on: target).isExplicitlyDenied)
        #expect(iam.allows(.anyone, "s3:GetObject", on: target).isExplicitlyDenied)
    }
}
