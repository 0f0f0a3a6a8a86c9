import AWSResources
import CloudFormation
import SecurityRules
import Testing

@Suite("the IAM rules")
struct IAMRuleTests {
    static func findings(_ statements: Value) -> [String] {
        let policy = Resource("Policy", type: "AWS::IAM::ManagedPolicy", properties: ["PolicyDocument": ["Version": "2012-10-17", "Statement": statements]])
        return SecurityRulePack().report(for: Template(resources: [policy])).active.map { "\($0.rule) \($0.path)" }
    }

    @Test("Resource * is an error for actions IAM can scope, and fine for those it cannot (cfn-lint's IAM data)")
    func starResources() {
        #expect(Self.findings([
            ["Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:ListTables"], "Resource": "*"],
            ["Effect": "Allow", "Action": "dynamodb:ListTables", "Resource": "*"],
            ["Effect": "Deny", "Action": "s3:*", "Resource": "*"],
        ]) == ["IAM-WILDCARD-RESOURCE Resources.Policy.Properties.PolicyDocument.Statement[0].Resource"])
    }

    @Test("a wildcard where a name belongs is a wildcard resource; the objects of a named bucket are not")
    func partialWildcards() {
        #expect(Self.findings([
            ["Effect": "Allow", "Action": "dynamodb:Scan", "Resource": .sub("arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*")],
            ["Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:*:*:*"],
            ["Effect": "Allow", "Action": "s3:GetObject", "Resource": .sub("${Bucket.Arn}/*")],
        ]) == [
            "IAM-WILDCARD-RESOURCE Resources.Policy.Properties.PolicyDocument.Statement[0].Resource",
            "IAM-WILDCARD-RESOURCE Resources.Policy.Properties.PolicyDocument.Statement[1].Resource",
        ])
    }

    @Test("wildcard actions, administrators and iam:PassRole on every role")
    func privileges() {
        #expect(Self.findings([
            ["Effect": "Allow", "Action": "*", "Resource": "*"],
        ]).map { $0.split(separator: " ")[0] } == ["IAM-ADMIN", "IAM-WILDCARD-ACTION", "IAM-WILDCARD-RESOURCE", "IAM-PASSROLE"])
        #expect(Self.findings([
            ["Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"],
        ]).map { $0.split(separator: " ")[0] } == ["IAM-WILDCARD-RESOURCE", "IAM-PASSROLE"])
        #expect(Self.findings([
            ["Effect": "Allow", "Action": "iam:PassRole", "Resource": .sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Role}")],
        ]) == [])
    }

    @Test("a role attaching AdministratorAccess")
    func managedAdministrator() {
        let role = Resource("Admin", type: "AWS::IAM::Role", properties: [
            "AssumeRolePolicyDocument": ["Version": "2012-10-17", "Statement": []],
            "ManagedPolicyArns": [.sub("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")],
        ])
        #expect(SecurityRulePack().report(for: Template(resources: [role])).active.map { "\($0.rule) \($0.path)" }
            == ["IAM-ADMIN Resources.Admin.Properties.ManagedPolicyArns[0]"])
    }
}
