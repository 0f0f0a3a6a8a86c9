import AWSConstructs
import AWSResources
import CloudFormation

/// Macie findings sent to an encrypted SNS topic by an EventBridge rule, with
/// an optional e-mail subscription chosen at deployment: the automation the
/// walkthrough suggests ("further") after reading findings by hand.
public struct FindingsAlerts: Sendable {
    /// Macie's severities, lowest first.
    public enum Severity: Int, CaseIterable, Sendable {
        case low = 1, medium, high

        var description: String {
            switch self {
            case .low: "Low"
            case .medium: "Medium"
            case .high: "High"
            }
        }
    }

    /// Findings of this severity and above are sent.
    public var minimumSeverity: Severity

    public init(minimumSeverity: Severity = .medium) {
        self.minimumSeverity = minimumSeverity
    }

    /// The rule's event pattern: Macie findings at or above the minimum severity.
    public var eventPattern: Value {
        let severities = Severity.allCases.filter { $0.rawValue >= minimumSeverity.rawValue }.map { Value.string($0.description) }
        return [
            "source": ["aws.macie"],
            "detail-type": ["Macie Finding"],
            "detail": ["severity": ["description": .list(severities)]],
        ]
    }

    func add(to stack: Stack, key: Key) {
        let email = stack.add(TypedParameter.string(
            "FindingsEmail",
            description: "An e-mail address to receive Macie findings (confirm the subscription AWS sends); empty for none.",
            default: "", allowedPattern: "^$|^[^@\\s]+@[^@\\s]+$",
            constraintDescription: "an e-mail address, or nothing"))
        let hasEmail = stack.add(Condition("HasFindingsEmail", .not(.equals(email.ref, ""))))

        let topic = stack.add(Topic("MacieFindingsTopic", displayName: "Macie findings", key: key))
        let rule = stack.add(Rule(
            "MacieFindingsRule", description: .literal("Sends Macie findings of \(minimumSeverity.description) severity and above to the findings topic."),
            trigger: .eventPattern(eventPattern)))
        rule.addTarget(topic)
        stack.add(SNS.Subscription(
            "MacieFindingsEmailSubscription", endpoint: email.ref, protocol: "email", topicArn: .to(topic),
            attributes: ResourceAttributes(condition: hasEmail)))
        stack.output("MacieFindingsTopicArn", topic.arn, description: "SNS topic that receives Macie findings")
    }
}
