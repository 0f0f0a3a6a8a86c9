import CloudFormation

/// IAM questions asked of a template directly, evaluated in the default
/// `EvaluationContext` (partition `aws`, `us-east-1`, account
/// `123456789012`, stack `stack`). For another context, or many questions
/// about one template, make a `PolicyEvaluator` once: `template.iam(context)`.
///
/// ```swift
/// let t = try Template(synthesizing: MacieDynamoDBStack())
/// let role = try t.role(of: "ExportDynamoDBDataToS3")
/// #expect(t.allows(role, "dynamodb:Scan", on: .table("people-macie")))
/// #expect(!t.allows(role, "dynamodb:PutItem", on: .table("people-macie")))
/// ```
extension Template {
    /// The template's policy evaluator for `context`.
    public func iam(_ context: EvaluationContext = EvaluationContext()) -> PolicyEvaluator {
        PolicyEvaluator(self, context: context)
    }

    /// The role a Lambda function runs as (its `Role` property): a template
    /// role, or `.arn(...)` for one outside the template. Throws when the
    /// function does not exist or its role cannot be resolved, so a typo
    /// cannot make a "may not" check pass.
    public func role(of functionLogicalID: String) throws -> Principal {
        try iam().role(of: functionLogicalID)
    }

    /// Whether the template's policies certainly allow the request (see
    /// `Decision.isAllowed`); `decision(_:_:on:context:)` says why.
    public func allows(
        _ principal: Principal, _ action: String, on resource: ResourceTarget, context: RequestContext = RequestContext()
    ) -> Bool {
        decision(principal, action, on: resource, context: context).isAllowed
    }

    /// The full decision on a request: outcome, statements, notes.
    public func decision(
        _ principal: Principal, _ action: String, on resource: ResourceTarget, context: RequestContext = RequestContext()
    ) -> Decision {
        iam().allows(principal, action, on: resource, context: context)
    }

    /// What `principal` may do (see `EffectivePermissions`).
    public func effectivePermissions(of principal: Principal, context: RequestContext = RequestContext()) -> EffectivePermissions {
        iam().effectivePermissions(of: principal, context: context)
    }
}
