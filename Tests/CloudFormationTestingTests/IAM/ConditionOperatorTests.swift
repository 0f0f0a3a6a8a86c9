import CloudFormation
import CloudFormationTesting
import Testing

/// Each condition operator the evaluator evaluates, once where it holds and
/// once where it does not, on a role allowed to read objects only under the
/// condition. Semantics from the IAM User Guide's "IAM JSON policy elements:
/// Condition operators" and "Conditions with multiple context keys or values"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html).
@Suite("Condition operators")
struct ConditionOperatorTests {
    /// Whether the reader may get an object under `condition` with `context`.
    func decision(_ condition: Value, _ context: RequestContext) -> Decision {
        PolicyEvaluator(IAMTestTemplates.conditionalReader(condition))
            .allows(.role("Reader"), "s3:GetObject", on: .arn("arn:aws:s3:::data-bucket/report.csv"), context: context)
    }

    func allowed(_ condition: Value, _ context: RequestContext) -> Bool { decision(condition, context).isAllowed }

    @Test("StringEquals: exact and case-sensitive")
    func stringEquals() {
        let condition: Value = ["StringEquals": ["aws:PrincipalTag/team": "data"]]
        #expect(allowed(condition, ["aws:PrincipalTag/team": "data"]))
        #expect(!allowed(condition, ["aws:PrincipalTag/team": "Data"]))
    }

    @Test("StringNotEquals: holds when the value differs")
    func stringNotEquals() {
        let condition: Value = ["StringNotEquals": ["aws:PrincipalTag/team": "guests"]]
        #expect(allowed(condition, ["aws:PrincipalTag/team": "data"]))
        #expect(!allowed(condition, ["aws:PrincipalTag/team": "guests"]))
    }

    @Test("StringEqualsIgnoreCase: case does not matter")
    func stringEqualsIgnoreCase() {
        let condition: Value = ["StringEqualsIgnoreCase": ["aws:PrincipalTag/team": "DATA"]]
        #expect(allowed(condition, ["aws:PrincipalTag/team": "data"]))
        #expect(!allowed(condition, ["aws:PrincipalTag/team": "dat"]))
    }

    @Test("StringLike: * and ? as wildcards, case-sensitive")
    func stringLike() {
        let condition: Value = ["StringLike": ["s3:prefix": "home/?lice/*"]]
        #expect(allowed(condition, ["s3:prefix": "home/alice/notes.txt"]))
        #expect(!allowed(condition, ["s3:prefix": "Home/alice/notes.txt"]))
        #expect(!allowed(condition, ["s3:prefix": "home/lice/notes.txt"]))  // ? is exactly one character
    }

    @Test("StringNotLike: holds when no pattern matches")
    func stringNotLike() {
        let condition: Value = ["StringNotLike": ["s3:prefix": "private/*"]]
        #expect(allowed(condition, ["s3:prefix": "public/a"]))
        #expect(!allowed(condition, ["s3:prefix": "private/a"]))
    }

    @Test("ArnEquals: the ARN, part by part")
    func arnEquals() {
        let condition: Value = ["ArnEquals": ["aws:SourceArn": "arn:aws:events:us-east-1:123456789012:rule/nightly"]]
        #expect(allowed(condition, ["aws:SourceArn": "arn:aws:events:us-east-1:123456789012:rule/nightly"]))
        #expect(!allowed(condition, ["aws:SourceArn": "arn:aws:events:us-east-1:123456789012:rule/hourly"]))
    }

    @Test("ArnLike: wildcards inside the ARN's parts; a value that is no ARN never matches")
    func arnLike() {
        let condition: Value = ["ArnLike": ["aws:SourceArn": "arn:aws:events:*:123456789012:rule/*"]]
        #expect(allowed(condition, ["aws:SourceArn": "arn:aws:events:eu-west-1:123456789012:rule/nightly"]))
        #expect(!allowed(condition, ["aws:SourceArn": "arn:aws:events:eu-west-1:999999999999:rule/nightly"]))
        #expect(!allowed(condition, ["aws:SourceArn": "nightly"]))
    }

    @Test("ArnNotEquals: holds for any other ARN")
    func arnNotEquals() {
        let condition: Value = ["ArnNotEquals": ["aws:PrincipalArn": "arn:aws:iam::123456789012:role/intruder"]]
        #expect(allowed(condition, RequestContext()))  // aws:PrincipalArn is the reader's own ARN
        let asIntruder = RequestContext(["aws:PrincipalArn": "arn:aws:iam::123456789012:role/intruder"])
        #expect(!allowed(condition, asIntruder))
    }

    @Test("ArnNotLike: holds when no pattern matches")
    func arnNotLike() {
        let condition: Value = ["ArnNotLike": ["aws:SourceArn": "arn:aws:sns:*:*:untrusted-*"]]
        #expect(allowed(condition, ["aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:orders"]))
        #expect(!allowed(condition, ["aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:untrusted-feed"]))
    }

    @Test("Bool: aws:SecureTransport, true unless the context says otherwise")
    func bool() {
        let condition: Value = ["Bool": ["aws:SecureTransport": true]]
        #expect(allowed(condition, RequestContext()))
        #expect(!allowed(condition, ["aws:SecureTransport": "false"]))
    }

