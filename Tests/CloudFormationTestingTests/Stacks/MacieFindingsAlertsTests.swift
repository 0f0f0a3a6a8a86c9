import CloudFormation
import CloudFormationTesting
import Stacks
import Testing

/// A Macie finding event as EventBridge delivers it, with the fields the
/// documented schema gives (docs.aws.amazon.com/macie/latest/user/findings-publish-event-schemas.html),
/// trimmed to what matters here.
private func findingEvent(severity: String, score: Int, source: String = "aws.macie", detailType: String = "Macie Finding") -> Value {
    [
        "version": "0",
        "id": "0a1b2c3d-1111-2222-3333-444455556666",
        "detail-type": .string(detailType),
        "source": .string(source),
        "account": "123456789012",
        "time": "2026-11-29T08:00:00Z",
        "region": "us-east-1",
        "resources": [],
        "detail": [
            "schemaVersion": "1.0",
            "accountId": "123456789012",
            "partition": "aws",
            "region": "us-east-1",
            "type": "SensitiveData:S3Object/CustomIdentifier",
            "title": "The S3 object contains sensitive information.",
            "severity": ["score": .integer(score), "description": .string(severity)],
            "category": "CLASSIFICATION",
            "resourcesAffected": ["s3Bucket": ["name": "export-bucket"], "s3Object": ["key": "dynamodb-accounts-info-macie-us-east-1-2026-11-29-08:00:00.json"]],
        ],
    ]
}

@Suite("MacieDynamoDB: findings alerts")
struct MacieFindingsAlertsTests {
    let template: Template

    init() throws {
        template = try Template(synthesizing: MacieDynamoDBStack())
    }

    var rulePattern: Value { template.resource("MacieFindingsRule")?.properties["EventPattern"] ?? .null }

    @Test("the rule's pattern takes Medium and High findings, not Low ones or other events")
    func severities() {
        let pattern = rulePattern
        #expect(EventPattern.matches(pattern, event: findingEvent(severity: "High", score: 3)))
        #expect(EventPattern.matches(pattern, event: findingEvent(severity: "Medium", score: 2)))
        #expect(!EventPattern.matches(pattern, event: findingEvent(severity: "Low", score: 1)))
        #expect(!EventPattern.matches(pattern, event: findingEvent(severity: "High", score: 3, source: "aws.guardduty")))
        #expect(!EventPattern.matches(pattern, event: findingEvent(severity: "High", score: 3, detailType: "Macie Classification Job Status Change")))
    }

    @Test("the minimum severity is typed: High alone")
    func minimumSeverity() throws {
        var stack = MacieDynamoDBStack()
        stack.findingsAlerts = FindingsAlerts(minimumSeverity: .high)
        let pattern = try Template(synthesizing: stack).resource("MacieFindingsRule")?.properties["EventPattern"] ?? .null
        #expect(EventPattern.matches(pattern, event: findingEvent(severity: "High", score: 3)))
        #expect(!EventPattern.matches(pattern, event: findingEvent(severity: "Medium", score: 2)))
    }

    @Test("the topic is encrypted with the stack's key; EventBridge may publish for this rule only, and use the key")
    func topicPolicyAndKey() {
        #expect(template.resource("MacieFindingsTopic")?.properties["KmsMasterKeyId"] == .getAtt("DynamoDBMacieKMSKey", "Arn"))
        let ruleARN = "arn:aws:events:us-east-1:123456789012:rule/stack-MacieFindingsRule"
        let events = Principal.service("events.amazonaws.com")
        #expect(template.allows(events, "sns:Publish", on: .topic("MacieFindingsTopic"), context: ["aws:SourceArn": ruleARN]))
        #expect(!template.allows(events, "sns:Publish", on: .topic("MacieFindingsTopic"), context: ["aws:SourceArn": "arn:aws:events:us-east-1:123456789012:rule/other"]))
        #expect(template.allows(events, "kms:GenerateDataKey", on: .key("DynamoDBMacieKMSKey")))
        #expect(!template.allows(.anyone, "sns:Publish", on: .topic("MacieFindingsTopic")))
    }

    @Test("the e-mail subscription exists only when an address is given")
    func emailSubscription() {
        let subscription = template.resource("MacieFindingsEmailSubscription")
        #expect(subscription?.condition == "HasFindingsEmail")
        #expect(template.conditions.first { $0.name == "HasFindingsEmail" }?.expression == .not(.equals(.ref("FindingsEmail"), "")))
        #expect(template.parameter("FindingsEmail")?.defaultValue == "")
    }

    @Test("EventBridge content filters: prefix, anything-but, exists, numeric")
    func contentFilters() {
        let event: Value = ["source": "aws.macie", "detail": ["severity": ["score": 3, "description": "High"], "type": "SensitiveData:S3Object/Personal"]]
        #expect(EventPattern.matches(["detail": ["type": [["prefix": "SensitiveData:"]]]], event: event))
        #expect(!EventPattern.matches(["detail": ["type": [["prefix": "Policy:"]]]], event: event))
        #expect(EventPattern.matches(["detail": ["severity": ["score": [["numeric": [">=", 2]]]]]], event: event))
        #expect(!EventPattern.matches(["detail": ["severity": ["score": [["numeric": [">", 3]]]]]], event: event))
        #expect(EventPattern.matches(["source": [["anything-but": ["aws.guardduty"]]]], event: event))
        #expect(EventPattern.matches(["detail": ["missing": [["exists": false]]]], event: event))
        #expect(!EventPattern.matches(["detail": ["missing": [["exists": true]]]], event: event))
    }
}
