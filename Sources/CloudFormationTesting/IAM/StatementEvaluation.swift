import CloudFormation
import IAMPolicies

/// What the evaluator knows about the principal of a request.
struct PrincipalFacts: Sendable {
    var principal: Principal
    /// The template role it is, if any: its identity policies are evaluated.
    var roleLogicalID: String?
    /// Its IAM ARN (a role's, the account root's), for `{"AWS": arn}`.
    var arn: String?
    /// The account of an IAM principal.
    var account: String?
    /// The service principal name of a service.
    var service: String?
    var isRoot: Bool = false
}

/// One request, in the form statements are matched against.
struct EvaluatedRequest: Sendable {
    var principal: PrincipalFacts
    var action: String
    var resource: String
    var context: RequestContext
    /// The action as a (lowercase) pattern: a request may name a set, `s3:Get*`.
    let actionPattern: IAMWildcard
    /// The resource as a pattern: a request may name a set, `bucket/*`.
    let resourcePattern: IAMWildcard

    init(principal: PrincipalFacts, action: String, resource: String, context: RequestContext) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.context = context
        actionPattern = .request(action, lowercased: true)
        resourcePattern = .request(resource, arn: true)
    }
}

/// How one statement bears on one request, over all of its alternatives.
struct StatementBearing: Sendable {
    /// An Allow that applies to the principal itself (always the case for an
    /// identity policy), or through `"*"`.
    var allowsDirectly: IAMTernary = .no
    /// An Allow of a resource policy that names the principal's account
    /// (`arn:aws:iam::A:root`, `A`): it delegates to the account's identity
    /// policies instead of granting by itself.
    var allowsViaAccount: IAMTernary = .no
    var denies: IAMTernary = .no
}

/// Matches statements (`Effect`, `Action`/`NotAction`, `Resource`/
/// `NotResource`, `Principal`/`NotPrincipal`, `Condition`) with a request.
///
/// For an Allow, a requested set of actions or resources (`s3:Get*`,
/// `bucket/*`) must be covered entirely; for a Deny, touching any part of it
/// is enough. `Fn::If` alternatives are evaluated one by one: an Allow counts
/// when it applies in every alternative, a Deny when in any (unknown otherwise).
struct StatementEvaluator {
    let request: EvaluatedRequest
    let conditions: ConditionEvaluator

    init(request: EvaluatedRequest) {
        self.request = request
        conditions = ConditionEvaluator(request: request.context)
    }

    func bearing(of statement: ResolvedStatement, in policy: CollectedPolicy, notes: inout IAMNotes) -> StatementBearing {
        let presence = statement.presence && policy.presence
        guard presence != .no else { return StatementBearing() }
        guard let alternatives = statement.alternatives else {
            notes.add("\(statement.path): too many Fn::If alternatives to evaluate; taken as a possible Deny")
            return StatementBearing(denies: .unknown)
        }
        if alternatives.count == 1 {
            let one = bearing(ofConcrete: alternatives[0], path: statement.path, in: policy, notes: &notes)
            return StatementBearing(
                allowsDirectly: presence && one.allowsDirectly, allowsViaAccount: presence && one.allowsViaAccount,
                denies: presence && one.denies)
        }
        var allowsDirectly: [IAMTernary] = [], allowsViaAccount: [IAMTernary] = [], denies: [IAMTernary] = []
        for alternative in alternatives {
            let one = bearing(ofConcrete: alternative, path: statement.path, in: policy, notes: &notes)
            allowsDirectly.append(one.allowsDirectly)
            allowsViaAccount.append(one.allowsViaAccount)
            denies.append(one.denies)
        }
        return StatementBearing(
            allowsDirectly: presence && .across(allowsDirectly),
            allowsViaAccount: presence && .across(allowsViaAccount),
            denies: presence && .across(denies))
    }

    /// One alternative: no `either` left inside.
    private func bearing(ofConcrete statement: PreparedStatement, path: TemplatePath, in policy: CollectedPolicy, notes: inout IAMNotes)
        -> StatementBearing
    {
        if case .absent = statement.value { return StatementBearing() }
        guard statement.isObject else {
            notes.add("\(path): the statement cannot be resolved (\(statement.value)); taken as a possible Deny")
            return StatementBearing(denies: .unknown)
        }
        let isAllow: Bool
        switch statement.effect {
        case .allow: isAllow = true
        case .deny: isAllow = false
        case .invalid:
            notes.add("\(path): Effect is not Allow or Deny; taken as a possible Deny")
            return StatementBearing(denies: .unknown)
        }

        // Conditions come last, so that a statement about someone else or
        // something else adds no notes about its conditions.
        var applies = actionMatch(statement, isAllow: isAllow, path: path, notes: &notes)
        if applies != .no { applies = applies && resourceMatch(statement, isAllow: isAllow, policy: policy, path: path, notes: &notes) }
        guard applies != .no else { return StatementBearing() }
        var principal: (direct: IAMTernary, viaAccount: IAMTernary) = (.yes, .no)
        if policy.kind.isResourcePolicy {
            principal = principalMatch(statement, path: path, notes: &notes)
            guard principal.direct != .no || principal.viaAccount != .no else { return StatementBearing() }
        }
        if let condition = statement.condition {
            applies = applies && conditions.evaluate(condition, notes: &notes)
        }
        let direct = applies && principal.direct, viaAccount = applies && principal.viaAccount
        return isAllow
            ? StatementBearing(allowsDirectly: direct, allowsViaAccount: viaAccount)
            : StatementBearing(denies: direct || viaAccount)
    }

