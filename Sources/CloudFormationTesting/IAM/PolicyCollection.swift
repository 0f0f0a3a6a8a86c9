import CloudFormation
import IAMPolicies

/// Every policy of a template, gathered once: each role's identity policies
/// and permissions boundary, and the resource policies with what they are
/// attached to.
struct PolicyCollection: Sendable {
    /// A role's identity side.
    struct RolePolicies: Sendable {
        var policies: [CollectedPolicy] = []
        var boundary: Boundary = .none
        /// Policies the role names that are not the template's (AWS managed
        /// policies and the like): listed in notes, not evaluated.
        var outsidePolicies: [String] = []
        var notes: [String] = []
    }

    enum Boundary: Sendable {
        case none
        case policy(CollectedPolicy)
        /// A boundary outside the template: what it allows is unknown.
        case outside(String)
    }

    /// The template's roles in template order, with their ARNs.
    var roles: [(logicalID: String, arn: SymbolicValue)] = []
    /// By role logical ID; looked up, never iterated.
    var rolePolicies: [String: RolePolicies] = [:]
    /// In template order.
    var resourcePolicies: [CollectedPolicy] = []
    /// What could not be collected, in template order.
    var notes: [String] = []

    init(_ resolver: SymbolicResolver) {
        let template = resolver.template
        let context = resolver.context
        func presence(of resource: Resource) -> IAMTernary {
            context.presence(under: resource.condition.map { [ConditionBranch($0, holds: true)] } ?? [])
        }

        // Roles: their ARNs and names.
        var roleNames: [(logicalID: String, name: SymbolicValue)] = []
        for role in template.resources where role.type == "AWS::IAM::Role" {
            roles.append((role.logicalID, resolver.arn(of: role) ?? .unresolved("no ARN")))
            roleNames.append((role.logicalID, resolver.physicalName(of: role, depth: 0)))
            rolePolicies[role.logicalID] = RolePolicies()
        }

        // Every policy of the template, as `TemplatePolicies` finds them.
        var managedPolicyARNs: [(arn: SymbolicValue, policy: CollectedPolicy)] = []
        for (found, sites) in TemplatePolicies.policies(in: template) {
            guard let holder = resolver.resource(found.logicalID) else { continue }
            var policy = CollectedPolicy(
                kind: found.kind, logicalID: found.logicalID,
                statements: sites.map { site in
                    var value = resolver.resolve(site.statement)
                    if found.kind.location == .statementProperties { value = Self.keyingPrincipals(value) }
                    return ResolvedStatement(value: value, path: site.path, presence: context.presence(under: site.conditions))
                },
                presence: presence(of: holder))
            switch found.kind.side {
            case .identity:
                if found.kind == .managedPolicy, let arn = resolver.arn(of: holder) { managedPolicyARNs.append((arn, policy)) }
                for identity in found.identities where identity.kind == "role" {
                    if case .intrinsic(.ref(let id)) = identity.name, rolePolicies[id] != nil {
                        rolePolicies[id]?.policies.append(policy)
                        continue
                    }
                    let name = resolver.resolve(identity.name)
                    let matches = roleNames.filter { Self.sameText(name, $0.name) != .no }
                    if matches.isEmpty {
                        notes.append("\(found.logicalID) names role \(name), which is not a role of the template")
                    }
                    for match in matches {
                        var attached = policy
                        attached.presence = policy.presence && Self.sameText(name, match.name)
                        rolePolicies[match.logicalID]?.policies.append(attached)
                    }
                }
            case .trust, .resource:
                policy.attachedTo = attachments(of: found, holder: holder, resolver)
                // A statement-properties resource's statement is about what it is attached to.
                if found.kind.location == .statementProperties {
                    policy.statements = policy.statements.map { statement in
                        ResolvedStatement(
                            value: statement.value.setting("Resource", to: .list(policy.attachedTo)), path: statement.path,
                            presence: statement.presence)
                    }
                }
                resourcePolicies.append(policy)
            case .limit:
                break
            }
        }

        // Managed policies and boundaries named by ARN.
        for role in template.resources where role.type == "AWS::IAM::Role" {
            var own = rolePolicies[role.logicalID] ?? RolePolicies()
            if let arns = role.properties["ManagedPolicyArns"] {
                for entry in resolver.resolve(arns).listItems {
                    let matches = managedPolicyARNs.filter { Self.sameText(entry, $0.arn) != .no }
                    if matches.isEmpty {
                        own.outsidePolicies.append(entry.description)
                        own.notes.append("managed policy \(entry) of role \(role.logicalID) is not in the template: not evaluated")
                    }
                    for match in matches
                    where !own.policies.contains(where: { $0.kind == .managedPolicy && $0.logicalID == match.policy.logicalID }) {
                        var attached = match.policy
                        attached.presence = attached.presence && Self.sameText(entry, match.arn)
                        own.policies.append(attached)
                    }
                }
            }
            if let boundary = role.properties["PermissionsBoundary"] {
                let arn = resolver.resolve(boundary)
                if let match = managedPolicyARNs.first(where: { Self.sameText(arn, $0.arn) == .yes }) {
                    var policy = match.policy
                    policy.kind = .permissionsBoundary
                    own.boundary = .policy(policy)
                } else {
                    own.boundary = .outside(arn.description)
                    own.notes.append("permissions boundary \(arn) of role \(role.logicalID) is not in the template: identity-policy allows are uncertain")
                }
            }
            rolePolicies[role.logicalID] = own
        }

        // A key without a key policy has KMS's default one.
        for key in template.resources where key.type == "AWS::KMS::Key" && key.properties["KeyPolicy"] == nil {
            let statement: SymbolicValue = .object([
                .init("Effect", "Allow"), .init("Principal", .object([.init("AWS", .string(context.accountRootARN))])),
                .init("Action", "kms:*"), .init("Resource", "*"),
            ])
            resourcePolicies.append(CollectedPolicy(
                kind: .defaultKeyPolicy, logicalID: key.logicalID,
                statements: [ResolvedStatement(value: statement, path: ["Resources", key.logicalID], presence: .yes)],
                attachedTo: [resolver.arn(of: key) ?? .unresolved("no ARN")], presence: presence(of: key)))
        }
    }

