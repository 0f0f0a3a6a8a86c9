import CloudFormation
import Testing

// IAM questions as assertions: each records a Swift Testing issue at the
// caller's line when the answer is not the expected one, with a message of a
// few lines — the question, the decision, the statements that decided it
// (with their template paths) and, for a request that was expected to be
// allowed, the closest statements and what differs in each — never the whole
// template.
//
//     template.expectAllowed(.role("ExportRole"), "dynamodb:Scan", on: .table("people-macie"))
//     template.expectMayNot(.anyone, "s3:GetObject", on: .objects(inBucket: "ExportBucket"))
extension Template {
    /// Records an issue unless the template's policies certainly allow the request.
    @discardableResult
    public func expectAllowed(
        _ principal: Principal, _ action: String, on resource: ResourceTarget, context: RequestContext = RequestContext(),
        evaluationContext: EvaluationContext = EvaluationContext(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> Decision {
        let (decision, failure) = iam(evaluationContext).expectingAllowed(principal, action, on: resource, context: context)
        if let failure { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
        return decision
    }

    /// Records an issue unless the request is denied however what the template
    /// leaves open goes (`Decision.mightBeAllowed` is false).
    @discardableResult
    public func expectMayNot(
        _ principal: Principal, _ action: String, on resource: ResourceTarget, context: RequestContext = RequestContext(),
        evaluationContext: EvaluationContext = EvaluationContext(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> Decision {
        let (decision, failure) = iam(evaluationContext).expectingDenied(principal, action, on: resource, context: context)
        if let failure { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
        return decision
    }

    /// Records an issue when `principal` has permissions (certainly or
    /// possibly) beyond `expected`, listing them with the statements that grant them.
    @discardableResult
    public func expectPermissions(
        of principal: Principal, within expected: [EffectivePermissions.Permission], context: RequestContext = RequestContext(),
        evaluationContext: EvaluationContext = EvaluationContext(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> EffectivePermissions {
        let (permissions, failure) = iam(evaluationContext).expectingPermissions(of: principal, within: expected, context: context)
        if let failure { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
        return permissions
    }
}

extension PolicyEvaluator {
    /// The decision, and the failure message when it is not allowed.
    func expectingAllowed(_ principal: Principal, _ action: String, on resource: ResourceTarget, context: RequestContext)
        -> (Decision, String?)
    {
        let decision = allows(principal, action, on: resource, context: context)
        guard !decision.isAllowed else { return (decision, nil) }
        return (decision, IAMFailureMessage.text(
            expectation: "expected \(principal) to be allowed \(action) on \(decision.resourceText)", decision: decision,
            candidates: closestStatements(to: principal, action, on: resource)))
    }

    /// The decision, and the failure message when it might be allowed.
    func expectingDenied(_ principal: Principal, _ action: String, on resource: ResourceTarget, context: RequestContext)
        -> (Decision, String?)
    {
        let decision = allows(principal, action, on: resource, context: context)
        guard decision.mightBeAllowed else { return (decision, nil) }
        return (decision, IAMFailureMessage.text(
            expectation: "expected \(principal) may not \(action) on \(decision.resourceText)", decision: decision, candidates: []))
    }

    /// The effective permissions, and the failure message when some are beyond `expected`.
    func expectingPermissions(of principal: Principal, within expected: [EffectivePermissions.Permission], context: RequestContext)
        -> (EffectivePermissions, String?)
    {
        let permissions = effectivePermissions(of: principal, context: context)
        let listed = Set(expected.map { EffectivePermissions.Permission($0.action.lowercased(), on: $0.resource) })
        let beyond = (permissions.allowed + permissions.possiblyAllowed).filter { !listed.contains($0) }
        guard !beyond.isEmpty else { return (permissions, nil) }
        let limit = IAMFailureMessage.listLimit
        var lines = ["expected \(principal) to have no permissions beyond the \(expected.count) listed; it has \(beyond.count) more:"]
        for permission in beyond.prefix(limit) {
            let decision = allows(principal, permission.action, on: .arn(permission.resource), context: context)
            lines.append("  \(permission): \(decision.outcome.rawValue)" + (decision.isAllowed ? "" : " (might be allowed)"))
            lines += decision.statements.prefix(limit).map { "    by \($0)" }
        }
        if beyond.count > limit { lines.append("  … and \(beyond.count - limit) more") }
        return (permissions, lines.joined(separator: "\n"))
    }
}

/// The few lines an IAM assertion's failure shows.
enum IAMFailureMessage {
    /// How many statements, candidates or notes a message lists at most.
    static let listLimit = 5

    static func text(expectation: String, decision: Decision, candidates: [CandidateStatement]) -> String {
        var lines = [expectation, "decision: \(decision.outcome.rawValue)" + (decision.isAllowed || !decision.mightBeAllowed ? "" : " (might be allowed)")]
        if decision.statements.isEmpty {
            lines.append("deciding statements: none")
        } else {
            lines.append("deciding statements:")
            lines += decision.statements.prefix(listLimit).map { "  \($0)" }
        }
        if !candidates.isEmpty {
            lines.append("closest statements:")
            lines += candidates.prefix(listLimit).map { "  \($0)" }
        }
        lines += decision.notes.prefix(listLimit).map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension Decision {
    var resourceText: String { resource.isEmpty ? "(unresolved)" : resource }
}

/// A template in a failed `#expect` shows as its size, not its every resource.
extension Template: CustomTestStringConvertible {
    public var testDescription: String {
        "template with \(resources.count) resource\(resources.count == 1 ? "" : "s")"
    }
}
