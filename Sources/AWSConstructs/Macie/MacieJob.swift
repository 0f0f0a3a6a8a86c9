import AWSResources
import CloudFormation
import SecurityRules

/// A Macie discovery job deployed with the stack: a custom resource
/// (`Custom::MacieClassificationJob`) whose function creates the job through
/// the macie2 API, creates a new one and cancels the old on update (a job
/// cannot be changed), and cancels it on delete. The handler always answers
/// CloudFormation, so a failure fails the stack instead of hanging it.
public final class MacieJob: ResourceDeclaration {
    public struct InvalidJob: Error, CustomStringConvertible {
        public var logicalID: String
        public var problems: [String]
        public var description: String {
            "the Macie job \(logicalID) is not valid: " + problems.joined(separator: "; ")
        }
    }

    public let logicalID: String
    public let job: ClassificationJob
    /// The function behind the custom resource.
    public let manager: Function
    /// Created only when this condition holds.
    public var condition: String?

    /// - Parameters:
    ///   - logicalID: the custom resource's logical ID; its function's is this followed by `Manager`.
    ///   - job: the discovery job the custom resource creates.
    ///   - handler: the custom-resource handler's code.
    ///   - key: the key that encrypts the function's logs, environment and dead letters.
    ///   - condition: a condition of the template that decides whether the job is created.
    /// - Throws: `InvalidJob` when the job breaks Macie's rules.
    public init(_ logicalID: String, job: ClassificationJob, handler: Function.Code, key: Key, condition: String? = nil) throws {
        guard job.problems.isEmpty else { throw InvalidJob(logicalID: logicalID, problems: job.problems) }
        self.logicalID = logicalID
        self.job = job
        self.condition = condition
        manager = Function(
            logicalID + "Manager", description: "Creates, replaces and cancels the stack's Macie job (custom resource).",
            // Long enough for botocore's own timeouts and retries on a slow macie2 call:
            // the handler must still be running to answer CloudFormation.
            code: handler, timeout: 300, key: key)
        // Job IDs are made by Macie, so the grant names this account's jobs in this Region.
        let jobs = ARN<MacieClassificationJobARN>(unchecked: .sub("arn:${AWS::Partition}:macie2:${AWS::Region}:${AWS::AccountId}:classification-job/*"))
        manager.role.addToPolicy(.allow([.createClassificationJob, .describeClassificationJob, .updateClassificationJob], on: [jobs]))
        manager.role.suppressions.append(RuleSuppression(
            "IAM-WILDCARD-RESOURCE",
            because: "Macie makes the job IDs when the function creates the jobs; the grant is limited to this account's jobs in this Region."))
    }

    /// `Ref`: the job ID.
    public var jobID: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }

    public func declaredResources() -> [Resource] {
        manager.declaredResources() + [Resource(
            logicalID, type: "Custom::MacieClassificationJob",
            properties: ["ServiceToken": manager.arn.templateValue, "JobDefinition": job.request()],
            condition: condition)]
    }
}
