import AWSResources
import CloudFormation
import IAMPolicies

/// Answers the questions a reviewer asks of a stack's IAM — may this role
/// Scan that table, may anyone read this bucket without TLS — from the
/// policies in its template, evaluated the way AWS evaluates them within one
/// account.
///
/// ```swift
/// let iam = PolicyEvaluator(try Template(synthesizing: MacieStack()))
/// let decision = iam.allows(.role("ExportRole"), "dynamodb:Scan", on: .table("people-macie"))
/// #expect(decision.isAllowed, "\(decision)")
/// ```
///
/// **The rules** (IAM User Guide, "Policy evaluation logic" and "Policy
/// evaluation for requests within a single account"):
/// 1. A Deny that applies, in any policy, decides: explicitly denied.
/// 2. Otherwise an Allow decides: in the principal's identity policies (as
///    limited by its permissions boundary), or in a resource policy attached
///    to the resource that names the principal itself (or `"*"`).
/// 3. Otherwise: implicitly denied.
///
/// A resource policy that names the principal's *account* (`arn:aws:iam::A:root`
/// or `A`) grants nothing by itself: it lets the account's identity policies
/// decide. That makes no difference for most resources, but KMS keys and role
/// trust policies are evaluated as AWS does: the key (or trust) policy must
/// allow — naming the principal directly, or naming its account *and* an
/// identity policy allowing too. Without such an allow the request is denied
/// whatever the identity policies say.
///
/// A principal in another account is allowed when the template's resource
/// policies allow it (directly or through its account); its own account's
/// policies must allow it as well, which the template cannot show (a note
/// says so). Policies outside the template — AWS managed policies, SCPs,
/// another account's — are not evaluated: they grant nothing here and deny
/// nothing, and the notes name the ones the template refers to.
public struct PolicyEvaluator: Sendable {
    public let template: Template
    public let context: EvaluationContext
    let resolver: SymbolicResolver
    let policies: PolicyCollection
    /// For each resource policy (same order), the patterns of what it is
    /// attached to, each with its alternatives; `nil` where unresolved.
    private let attachments: [[[IAMWildcard?]?]]

    public init(_ template: Template, context: EvaluationContext = EvaluationContext()) {
        self.template = template
        self.context = context
        resolver = SymbolicResolver(template: template, context: context)
        policies = PolicyCollection(resolver)
        attachments = policies.resourcePolicies.map { policy in
            policy.attachedTo.map { target in
                target.alternatives()?.map { alternative in
                    alternative.scalarText.flatMap { IAMWildcard.pattern($0, arn: true) }
                }
            }
        }
    }

    // MARK: Resolution

    /// A template value worked out for the context (`.getAtt("Table", "Arn")`
    /// gives the table's ARN).
    public func resolve(_ value: Value) -> SymbolicValue { resolver.resolve(value) }

    /// The ARN of a resource of the template; `nil` when its type has none
    /// the evaluator knows, or it is not one string.
    public func arn(of logicalID: String) -> String? {
        guard let resource = resolver.resource(logicalID), case .string(let arn)? = resolver.arn(of: resource) else { return nil }
        return arn
    }

    /// The ARN a target stands for; `nil` when it cannot be worked out.
    public func arn(for target: ResourceTarget) -> String? { resolver.arn(for: target).arn }

    // MARK: Decisions

    /// Whether `principal` may do `action` on `resource` in a request with
    /// `context`'s condition keys.
    public func allows(
        principal: Principal, action: String, resource: ResourceTarget, context: RequestContext = RequestContext()
    ) -> Decision {
        var notes = IAMNotes()
        let (arn, note) = resolver.arn(for: resource)
        if let note { notes.add(note) }
        guard let arn else {
            return Decision(
                principal: principal, action: action, resource: "", outcome: .implicitlyDenied, mightBeAllowed: false,
                statements: [], notes: notes.all)
        }
        return decide(principal, action, arn, context, notes: notes)
    }

    /// `allows(principal:action:resource:context:)`, read as a sentence:
    /// `iam.allows(.role("Export"), "dynamodb:Scan", on: .table("people"))`.
    public func allows(
        _ principal: Principal, _ action: String, on resource: ResourceTarget, context: RequestContext = RequestContext()
    ) -> Decision {
        allows(principal: principal, action: action, resource: resource, context: context)
    }

