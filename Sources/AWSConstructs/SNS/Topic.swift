import AWSResources
import CloudFormation

/// An SNS topic encrypted with a customer-managed key, with a topic policy
/// that denies publishing without TLS.
public final class Topic: ResourceDeclaration {
    public let logicalID: String
    public var name: Expression<String>?
    public var displayName: Expression<String>?
    public var key: Key

    public init(_ logicalID: String, name: Expression<String>? = nil, displayName: Expression<String>? = nil, key: Key) {
        self.logicalID = logicalID
        self.name = name
        self.displayName = displayName
        self.key = key
    }

    /// `Ref`: the topic ARN.
    public var arn: ARN<SNSTopicARN> { ARN(unchecked: .ref(logicalID)) }
    public var policyLogicalID: String { logicalID + "Policy" }

    /// `sns:Publish`, and `kms:GenerateDataKey` and `kms:Decrypt` through SNS.
    public func grantPublish(to grantee: Grantee) {
        grantee.role.addToPolicy(.allow([.publish], on: [arn]))
        key.grant(to: grantee, [.decrypt, .generateDataKey], viaService: "sns")
    }

    public func declaredResources() -> [Resource] {
        let topic = SNS.Topic(logicalID, displayName: displayName, kmsMasterKeyId: key.arn.templateValue.asString, topicName: name)
        let policy = SNS.TopicPolicy(
            policyLogicalID,
            policyDocument: [
                "Version": "2012-10-17",
                "Statement": [[
                    "Sid": "DenyPublishWithoutTLS",
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "sns:Publish",
                    "Resource": arn.templateValue,
                    "Condition": .object(Conditions.insecureTransport),
                ]],
            ],
            topics: [Expression(unchecked: arn.templateValue)])
        return topic.declaredResources() + policy.declaredResources()
    }
}
