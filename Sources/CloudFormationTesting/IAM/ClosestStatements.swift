import CloudFormation
import IAMPolicies

/// An Allow statement that bears on a request's principal, action or
/// resource but did not grant it, with what differs: the closest candidates
/// a failure message shows.
public struct CandidateStatement: Hashable, Sendable, CustomStringConvertible {
    public var statement: Decision.Statement
    /// The statement's actions and resources as written, `s3:GetObject on arn:…`.
    public var grants: String
    /// `the action differs`, `the resource differs`, `the principal differs`,
    /// `a condition decides`, joined; empty when all match but something else decided.
    public var differences: [String]

    public var description: String {
        "\(statement.effect.rawValue) \(grants) at \(statement.path) (\(statement.kind))"
            + (differences.isEmpty ? "" : ": " + differences.joined(separator: ", "))
    }
}

extension PolicyEvaluator {
    /// The Allow statements of the principal's identity policies and of the
    /// resource policies that come closest to allowing the request: most of
    /// action, resource and principal matching first, then template order.
    public func closestStatements(
        to principal: Principal, _ action: String, on resource: ResourceTarget, limit: Int = 3
    ) -> [CandidateStatement] {
        var notes = IAMNotes()
        let facts = facts(about: principal, notes: &notes)
        guard let arn = resolver.arn(for: resource).arn else { return [] }
        let requestedAction = IAMWildcard.request(action, lowercased: true)
        let requestedResource = IAMWildcard.request(arn, arn: true)
        var sources = policies.resourcePolicies
        if let role = facts.roleLogicalID, let own = policies.rolePolicies[role] { sources = own.policies + sources }

        var scored: [(score: Int, candidate: CandidateStatement)] = []
        for policy in sources {
            for statement in policy.statements {
                for prepared in statement.alternatives ?? [] where prepared.effect == .allow {
                    let actions = prepared.value["Action"] ?? prepared.value["NotAction"]
                    let resources = prepared.value["Resource"] ?? prepared.value["NotResource"]
                    var differences: [String] = []
                    if !Self.element(prepared.actions, covers: requestedAction, arn: false) { differences.append("the action differs") }
                    // Without Resource, a resource-policy statement is about what its policy is attached to.
                    let resourceMatches = prepared.resources != nil
                        ? Self.element(prepared.resources, covers: requestedResource, arn: true)
                        : policy.attachedTo.contains { target in
                            target.scalarText.flatMap { IAMWildcard.pattern($0, arn: true) }?.covers(requestedResource) ?? false
                        }
                    if !resourceMatches { differences.append("the resource differs") }
                    if policy.kind.isResourcePolicy, !Self.names(prepared, facts) { differences.append("the principal differs") }
                    if differences.isEmpty, prepared.condition != nil { differences.append("a condition decides") }
                    guard differences.count < 3 else { continue }
                    let grants = "\(actions.map(Self.text) ?? "(no action)") on \(resources.map(Self.text) ?? "what it is attached to")"
                    let reference = Decision.Statement(
                        effect: .allow, kind: policy.kind, logicalID: policy.logicalID, path: statement.path,
                        isCertain: statement.presence == .yes)
                    scored.append((differences.count, CandidateStatement(statement: reference, grants: grants, differences: differences)))
                    break
                }
            }
        }
        return scored.enumerated().sorted { ($0.element.score, $0.offset) < ($1.element.score, $1.offset) }
            .prefix(limit).map(\.element.candidate)
    }

    private static func element(_ element: PreparedStatement.Element?, covers requested: IAMWildcard, arn: Bool) -> Bool {
        guard let element else { return false }
        let matched = element.entries.contains { entry in
            if case .pattern(let pattern) = entry { return pattern.covers(requested) }
            return false
        }
        return matched != element.negated
    }

    /// Whether a resource-policy statement's principal names the request's principal (or everyone).
    private static func names(_ statement: PreparedStatement, _ facts: PrincipalFacts) -> Bool {
        guard let principal = statement.principal else { return statement.notPrincipal != nil }
        if principal == .string("*") { return true }
        guard case .object(let entries) = principal else { return false }
        let own = [facts.arn, facts.service, facts.account, facts.account.map { "arn:aws:iam::\($0):root" }].compactMap { $0 }
        return entries.contains { entry in entry.value.listItems.contains { $0.scalarText == "*" || own.contains($0.scalarText ?? "") } }
    }

    /// A policy element on one line: `s3:GetObject` or `[s3:GetObject, s3:PutObject]`.
    private static func text(_ value: SymbolicValue) -> String {
        let items = value.listItems.map(\.description)
        return items.count == 1 ? items[0] : "[" + items.joined(separator: ", ") + "]"
    }
}