    @Test("…IfExists: passes when the key is missing, and checks it when it is there")
    func ifExists() {
        let condition: Value = ["StringEqualsIfExists": ["aws:SourceAccount": "123456789012"]]
        #expect(allowed(condition, RequestContext()))
        #expect(allowed(condition, RequestContext([:], absent: ["aws:SourceAccount"])))
        #expect(allowed(condition, ["aws:SourceAccount": "123456789012"]))
        #expect(!allowed(condition, ["aws:SourceAccount": "999999999999"]))
    }

    @Test("Null: true means the key must be missing, false that it must be there")
    func null() {
        let mustBeMissing: Value = ["Null": ["aws:SourceArn": "true"]]
        #expect(allowed(mustBeMissing, RequestContext()))
        #expect(!allowed(mustBeMissing, ["aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:orders"]))
        let mustBePresent: Value = ["Null": ["aws:SourceArn": "false"]]
        #expect(allowed(mustBePresent, ["aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:orders"]))
        #expect(!allowed(mustBePresent, RequestContext()))
    }

    @Test("Several values for one key: any of them may match (OR)")
    func multipleValuesAreOr() {
        let condition: Value = ["StringEquals": ["aws:PrincipalTag/team": ["data", "analytics"]]]
        #expect(allowed(condition, ["aws:PrincipalTag/team": "analytics"]))
        #expect(!allowed(condition, ["aws:PrincipalTag/team": "sales"]))
    }

    @Test("Several values for a negated operator: none may match (NOR)")
    func multipleValuesOfNegatedOperatorAreNor() {
        let condition: Value = ["StringNotEquals": ["aws:PrincipalTag/team": ["guests", "contractors"]]]
        #expect(allowed(condition, ["aws:PrincipalTag/team": "data"]))
        #expect(!allowed(condition, ["aws:PrincipalTag/team": "contractors"]))
    }

    @Test("Several keys, and several operators: all must hold (AND)")
    func multipleKeysAndOperatorsAreAnd() {
        let condition: Value = [
            "StringEquals": ["aws:PrincipalTag/team": "data", "aws:RequestedRegion": "us-east-1"],
            "Bool": ["aws:SecureTransport": "true"],
        ]
        #expect(allowed(condition, ["aws:PrincipalTag/team": "data", "aws:RequestedRegion": "us-east-1"]))
        #expect(!allowed(condition, ["aws:PrincipalTag/team": "data", "aws:RequestedRegion": "eu-west-1"]))
        #expect(!allowed(condition, [
            "aws:PrincipalTag/team": "data", "aws:RequestedRegion": "us-east-1", "aws:SecureTransport": "false",
        ]))
    }

    @Test("Condition keys are compared case-insensitively")
    func keysIgnoreCase() {
        let condition: Value = ["StringEquals": ["AWS:PRINCIPALTAG/team": "data"]]
        #expect(allowed(condition, ["aws:principaltag/team": "data"]))
    }

    @Test("A key the context says nothing about leaves a plain operator unevaluated; declared absent, AWS's rule decides")
    func keyNotSaidVersusAbsent() {
        let plain: Value = ["StringEquals": ["aws:SourceAccount": "123456789012"]]
        let notSaid = decision(plain, RequestContext())
        #expect(!notSaid.isAllowed)
        #expect(notSaid.mightBeAllowed)
        #expect(notSaid.notes.contains(
            "condition StringEquals on aws:SourceAccount is unevaluated: the request context says nothing about aws:SourceAccount"))
        #expect(!decision(plain, RequestContext([:], absent: ["aws:SourceAccount"])).mightBeAllowed)
        // A negated operator on a missing key holds.
        let negated: Value = ["StringNotEquals": ["aws:SourceAccount": "999999999999"]]
        #expect(decision(negated, RequestContext([:], absent: ["aws:SourceAccount"])).isAllowed)
    }

    @Test("An operator the evaluator does not evaluate makes an Allow not apply, and says so")
    func unevaluatedOperatorInAllow() {
        let condition: Value = ["IpAddress": ["aws:SourceIp": "203.0.113.0/24"]]
        let result = decision(condition, ["aws:SourceIp": "203.0.113.7"])
        #expect(result.outcome == .implicitlyDenied)
        #expect(result.mightBeAllowed)
        #expect(result.statements.map(\.isCertain) == [false])
        #expect(result.notes == ["condition IpAddress on aws:SourceIp is unevaluated: the evaluator does not evaluate IpAddress"])
    }

    @Test("An operator the evaluator does not evaluate makes a Deny apply")
    func unevaluatedOperatorInDeny() {
        let template = Template(resources: [
            IAMTestTemplates.role("Reader", statements: [
                ["Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"],
                [
                    "Effect": "Deny", "Action": "s3:*", "Resource": "*",
                    "Condition": ["NumericGreaterThan": ["s3:max-keys": "10"]],
                ],
            ]),
        ])
        let result = PolicyEvaluator(template).allows(
            .role("Reader"), "s3:GetObject", on: .arn("arn:aws:s3:::any/key"), context: ["s3:max-keys": "5"])
        #expect(result.outcome == .explicitlyDenied)
        #expect(result.mightBeAllowed)  // the Deny only might apply
        #expect(result.statements.map(\.path.description) == ["Resources.Reader.Properties.Policies[0].PolicyDocument.Statement[1]"])
        #expect(result.statements.map(\.isCertain) == [false])
    }
}
