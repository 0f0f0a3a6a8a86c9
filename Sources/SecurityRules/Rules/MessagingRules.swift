import CloudFormation

/// Queues and topics: TLS only, and a queue's failures kept.
enum MessagingRules {
    static let all: [SecurityRule] = [
        denyWithoutTLS(
            "SQS-TLS", type: "AWS::SQS::Queue", action: "sqs:SendMessage", policy: "queue policy", what: "requests", deniedAction: "sqs:*",
            reason: "SQS accepts plain HTTP; a Deny on aws:SecureTransport false keeps messages encrypted in transit whatever the client does."),
        denyWithoutTLS(
            "SNS-TLS", type: "AWS::SNS::Topic", action: "sns:Publish", policy: "topic policy", what: "publishing", deniedAction: "sns:Publish",
            reason: "SNS accepts plain HTTP; a Deny on aws:SecureTransport false keeps messages encrypted in transit whatever the publisher does."),
        SecurityRule(
            "SQS-DLQ", .warning, types: ["AWS::SQS::Queue"],
            title: "Queues that are not themselves dead-letter queues have one (RedrivePolicy).",
            reason: "A message no consumer can process is otherwise received again and again until it expires, and is then lost.",
            fix: "set RedrivePolicy with deadLetterTargetArn and maxReceiveCount"
        ) { resource, context in
            if context.deadLetterTargets.contains(resource.logicalID) || resource.properties["RedrivePolicy"] != nil { return [] }
            return [RuleViolation(["Properties", "RedrivePolicy"], "the queue has no dead-letter queue and is not one")]
        },
    ]

    /// A rule requiring a policy statement of a queue or topic that denies
    /// `action` (or an action covering it) to anyone without TLS.
    private static func denyWithoutTLS(
        _ id: String, type: String, action: String, policy: String, what: String, deniedAction: String, reason: String
    ) -> SecurityRule {
        SecurityRule(
            id, .error, types: [type],
            title: "\(policy.prefix(1).uppercased() + policy.dropFirst())s deny \(what) made without TLS.",
            reason: reason,
            fix: "add a \(policy) statement: Effect Deny, Principal *, Action \(deniedAction), Condition Bool aws:SecureTransport false"
        ) { resource, context in
            let statements = context.resourcePolicyStatements[resource.logicalID] ?? []
            if statements.contains(where: { $0.isDeny && $0.isAnyPrincipal && $0.isWithoutTLSCondition && $0.covers(action) }) { return [] }
            return [RuleViolation([], statements.isEmpty ? "no \(policy) names it" : "no \(policy) statement denies \(action) without TLS")]
        }
    }
}
