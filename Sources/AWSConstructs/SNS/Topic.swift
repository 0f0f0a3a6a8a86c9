import AWSResources
import CloudFormation
import IAMPolicies

/// An SNS topic encrypted with a customer-managed key, with a topic policy
/// that denies publishing without TLS.
public final class Topic: ResourceDeclaration {
    public let logicalID: String
    public var name: TemplateExpression<String>?
    public var displayName: TemplateExpression<String>?
    public var key: Key
    private var publishers: [(service: String, sourceArn: Value)] = []

    public init(_ logicalID: String, name: TemplateExpression<String>? = nil, displayName: TemplateExpression<String>? = nil, key: Key) {
        self.logicalID = logicalID
        self.name = name
        self.displayName = displayName
        self.key = key
    }

    /// `Ref`: the topic ARN.
    public var arn: ARN<SNSTopicARN> { ARN(unchecked: .ref(logicalID)) }
    /// `Ref`, the topic ARN, where a generated property takes a string.
    public var ref: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }
    public var policyLogicalID: String { logicalID + "Policy" }

    /// `sns:Publish`, and `kms:GenerateDataKey` and `kms:Decrypt` through SNS.
    public func grantPublish(to grantee: Grantee) {
        grantee.role.addToPolicy(.allow([.publish], on: [arn]))
        key.grant(to: grantee, [.decrypt, .generateDataKey], viaService: "sns")
    }

    /// Lets an AWS service publish on behalf of one source (`aws:SourceArn`),
    /// and lets it use the topic's key to do so.
    public func allowPublish(byService service: String, sourceArn: Value) {
        publishers.append((service, sourceArn))
        let sid = "\(service.split(separator: ".").first.map(String.init)?.capitalized ?? "Service")PublishesTo\(logicalID)"
        key.allow(.service(service), [.decrypt, .generateDataKey], sid: sid)
    }

    public func declaredResources() -> [Resource] {
        let topic = SNS.Topic(logicalID, displayName: displayName, kmsMasterKeyId: .arn(key.arn), topicName: name)
        var statements = [PolicyDocument.Statement(
            sid: "DenyPublishWithoutTLS", effect: .deny, principal: .anyone, actions: ["sns:Publish"], resources: [arn],
            conditions: Conditions.insecureTransport)]
        for (index, publisher) in publishers.enumerated() {
            statements.append(PolicyDocument.Statement(
                sid: "ServicePublishes\(index + 1)", effect: .allow, principal: .service(.string(publisher.service)),
                actions: ["sns:Publish"], resources: [arn],
                conditions: ["ArnEquals": ["aws:SourceArn": publisher.sourceArn]]))
        }
        let policy = SNS.TopicPolicy(
            policyLogicalID,
            policy: PolicyDocument(statements),
            topics: [ref])
        return topic.declaredResources() + policy.declaredResources()
    }
}
