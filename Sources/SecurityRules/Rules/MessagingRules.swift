import CloudFormation

/// Queues and topics: TLS only, and a queue's failures kept.
enum MessagingRules {
    static let all: [SecurityRule] = [
        SecurityRule(
            "SQS-TLS", .error, types: ["AWS::SQS::Queue"],
            title: "Queue policies deny every request made without TLS.",
            reason: "SQS accepts plain HTTP; a Deny on aws:SecureTransport false keeps messages encrypted in transit whatever the client does.",
            fix: "add a queue policy statement: Effect Deny, Principal *, Action sqs:*, Condition Bool aws:SecureTransport false (Queue's enforceTLS)"
        ) { resource, context in
            denyWithoutTLS(resource, context, action: "sqs:SendMessage", policy: "queue policy")
        },
        SecurityRule(
            "SNS-TLS", .error, types: ["AWS::SNS::Topic"],
            title: "Topic policies deny publishing without TLS.",
            reason: "SNS accepts plain HTTP; a Deny on aws:SecureTransport false keeps messages encrypted in transit whatever the publisher does.",
            fix: "add a topic policy statement: Effect Deny, Principal *, Action sns:Publish, Condition Bool aws:SecureTransport false"
        ) { resource, context in
            denyWithoutTLS(resource, context, action: "sns:Publish", policy: "topic policy")
        },
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

    private static func denyWithoutTLS(_ resource: Resource, _ context: RuleContext, action: String, policy: String) -> [RuleViolation] {
        let statements = context.resourcePolicyStatements[resource.logicalID] ?? []
        if statements.contains(where: { $0.isDeny && $0.isAnyPrincipal && $0.isWithoutTLSCondition && $0.covers(action) }) { return [] }
        return [RuleViolation([], statements.isEmpty ? "no \(policy) names it" : "no \(policy) statement denies \(action) without TLS")]
    }
}
