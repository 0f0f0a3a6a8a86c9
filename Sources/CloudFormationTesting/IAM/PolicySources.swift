import CloudFormation

/// Where a policy statement comes from, which decides how it counts: identity
/// policies speak for their role, resource policies for their resource and
/// name their principals.
public enum PolicyKind: String, Hashable, Sendable, CustomStringConvertible {
    /// An entry of a role's `Policies`.
    case inlineRolePolicy = "inline policy"
    /// An `AWS::IAM::Policy` whose `Roles` lists the role.
    case policy = "AWS::IAM::Policy"
    /// An `AWS::IAM::ManagedPolicy` of the template, attached through its
    /// `Roles` or the role's `ManagedPolicyArns`.
    case managedPolicy = "AWS::IAM::ManagedPolicy"
    /// A role's `PermissionsBoundary`: limits what identity policies grant.
    case permissionsBoundary = "permissions boundary"
    /// A role's `AssumeRolePolicyDocument`: the resource policy of the role.
    case trustPolicy = "trust policy"
    case bucketPolicy = "AWS::S3::BucketPolicy"
    /// An `AWS::KMS::Key`'s `KeyPolicy`.
    case keyPolicy = "key policy"
    /// The policy KMS gives a key created without `KeyPolicy`: the account
    /// (its root, and through it IAM policies) may do `kms:*`.
    case defaultKeyPolicy = "default key policy"
    /// An `AWS::Lambda::Permission`: one Allow on its function.
    case lambdaPermission = "AWS::Lambda::Permission"
    case queuePolicy = "AWS::SQS::QueuePolicy"
    case topicPolicy = "AWS::SNS::TopicPolicy"

    public var description: String { rawValue }

    /// Whether the policy is attached to a resource and names principals.
    public var isResourcePolicy: Bool {
        switch self {
        case .inlineRolePolicy, .policy, .managedPolicy, .permissionsBoundary: false
        case .trustPolicy, .bucketPolicy, .keyPolicy, .defaultKeyPolicy, .lambdaPermission, .queuePolicy, .topicPolicy: true
        }
    }
}

/// A policy document found in the template, with its statements resolved.
struct CollectedPolicy: Sendable {
    var kind: PolicyKind
    /// The resource that holds the document.
    var logicalID: String
    var statements: [CollectedStatement]
    /// For a resource policy, the ARNs (or ARN patterns, such as a bucket's
    /// `arn:aws:s3:::name/*`) of what it is attached to.
    var attachedTo: [SymbolicValue] = []
    /// Whether the policy exists: unknown for a resource whose `Condition`
    /// the context leaves undecided.
    var presence: IAMTernary = .yes
}

/// One statement, still symbolic (it may hold `Fn::If` alternatives).
struct CollectedStatement: Sendable {
    let value: SymbolicValue
    let path: TemplatePath
    /// Unknown for a statement that only one branch of an `Fn::If` has.
    let presence: IAMTernary
    /// Every alternative the statement could be, prepared for matching;
    /// `nil` when there are too many to evaluate.
    let alternatives: [PreparedStatement]?

    init(value: SymbolicValue, path: TemplatePath, presence: IAMTernary) {
        self.value = value
        self.path = path
        self.presence = presence
        alternatives = value.alternatives()?.map(PreparedStatement.init)
    }
}

extension CollectedStatement {
    /// The statements of a policy document, in order. A document or list
    /// that `Fn::If` makes one of several gives the statements of every
    /// branch, each present only maybe.
    static func statements(inDocument document: SymbolicValue, at path: TemplatePath, presence: IAMTernary = .yes)
        -> [CollectedStatement]
    {
        switch document {
        case .either(let options):
            return options.flatMap { statements(inDocument: $0, at: path, presence: presence && .unknown) }
        case .object:
            guard let statement = document["Statement"] else { return [] }
            return items(statement, at: path.appending("Statement"), presence: presence)
        case .absent:
            return []
        default:
            return [CollectedStatement(value: document, path: path, presence: presence)]
        }
    }

    private static func items(_ value: SymbolicValue, at path: TemplatePath, presence: IAMTernary) -> [CollectedStatement] {
        switch value {
        case .list(let entries):
            return entries.enumerated().flatMap { index, entry in
                items(entry, at: path.appending(index: index), presence: presence)
            }
        case .either(let options):
            return options.flatMap { items($0, at: path, presence: presence && .unknown) }
        case .absent:
            return []
        default:
            return [CollectedStatement(value: value, path: path, presence: presence)]
        }
    }
}