    func decide(_ principal: Principal, _ action: String, _ resource: String, _ requestContext: RequestContext, notes: IAMNotes)
        -> Decision
    {
        var notes = notes
        if !action.contains("*"), !action.contains("?"), !IAMActionCatalog.exists(action) {
            notes.add("\(action) is not an IAM action the catalog knows")
        }
        let facts = self.facts(about: principal, notes: &notes)
        let request = EvaluatedRequest(
            principal: facts, action: action, resource: resource,
            context: requestContext.addingPrincipalKeys(
                arn: facts.arn, account: facts.account, service: facts.service))
        let evaluator = StatementEvaluator(request: request)

        // Allow statements are kept by what they grant through, so that only
        // those the final rule uses are reported.
        enum Grant { case identity, resourceDirect, resourceViaAccount }
        var allowStatements: [(statement: Decision.Statement, grant: Grant)] = []
        var denyStatements: [Decision.Statement] = []
        var denied = IAMTernary.no
        func record(
            _ bearing: StatementBearing, _ statement: ResolvedStatement, _ policy: CollectedPolicy,
            allow: IAMTernary, through grant: Grant
        ) {
            let reference = { (effect: PolicyEffect, certainty: IAMTernary) in
                Decision.Statement(
                    effect: effect, kind: policy.kind, logicalID: policy.logicalID, path: statement.path,
                    isCertain: certainty == .yes)
            }
            if bearing.denies != .no {
                denyStatements.append(reference(.deny, bearing.denies))
                denied = denied || bearing.denies
            }
            if allow != .no { allowStatements.append((reference(.allow, allow), grant)) }
        }

        // The identity side: the role's policies, limited by its boundary.
        var identityAllows = IAMTernary.no
        var boundaryAllows = IAMTernary.yes
        if let role = facts.roleLogicalID, let own = policies.rolePolicies[role] {
            notes.add(contentsOf: own.notes)
            for policy in own.policies {
                for statement in policy.statements {
                    let bearing = evaluator.bearing(of: statement, in: policy, notes: &notes)
                    identityAllows = identityAllows || bearing.allowsDirectly
                    record(bearing, statement, policy, allow: bearing.allowsDirectly, through: .identity)
                }
            }
            switch own.boundary {
            case .none:
                break
            case .outside:
                boundaryAllows = .unknown
            case .policy(let boundary):
                boundaryAllows = .no
                for statement in boundary.statements {
                    let bearing = evaluator.bearing(of: statement, in: boundary, notes: &notes)
                    boundaryAllows = boundaryAllows || bearing.allowsDirectly
                    record(bearing, statement, boundary, allow: .no, through: .identity)
                }
            }
            identityAllows = identityAllows && boundaryAllows
        } else if facts.isRoot, facts.account == context.accountID {
            identityAllows = .yes  // The root user may do anything in its own account that nothing denies.
        } else if facts.account != nil, facts.roleLogicalID == nil, !principal.isTemplateRole {
            notes.add("the identity policies of \(principal) are not in the template: not evaluated")
        }

        // The resource side: policies attached to the resource.
        var resourceAllowsDirectly = IAMTernary.no, resourceAllowsViaAccount = IAMTernary.no
        var governingPolicyFound = IAMTernary.no
        for (policy, attachment) in zip(policies.resourcePolicies, attachments) {
            let covers = Self.attachment(attachment, request.resourcePattern, cover: true)
            let touches = Self.attachment(attachment, request.resourcePattern, cover: false)
            guard covers != .no || touches != .no else { continue }
            if [.keyPolicy, .defaultKeyPolicy, .trustPolicy].contains(policy.kind) {
                governingPolicyFound = governingPolicyFound || (covers && policy.presence)
                if policy.kind == .defaultKeyPolicy {
                    notes.add("key \(policy.logicalID) has no KeyPolicy: KMS's default key policy (the account may do kms:*) is evaluated")
                }
            }
            for statement in policy.statements {
                var bearing = evaluator.bearing(of: statement, in: policy, notes: &notes)
                bearing.denies = touches && bearing.denies
                // Grants to a role are limited by its permissions boundary.
                let direct = covers && bearing.allowsDirectly && (facts.roleLogicalID == nil ? .yes : boundaryAllows)
                let viaAccount = covers && bearing.allowsViaAccount
                resourceAllowsDirectly = resourceAllowsDirectly || direct
                resourceAllowsViaAccount = resourceAllowsViaAccount || viaAccount
                record(bearing, statement, policy, allow: direct, through: .resourceDirect)
                record(StatementBearing(), statement, policy, allow: viaAccount, through: .resourceViaAccount)
            }
        }

        // Putting the two together.
        let isKey = resource.hasPrefix("arn:\(context.partition):kms:") && resource.contains(":key/")
        let isRoleTrust = action.lowercased().hasPrefix("sts:") && resource.hasPrefix("arn:\(context.partition):iam::")
            && resource.contains(":role/")
        let isSameAccount = facts.account == context.accountID
        var allowed: IAMTernary
        var grants: Set<Grant> = [.resourceDirect]
        if isKey || isRoleTrust {
            if (resourceAllowsViaAccount && identityAllows) != .no { grants = [.resourceDirect, .resourceViaAccount, .identity] }
            let what = isKey ? "key policy" : "trust policy"
            allowed = resourceAllowsDirectly || (resourceAllowsViaAccount && identityAllows)
            if governingPolicyFound == .no {
                notes.add("the \(what) of \(resource) is not in the template: not evaluated, and it must allow the request")
                allowed = allowed || (identityAllows && .unknown)
                grants.insert(.identity)
            }
        } else if facts.account == nil {
            allowed = resourceAllowsDirectly  // Services and anyone have no identity policies.
        } else if isSameAccount {
            allowed = identityAllows || resourceAllowsDirectly
            grants = [.identity, .resourceDirect]
        } else {
            allowed = resourceAllowsDirectly || resourceAllowsViaAccount
            grants = [.resourceDirect, .resourceViaAccount]
        }
        if !isSameAccount, let account = facts.account, allowed != .no {
            notes.add("\(principal) is in account \(account), not \(context.accountID): its own account's policies must allow the request too; not evaluated")
        }

        let outcome: Decision.Outcome = denied != .no ? .explicitlyDenied : allowed == .yes ? .allowed : .implicitlyDenied
        let statements = outcome == .explicitlyDenied
            ? denyStatements : allowStatements.filter { grants.contains($0.grant) }.map(\.statement)
        return Decision(
            principal: principal, action: action, resource: resource, outcome: outcome,
            mightBeAllowed: denied != .yes && allowed != .no, statements: statements, notes: notes.all)
    }

