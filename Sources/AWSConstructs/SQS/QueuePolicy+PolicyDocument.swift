import AWSResources
import CloudFormation
import IAMPolicies

extension SQS.QueuePolicy {
    /// A queue policy from a typed policy document.
    public init(_ logicalID: String, policy: PolicyDocument, queues: TemplateExpression<[String]>, attributes: ResourceAttributes = ResourceAttributes()) {
        self.init(logicalID, policyDocument: policy.templateValue, queues: queues, attributes: attributes)
    }
}
