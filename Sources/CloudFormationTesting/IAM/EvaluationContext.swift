/// Where a template is imagined to be deployed, for IAM evaluation: what
/// the pseudo parameters return, what physical names CloudFormation would
/// generate, and which way the decisions of deployment go.
///
/// ```swift
/// let iam = PolicyEvaluator(template, context: EvaluationContext(region: "eu-west-1", stackName: "Macie"))
/// ```
///
/// **Physical names.** Where the template sets a resource's name property
/// (`BucketName`, `TableName`, `RoleName`, `FunctionName`, `QueueName`,
/// `TopicName`, `LogGroupName`, `ManagedPolicyName`, `AlarmName`, `Name` of an
/// `AWS::Events::Rule`, `AliasName`), that name is used. Otherwise CloudFormation
/// would generate one with a random suffix; the evaluator uses the stand-in
/// `<stackName>-<LogicalID>` instead, so every run gives the same ARNs:
/// lowercased for S3 buckets (bucket names are lowercase), with `.fifo` appended
/// for FIFO queues and topics. KMS key IDs, Macie IDs and the IDs of policy
/// resources get the same stand-in; a DynamoDB stream's label is
/// `1970-01-01T00:00:00.000`.
public struct EvaluationContext: Hashable, Sendable {
    /// `AWS::Partition`: `aws`, `aws-cn`, `aws-us-gov`.
    public var partition: String
    /// `AWS::Region`.
    public var region: String
    /// `AWS::AccountId`: the account the stack, its roles and resources are in.
    public var accountID: String
    /// `AWS::StackName`, also the first part of the stand-in physical names.
    public var stackName: String
    /// Values for the template's parameters by logical ID. A parameter not
    /// listed takes its default; one without a default cannot be resolved.
    public var parameterValues: [String: String]
    /// Which way named conditions (`Conditions:`) go. A condition not listed
    /// is undecided: `Fn::If` on it stands for either branch, and a resource
    /// with that `Condition` may or may not exist.
    public var conditionValues: [String: Bool]

    public init(
        partition: String = "aws",
        region: String = "us-east-1",
        accountID: String = "123456789012",
        stackName: String = "stack",
        parameterValues: [String: String] = [:],
        conditionValues: [String: Bool] = [:]
    ) {
        self.partition = partition
        self.region = region
        self.accountID = accountID
        self.stackName = stackName
        self.parameterValues = parameterValues
        self.conditionValues = conditionValues
    }

    /// `AWS::URLSuffix`: `amazonaws.com`, or `amazonaws.com.cn` in the China partition.
    public var urlSuffix: String { partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com" }

    /// The ARN of the account's root principal, `arn:aws:iam::123456789012:root`.
    public var accountRootARN: String { "arn:\(partition):iam::\(accountID):root" }

    /// The stand-in physical name of a resource whose template sets none.
    public func standInName(for logicalID: String) -> String { "\(stackName)-\(logicalID)" }
}