    /// Whether a resource policy is attached to (all of, or any of) the
    /// requested resources.
    private static func attachment(_ targets: [[IAMWildcard?]?], _ requested: IAMWildcard, cover: Bool) -> IAMTernary {
        var result = IAMTernary.no
        for alternatives in targets {
            guard let alternatives else {
                result = result || .unknown
                continue
            }
            var answers: [IAMTernary] = []
            for pattern in alternatives {
                guard let pattern else {
                    answers.append(.unknown)
                    continue
                }
                answers.append(IAMTernary(cover ? pattern.covers(requested) : pattern.overlaps(requested)))
            }
            result = result || .across(answers)
            if result == .yes { break }
        }
        return result
    }

    // MARK: Principals

    func facts(about principal: Principal, notes: inout IAMNotes) -> PrincipalFacts {
        var facts = PrincipalFacts(principal: principal)
        switch principal {
        case .role(let logicalID):
            guard let role = policies.roles.first(where: { $0.logicalID == logicalID }) else {
                notes.add("the template has no role \(logicalID)")
                facts.account = context.accountID
                return facts
            }
            facts.roleLogicalID = logicalID
            facts.account = context.accountID
            if case .string(let arn) = role.arn {
                facts.arn = arn
            } else {
                notes.add("the ARN of role \(logicalID) is not one string (\(role.arn)): principals naming it cannot match")
            }
        case .arn(let arn):
            if let role = policies.roles.first(where: { $0.arn == .string(arn) }) {
                return self.facts(about: .role(role.logicalID), notes: &notes)
            }
            facts.arn = arn
            let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count >= 6 { facts.account = String(parts[4]) }
            facts.isRoot = parts.count == 6 && parts[5] == "root"
        case .accountRoot(let account):
            let account = account ?? context.accountID
            facts.account = account
            facts.arn = "arn:\(context.partition):iam::\(account):root"
            facts.isRoot = true
        case .service(let name):
            facts.service = name
        case .anyone:
            break
        }
        return facts
    }

    /// The role a Lambda function runs as: the template role its `Role`
    /// property refers to (`!GetAtt Role.Arn`, or the role's ARN spelt out),
    /// or `.arn(...)` for a role outside the template.
    public func role(of functionLogicalID: String) throws -> Principal {
        guard let function = resolver.resource(functionLogicalID) else {
            throw IAMQueryError("the template has no resource \(functionLogicalID)")
        }
        guard function.type == "AWS::Lambda::Function" else {
            throw IAMQueryError("\(functionLogicalID) is a \(function.type), not an AWS::Lambda::Function")
        }
        guard let value = function.properties["Role"] else {
            throw IAMQueryError("function \(functionLogicalID) has no Role")
        }
        if case .intrinsic(.getAtt(let role, "Arn")) = value, policies.roles.contains(where: { $0.logicalID == role }) {
            return .role(role)
        }
        guard case .string(let arn) = resolver.resolve(value) else {
            throw IAMQueryError("the Role of function \(functionLogicalID) cannot be resolved to one ARN: \(resolver.resolve(value))")
        }
        if let role = policies.roles.first(where: { $0.arn == .string(arn) }) { return .role(role.logicalID) }
        return .arn(arn)
    }
}

extension Principal {
    /// Whether it names a role by logical ID (whether or not the template has it).
    fileprivate var isTemplateRole: Bool {
        if case .role = self { return true }
        return false
    }
}

/// A question about the template that has no answer: a function that does
/// not exist, a role that cannot be resolved.
public struct IAMQueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