    // MARK: Action

    private func actionMatch(_ statement: PreparedStatement, isAllow: Bool, path: TemplatePath, notes: inout IAMNotes) -> IAMTernary {
        guard let actions = statement.actions else {
            notes.add("\(path): a statement without Action or NotAction matches nothing")
            return .no
        }
        // An Allow must cover the requested actions; a Deny needs only touch
        // them. For NotAction, the other way round.
        let mustCover = isAllow != actions.negated
        let requested = request.actionPattern
        let matched = IAMTernary.any(actions.entries.map { entry -> IAMTernary in
            switch entry {
            case .pattern(let pattern):
                return IAMTernary(mustCover ? pattern.covers(requested) : pattern.overlaps(requested))
            case .withVariables(let text):
                notes.add("\(path): action \(text) cannot be resolved")
                return .unknown
            case .unresolved(let value):
                notes.add("\(path): action \(value) cannot be resolved")
                return .unknown
            }
        })
        return actions.negated ? !matched : matched
    }

    // MARK: Resource

    private func resourceMatch(
        _ statement: PreparedStatement, isAllow: Bool, policy: CollectedPolicy, path: TemplatePath, notes: inout IAMNotes
    ) -> IAMTernary {
        guard let resources = statement.resources else {
            if policy.kind.isResourcePolicy {
                // A trust policy (or a sloppy resource policy) names no
                // resource: it is about the resource it is attached to.
                return .yes
            }
            notes.add("\(path): an identity-policy statement without Resource or NotResource matches nothing")
            return .no
        }
        let mustCover = isAllow != resources.negated
        let requested = request.resourcePattern
        let matched = IAMTernary.any(resources.entries.map { entry -> IAMTernary in
            let pattern: IAMWildcard
            switch entry {
            case .pattern(let parsed):
                pattern = parsed
            case .withVariables(let text):
                guard let parsed = IAMWildcard.pattern(text, arn: true, variable: variable) else {
                    notes.add("\(path): policy variable in \(text) has no value in the request context")
                    return .unknown
                }
                pattern = parsed
            case .unresolved(let value):
                notes.add("\(path): resource \(value) cannot be resolved")
                return .unknown
            }
            return IAMTernary(mustCover ? pattern.covers(requested) : pattern.overlaps(requested))
        })
        return resources.negated ? !matched : matched
    }

    private func variable(_ name: String) -> String? {
        if case .given(let value) = request.context.state(of: name) { return value }
        return nil
    }

    // MARK: Principal

    /// Whether a resource-policy statement's `Principal` (or `NotPrincipal`)
    /// takes in the request's principal: itself (or everyone), or its account.
    private func principalMatch(_ statement: PreparedStatement, path: TemplatePath, notes: inout IAMNotes)
        -> (direct: IAMTernary, viaAccount: IAMTernary)
    {
        if let element = statement.principal {
            return match(element, path: path, notes: &notes)
        }
        if let element = statement.notPrincipal {
            // Everyone except those listed; naming an account excludes all of it.
            let listed = match(element, path: path, notes: &notes)
            return (!(listed.direct || listed.viaAccount), .no)
        }
        notes.add("\(path): a resource-policy statement without Principal or NotPrincipal matches nobody")
        return (.no, .no)
    }

    private func match(_ element: SymbolicValue, path: TemplatePath, notes: inout IAMNotes)
        -> (direct: IAMTernary, viaAccount: IAMTernary)
    {
        let facts = request.principal
        if element == .string("*") { return (.yes, .no) }
        guard case .object(let entries) = element else {
            notes.add("\(path): Principal \(element) is neither \"*\" nor an object; it matches nobody")
            return (.no, .no)
        }
        var direct = IAMTernary.no, viaAccount = IAMTernary.no
        for entry in entries {
            for value in entry.value.listItems {
                guard let text = value.scalarText else {
                    notes.add("\(path): principal \(value) cannot be resolved")
                    direct = direct || .unknown
                    continue
                }
                switch entry.key {
                case "AWS":
                    if text == "*" {
                        direct = .yes
                    } else if let account = Self.account(named: text) {
                        guard facts.account == account else { continue }
                        if facts.isRoot { direct = .yes } else { viaAccount = viaAccount || .yes }
                    } else if facts.arn == text {
                        direct = .yes
                    }
                case "Service":
                    if let service = facts.service, service.lowercased() == text.lowercased() { direct = .yes }
                default:
                    continue  // Federated, CanonicalUser: none of the principals modelled here.
                }
            }
        }
        return (direct, viaAccount)
    }

    /// The account a principal entry names as a whole: `123456789012` or
    /// `arn:aws:iam::123456789012:root`.
    static func account(named text: String) -> String? {
        if text.count == 12, text.allSatisfy(\.isNumber) { return text }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[5] == "root" { return String(parts[4]) }
        return nil
    }
}
