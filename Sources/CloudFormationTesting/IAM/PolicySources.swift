import CloudFormation
import IAMPolicies

/// A policy of the template, its statements resolved for the evaluation context.
struct CollectedPolicy: Sendable {
    var kind: PolicyKind
    /// The resource that holds the document.
    var logicalID: String
    var statements: [ResolvedStatement]
    /// For a resource policy, the ARNs (or ARN patterns, such as a bucket's
    /// `arn:aws:s3:::name/*`) of what it is attached to.
    var attachedTo: [SymbolicValue] = []
    /// Whether the policy exists: unknown for a resource whose `Condition`
    /// the context leaves undecided.
    var presence: IAMTernary = .yes
}

/// One statement, still symbolic (it may hold `Fn::If` alternatives).
struct ResolvedStatement: Sendable {
    let value: SymbolicValue
    let path: TemplatePath
    /// Unknown for a statement that only one branch of an undecided `Fn::If` has.
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

extension EvaluationContext {
    /// Whether template conditions hold together: yes, no, or unknown where
    /// the context leaves one undecided.
    func presence(under conditions: [ConditionBranch]) -> IAMTernary {
        IAMTernary.all(conditions.map { branch in
            conditionValues[branch.name].map { IAMTernary($0 == branch.holds) } ?? .unknown
        })
    }
}
