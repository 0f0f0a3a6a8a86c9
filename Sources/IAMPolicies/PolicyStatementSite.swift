import CloudFormation

/// A policy statement found in a template: the statement as written, where
/// it is, which policy holds it and the template conditions it exists under.
public struct PolicyStatementSite: Sendable {
    /// The statement object, as the template writes it (a statement-properties
    /// resource's statement as `StatementProperties` writes it).
    public var statement: Value
    public var path: TemplatePath
    public var policy: FoundPolicy
    /// The holder's `Condition` and each `Fn::If` branch around the statement.
    public var conditions: [ConditionBranch]

    public init(statement: Value, path: TemplatePath, policy: FoundPolicy, conditions: [ConditionBranch]) {
        self.statement = statement
        self.path = path
        self.policy = policy
        self.conditions = conditions
    }
}

/// A template condition that holds, or does not.
public struct ConditionBranch: Hashable, Sendable {
    public var name: String
    public var holds: Bool

    public init(_ name: String, holds: Bool) {
        self.name = name
        self.holds = holds
    }
}

/// A policy of a template: its kind, the resource that holds it and whom or
/// what it is attached to.
public struct FoundPolicy: Sendable {
    public var kind: PolicyKind
    /// The resource that holds the policy.
    public var logicalID: String
    /// Where the document is written; a statement-properties resource's `Properties`.
    public var path: TemplatePath
    /// For identity policies: the identities it is attached to.
    public var identities: [AttachedIdentity]
    /// For resource policies: the values that name what it governs (the
    /// holder's `Ref` when it governs its holder).
    public var governed: [Value]

    public init(kind: PolicyKind, logicalID: String, path: TemplatePath, identities: [AttachedIdentity], governed: [Value]) {
        self.kind = kind
        self.logicalID = logicalID
        self.path = path
        self.identities = identities
        self.governed = governed
    }
}

/// An identity an identity policy is attached to: `role` and `!Ref ExportRole`.
public struct AttachedIdentity: Hashable, Sendable {
    /// `role`, `user`, `group`, or `policy` for a policy attached to nothing the template shows.
    public var kind: String
    public var name: Value

    public init(kind: String, name: Value) {
        self.kind = kind
        self.name = name
    }
}

/// A policy an identity refers to whose statements are not in the template:
/// an AWS managed policy by ARN, a SAM managed policy name or policy template.
public struct OutsidePolicy: Sendable {
    public var identity: AttachedIdentity
    public var reference: Value
    public var path: TemplatePath
    public var conditions: [ConditionBranch]
}
