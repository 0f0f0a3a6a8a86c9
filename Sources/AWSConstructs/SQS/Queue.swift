import AWSResources
import CloudFormation
import IAMPolicies

/// An SQS queue encrypted with a customer-managed key, with a queue policy
/// that denies requests without TLS (`enforceTLS`).
///
/// `DeletionPolicy` `Delete`: a queue holds messages in flight, not records.
public final class Queue: ResourceDeclaration {
    public let logicalID: String
    public var name: TemplateExpression<String>?
    public var key: Key
    /// How long messages are kept, in seconds (60 to 1,209,600); written
    /// explicitly, since the default of 4 days silently drops older messages.
    public var retentionPeriod: Int
    public var visibilityTimeout: Int?
    public var enforceTLS = true
    /// Where messages go after `maxReceiveCount` failed receives; `nil` for
    /// a queue that is itself a dead-letter queue.
    public var deadLetters: (queue: Queue, maxReceiveCount: Int)?

    public init(_ logicalID: String, name: TemplateExpression<String>? = nil, key: Key, retentionPeriod: Int = 1_209_600, visibilityTimeout: Int? = nil) {
        self.logicalID = logicalID
        self.name = name
        self.key = key
        self.retentionPeriod = retentionPeriod
        self.visibilityTimeout = visibilityTimeout
    }

    /// `Ref`: the queue URL.
    public var url: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }
    public var arn: ARN<SQSQueueARN> { ARN(unchecked: .getAtt(logicalID, "Arn")) }
    public var policyLogicalID: String { logicalID + "Policy" }

    /// `sqs:SendMessage`, and `kms:GenerateDataKey` and `kms:Decrypt` through SQS.
    public func grantSend(to grantee: Grantee) {
        grantee.role.addToPolicy(.allow([.sendMessage], on: [arn]))
        key.grant(to: grantee, [.decrypt, .generateDataKey], viaService: "sqs")
    }

    public func declaredResources() -> [Resource] {
        let queue = SQS.Queue(
            logicalID, kmsMasterKeyId: .arn(key.arn),
            messageRetentionPeriod: .literal(retentionPeriod), queueName: name,
            redrivePolicy: deadLetters.map { .redrive(to: $0.queue.arn, maxReceiveCount: .integer($0.maxReceiveCount)) },
            visibilityTimeout: visibilityTimeout.map { .literal($0) },
            attributes: ResourceAttributes(deletionPolicy: .delete, updateReplacePolicy: .delete)
        ).declaredResources()
        guard enforceTLS else { return queue }
        let policy = PolicyDocument([PolicyDocument.Statement(
            sid: "DenyRequestsWithoutTLS", effect: .deny, principal: .anyone, actions: ["sqs:*"], resources: [arn],
            conditions: Conditions.insecureTransport)])
        return queue + SQS.QueuePolicy(policyLogicalID, policy: policy, queues: [url]).declaredResources()
    }
}