    /// The ARNs of what a resource policy governs, by how its kind names them.
    private func attachments(of found: FoundPolicy, holder: Resource, _ resolver: SymbolicResolver) -> [SymbolicValue] {
        let context = resolver.context
        let p = context.partition, r = context.region, a = context.accountID
        switch found.kind.attachment {
        case .holder:
            return [resolver.arn(of: holder) ?? .unresolved("the ARN of \(holder.type) is not modelled")]
        case .resources(_, let form):
            return found.governed.flatMap { value -> [SymbolicValue] in
                let resolved = resolver.resolve(value)
                switch form {
                case .bucketName:
                    return [resolved.mapStrings { .string("arn:\(p):s3:::\($0)") }, resolved.mapStrings { .string("arn:\(p):s3:::\($0)/*") }]
                case .queueURL:
                    return [resolved.mapStrings { Self.queueARN(fromURL: $0, partition: p) }]
                case .functionName:
                    return [resolved.mapStrings { $0.hasPrefix("arn:") ? .string($0) : .string("arn:\(p):lambda:\(r):\(a):function:\($0)") }]
                case .eventBusName:
                    return [resolved.mapStrings { $0.hasPrefix("arn:") ? .string($0) : .string("arn:\(p):events:\(r):\(a):event-bus/\($0)") }]
                case .arn, .other:
                    return [resolved]
                }
            }
        case .identities, .samRole, .none:
            return []
        }
    }

    /// A principal written as one string reads as an account or ARN until
    /// resolved; once it is a service's name, it is that service.
    private static func keyingPrincipals(_ statement: SymbolicValue) -> SymbolicValue {
        guard case .object(let principal)? = statement["Principal"] else { return statement }
        var keyed: [SymbolicValue.Entry] = []
        for entry in principal {
            if entry.key == "AWS", let text = entry.value.scalarText, text != "*", StatementProperties.principalKey(of: text) == "Service" {
                keyed.append(.init("Service", entry.value))
            } else {
                keyed.append(entry)
            }
        }
        return statement.setting("Principal", to: .object(keyed))
    }

    /// `https://sqs.us-east-1.amazonaws.com/123456789012/name` →
    /// `arn:aws:sqs:us-east-1:123456789012:name`; anything else stays as it is.
    static func queueARN(fromURL url: String, partition: String) -> SymbolicValue {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return .string(url) }
        let parts = url.split(separator: "/").map(String.init)
        guard parts.count == 4 else { return .string(url) }
        let host = parts[1].split(separator: ".").map(String.init)
        let region = host.first == "sqs" && host.count > 1 ? host[1] : host.first ?? ""
        return .string("arn:\(partition):sqs:\(region):\(parts[2]):\(parts[3])")
    }

    /// Whether two resolved values are the same text: yes, no, or unknown
    /// when alternatives or unresolved parts leave it open.
    static func sameText(_ lhs: SymbolicValue, _ rhs: SymbolicValue) -> IAMTernary {
        guard let left = lhs.alternatives(), let right = rhs.alternatives() else { return .unknown }
        var answers: [IAMTernary] = []
        for l in left {
            for r in right {
                guard let a = l.scalarText, let b = r.scalarText else {
                    answers.append(.unknown)
                    continue
                }
                answers.append(IAMTernary(a == b))
            }
        }
        let any = IAMTernary.any(answers)
        return any == .yes && answers.contains(where: { $0 != .yes }) ? .unknown : any
    }

    /// The branches of a value with how surely each is the real one.
    static func options(_ value: SymbolicValue) -> [(SymbolicValue, IAMTernary)] {
        if case .either(let branches) = value { return branches.flatMap { options($0).map { ($0.0, IAMTernary.unknown) } } }
        if value == .absent { return [] }
        return [(value, .yes)]
    }
}
