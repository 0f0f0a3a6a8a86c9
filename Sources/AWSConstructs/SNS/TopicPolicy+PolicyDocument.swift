import AWSResources
import CloudFormation
import IAMPolicies

extension SNS.TopicPolicy {
    /// A topic policy from a typed policy document.
    public init(_ logicalID: String, policy: PolicyDocument, topics: TemplateExpression<[String]>, attributes: ResourceAttributes = ResourceAttributes()) {
        self.init(logicalID, policyDocument: policy.templateValue, topics: topics, attributes: attributes)
    }
}
