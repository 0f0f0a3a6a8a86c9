import CloudFormation
import CloudFormationTesting
import Testing

/// KMS evaluates key policies first: without an allow in the key policy no
/// identity policy helps, and a key policy that allows the account's root
/// hands the decision to the account's IAM policies (AWS KMS Developer Guide,
/// "Determining access to an AWS KMS key" and "Default key policy").
@Suite("KMS key policies")
struct KMSKeyPolicyTests {
    static let macieRole = "arn:aws:iam::123456789012:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"

    /// A key whose policy holds `statements`, a role allowed `kms:Decrypt` on
    /// it by its identity policy, and a role with no policies.
    static func template(keyPolicy statements: Value...) -> Template {
        Template(resources: [
            Resource("Key", type: "AWS::KMS::Key", properties: [
                "KeyPolicy": ["Version": "2012-10-17", "Statement": .list(statements)],
            ]),
            IAMTestTemplates.role("Reader", statements: [
                ["Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": .getAtt("Key", "Arn")],
            ]),
            IAMTestTemplates.role("Bystander"),
        ])
    }

    static let rootMayUseKey: Value = [
        "Sid": "EnableIAMPolicies", "Effect": "Allow",
        "Principal": ["AWS": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")],
        "Action": "kms:*", "Resource": "*",
    ]

    @Test("A key policy allowing the account's root plus an identity-policy allow: allowed")
    func rootInKeyPolicyEnablesIdentityPolicies() {
        let iam = PolicyEvaluator(Self.template(keyPolicy: Self.rootMayUseKey))
        let decision = iam.allows(.role("Reader"), "kms:Decrypt", on: .key("Key"))
        #expect(decision.outcome == .allowed)
        #expect(decision.statements.map(\.path.description) == [
            "Resources.Reader.Properties.Policies[0].PolicyDocument.Statement[0]",
            "Resources.Key.Properties.KeyPolicy.Statement[0]",
        ])
        // The root entry alone grants a role without an identity allow nothing.
        #expect(iam.allows(.role("Bystander"), "kms:Decrypt", on: .key("Key")).isImplicitlyDenied)
        #expect(iam.allows(.root, "kms:ScheduleKeyDeletion", on: .key("Key")).isAllowed)
    }

    @Test("An identity-policy allow without a key-policy allow: denied")
    func identityAllowWithoutKeyPolicyAllowIsDenied() {
        let iam = PolicyEvaluator(Self.template(keyPolicy: [
            "Effect": "Allow", "Principal": ["Service": "logs.amazonaws.com"], "Action": "kms:Encrypt*", "Resource": "*",
        ]))
        let decision = iam.allows(.role("Reader"), "kms:Decrypt", on: .key("Key"))
        #expect(decision.outcome == .implicitlyDenied)
        #expect(!decision.mightBeAllowed)
    }

    @Test("A key outside the template: its key policy is unknown, so an identity allow is only a maybe")
    func keyOutsideTheTemplate() {
        let template = Template(resources: [
            IAMTestTemplates.role("Reader", statements: [["Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"]]),
        ])
        let decision = PolicyEvaluator(template).allows(.role("Reader"), "kms:Decrypt", on: .key("shared-key-id"))
        #expect(decision.resource == "arn:aws:kms:us-east-1:123456789012:key/shared-key-id")
        #expect(decision.isImplicitlyDenied)
        #expect(decision.mightBeAllowed)
        #expect(decision.notes == [
            "shared-key-id is not a key of the template (by logical ID or name): evaluated as one outside it",
            "the key policy of arn:aws:kms:us-east-1:123456789012:key/shared-key-id is not in the template: not evaluated, and it must allow the request",
        ])
    }

    @Test("A key policy naming a service-linked role allows that role, which has no identity policy in the template")
    func keyPolicyNamingServiceLinkedRole() {
        let iam = PolicyEvaluator(Self.template(keyPolicy: Self.rootMayUseKey, [
            "Sid": "AllowMacie", "Effect": "Allow", "Principal": ["AWS": .string(Self.macieRole)],
            "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
        ]))
        let decision = iam.allows(.arn(Self.macieRole), "kms:Decrypt", on: .key("Key"))
        #expect(decision.outcome == .allowed)
        #expect(decision.statements.map(\.path.description) == ["Resources.Key.Properties.KeyPolicy.Statement[1]"])
        #expect(iam.allows(.arn(Self.macieRole), "kms:Encrypt", on: .key("Key")).isImplicitlyDenied)
    }

    @Test("A key without KeyPolicy gets KMS's default policy: root, and through it IAM policies")
    func defaultKeyPolicy() {
        var template = Self.template(keyPolicy: Self.rootMayUseKey)
        template.resources[0].properties["KeyPolicy"] = nil
        let iam = PolicyEvaluator(template)
        let decision = iam.allows(.role("Reader"), "kms:Decrypt", on: .key("Key"))
        #expect(decision.isAllowed)
        #expect(decision.statements.map(\.kind) == [.inlineRolePolicy, .defaultKeyPolicy])
        #expect(decision.notes == ["key Key has no KeyPolicy: KMS's default key policy (the account may do kms:*) is evaluated"])
    }
}
