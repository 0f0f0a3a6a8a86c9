/// One place CloudFormation holds IAM policy statements: a resource type and
/// the property path of a policy document (`AWS::IAM::Role`
/// `Policies/*/PolicyDocument`), or a resource whose properties are one
/// statement (`AWS::Lambda::Permission`).
///
/// The catalog of every kind is `PolicyKind.all`; a test walks the resource
/// schemas in the cfn-lint package and fails on a policy property it neither
/// lists nor excludes with a reason.
public struct PolicyKind: Hashable, Sendable, CustomStringConvertible {
    /// Whom a policy speaks for.
    public enum Side: String, Hashable, Sendable {
        /// Attached to roles, users or groups: what they may do.
        case identity
        /// A role's trust policy: who may assume it.
        case trust
        /// Attached to a resource and names its principals.
        case resource
        /// Limits what identity policies grant (a permissions boundary, a session policy).
        case limit
    }

    /// Where the document sits in the resource's `Properties`.
    public enum Location: Hashable, Sendable {
        /// A policy document; `*` stands for every item of a list.
        case document([String])
        /// The properties are one statement (`AWS::Lambda::Permission`); see `StatementProperties`.
        case statementProperties
        /// SAM's `Policies`: managed policy names, SAM policy templates and inline documents.
        case samPolicies
    }

    /// Whom an identity policy is attached to, or what a resource policy governs.
    public enum Attachment: Hashable, Sendable {
        /// The resource that holds the policy (a role's own inline policy, a key's key policy).
        case holder
        /// The identities named by these properties, each of one kind (`Roles`: role).
        case identities([IdentityProperty])
        /// The role SAM creates for a function or state machine: `<LogicalID>Role`.
        case samRole
        /// The resources named by a property (`Bucket` of a bucket policy), written as `form`.
        case resources(property: String, form: ResourceForm)
        /// Nothing the template says (an account-wide policy).
        case none
    }

    /// How a resource policy's property names the resources it governs.
    public enum ResourceForm: String, Hashable, Sendable {
        case arn
        case bucketName
        case queueURL
        case functionName
        case eventBusName
        case other
    }

    public struct IdentityProperty: Hashable, Sendable {
        public var property: String
        /// `role`, `user` or `group`.
        public var identity: String

        public init(_ property: String, _ identity: String) {
            self.property = property
            self.identity = identity
        }
    }

    public let resourceType: String
    public let location: Location
    public let side: Side
    public let attachment: Attachment
    /// What a statement means by `Resource: "*"` or no resource at all: its
    /// holder (a key policy's `*` is its own key; a trust policy names no resource).
    public let resourceIsHolder: Bool
    /// A short name for messages: `AWS::S3::BucketPolicy`, `key policy`.
    public let name: String

    public init(
        _ resourceType: String, _ location: Location, side: Side, attachment: Attachment,
        resourceIsHolder: Bool = false, name: String? = nil
    ) {
        self.resourceType = resourceType
        self.location = location
        self.side = side
        self.attachment = attachment
        self.resourceIsHolder = resourceIsHolder
        if let name {
            self.name = name
        } else if case .document(let path) = location, path != ["PolicyDocument"] {
            self.name = "\(resourceType) \(path.joined(separator: "."))"
        } else {
            self.name = resourceType
        }
    }

    public var description: String { name }

    /// Whether the policy is attached to a resource and names principals.
    public var isResourcePolicy: Bool { side == .resource || side == .trust }
}
