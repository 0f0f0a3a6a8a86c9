import CloudFormation

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
            guard let condition = resource.condition else { return .yes }
            return context.conditionValues[condition].map(IAMTernary.init) ?? .unknown
        }
        func document(_ resource: Resource, _ property: String) -> (SymbolicValue, TemplatePath)? {
            guard let value = resource.properties[property] else { return nil }
            return (resolver.resolve(value), ["Resources", resource.logicalID, "Properties", property])
        }

        // Roles: their ARNs, names, inline policies and trust policies.
        var roleNames: [(logicalID: String, name: SymbolicValue)] = []
        for role in template.resources where role.type == "AWS::IAM::Role" {
            let arn = resolver.arn(of: role) ?? .unresolved("no ARN")
            roles.append((role.logicalID, arn))
            roleNames.append((role.logicalID, resolver.physicalName(of: role, depth: 0)))
            var own = RolePolicies()
            if let policies = role.properties["Policies"] {
                let path: TemplatePath = ["Resources", role.logicalID, "Properties", "Policies"]
                for (index, entry) in resolver.resolve(policies).listItems.enumerated() {
                    let entryPath = path.appending(index: index)
                    for (option, entryPresence) in Self.options(entry) {
                        guard let doc = option["PolicyDocument"] else { continue }
                        own.policies.append(CollectedPolicy(
                            kind: .inlineRolePolicy, logicalID: role.logicalID,
                            statements: CollectedStatement.statements(
                                inDocument: doc, at: entryPath.appending("PolicyDocument"), presence: entryPresence),
                            presence: presence(of: role)))
                    }
                }
            }
            rolePolicies[role.logicalID] = own
            if let (trust, path) = document(role, "AssumeRolePolicyDocument") {
                resourcePolicies.append(CollectedPolicy(
                    kind: .trustPolicy, logicalID: role.logicalID,
                    statements: CollectedStatement.statements(inDocument: trust, at: path),
                    attachedTo: [arn], presence: presence(of: role)))
            }
        }

        // Policies that attach themselves to roles by name.
        var managedPolicyARNs: [(arn: SymbolicValue, policy: CollectedPolicy)] = []
        for resource in template.resources where resource.type == "AWS::IAM::Policy" || resource.type == "AWS::IAM::ManagedPolicy" {
            let kind: PolicyKind = resource.type == "AWS::IAM::Policy" ? .policy : .managedPolicy
            guard let (doc, path) = document(resource, "PolicyDocument") else { continue }
            let policy = CollectedPolicy(
                kind: kind, logicalID: resource.logicalID,
                statements: CollectedStatement.statements(inDocument: doc, at: path), presence: presence(of: resource))
            if kind == .managedPolicy, let arn = resolver.arn(of: resource) { managedPolicyARNs.append((arn, policy)) }
            guard let listed = resource.properties["Roles"] else { continue }
            for entry in resolver.resolve(listed).listItems {
                let matches = roleNames.filter { Self.sameText(entry, $0.name) != .no }
                if matches.isEmpty {
                    notes.append("\(resource.logicalID) names role \(entry), which is not a role of the template")
                }
                for match in matches {
                    var attached = policy
                    attached.presence = policy.presence && Self.sameText(entry, match.name)
                    rolePolicies[match.logicalID]?.policies.append(attached)
                }
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

        // Resource policies.
        let p = context.partition
        for resource in template.resources {
            switch resource.type {
            case "AWS::S3::BucketPolicy":
                guard let (doc, path) = document(resource, "PolicyDocument"), let bucket = resource.properties["Bucket"] else { continue }
                let name = resolver.resolve(bucket)
                resourcePolicies.append(CollectedPolicy(
                    kind: .bucketPolicy, logicalID: resource.logicalID,
                    statements: CollectedStatement.statements(inDocument: doc, at: path),
                    attachedTo: [name.mapStrings { .string("arn:\(p):s3:::\($0)") }, name.mapStrings { .string("arn:\(p):s3:::\($0)/*") }],
                    presence: presence(of: resource)))
            case "AWS::KMS::Key":
                let keyARN = resolver.arn(of: resource) ?? .unresolved("no ARN")
                if let (doc, path) = document(resource, "KeyPolicy") {
                    resourcePolicies.append(CollectedPolicy(
                        kind: .keyPolicy, logicalID: resource.logicalID,
                        statements: CollectedStatement.statements(inDocument: doc, at: path),
                        attachedTo: [keyARN], presence: presence(of: resource)))
                } else {
                    let statement: SymbolicValue = .object([
                        .init("Effect", "Allow"), .init("Principal", .object([.init("AWS", .string(context.accountRootARN))])),
                        .init("Action", "kms:*"), .init("Resource", "*"),
                    ])
                    resourcePolicies.append(CollectedPolicy(
                        kind: .defaultKeyPolicy, logicalID: resource.logicalID,
                        statements: [CollectedStatement(value: statement, path: ["Resources", resource.logicalID], presence: .yes)],
                        attachedTo: [keyARN], presence: presence(of: resource)))
                }
            case "AWS::Lambda::Permission":
                resourcePolicies.append(lambdaPermission(resource, resolver, presence: presence(of: resource)))
            case "AWS::SQS::QueuePolicy":
                guard let (doc, path) = document(resource, "PolicyDocument"), let queues = resource.properties["Queues"] else { continue }
                let arns = resolver.resolve(queues).listItems.map { $0.mapStrings { Self.queueARN(fromURL: $0, partition: p) } }
                resourcePolicies.append(CollectedPolicy(
                    kind: .queuePolicy, logicalID: resource.logicalID,
                    statements: CollectedStatement.statements(inDocument: doc, at: path),
                    attachedTo: arns, presence: presence(of: resource)))
            case "AWS::SNS::TopicPolicy":
                guard let (doc, path) = document(resource, "PolicyDocument"), let topics = resource.properties["Topics"] else { continue }
                resourcePolicies.append(CollectedPolicy(
                    kind: .topicPolicy, logicalID: resource.logicalID,
                    statements: CollectedStatement.statements(inDocument: doc, at: path),
                    attachedTo: resolver.resolve(topics).listItems, presence: presence(of: resource)))
            default:
                break
            }
        }
    }

    /// An `AWS::Lambda::Permission` as the one statement it adds to its
    /// function's resource policy: Allow `Action` for `Principal`, with
    /// `SourceArn` (`ArnLike aws:SourceArn`), `SourceAccount`,
    /// `PrincipalOrgID` and `FunctionUrlAuthType` as the conditions Lambda
    /// writes for them.
    private func lambdaPermission(_ resource: Resource, _ resolver: SymbolicResolver, presence: IAMTernary) -> CollectedPolicy {
        let context = resolver.context
        let property = { (name: String) in resource.properties[name].map { resolver.resolve($0) } }
        let function = (property("FunctionName") ?? .unresolved("no FunctionName")).mapStrings { text in
            text.hasPrefix("arn:") ? .string(text)
                : .string("arn:\(context.partition):lambda:\(context.region):\(context.accountID):function:\(text)")
        }
        let principal = (property("Principal") ?? .unresolved("no Principal")).mapStrings { text in
            if text == "*" { return .string("*") }
            let isAccount = text.count == 12 && text.allSatisfy(\.isNumber)
            let kind = text.hasPrefix("arn:") || isAccount ? "AWS" : "Service"
            return .object([.init(kind, .string(text))])
        }
        var conditions: [(operator: String, key: String, property: String)] = [
            ("ArnLike", "aws:SourceArn", "SourceArn"), ("StringEquals", "aws:SourceAccount", "SourceAccount"),
            ("StringEquals", "aws:PrincipalOrgID", "PrincipalOrgID"),
            ("StringEquals", "lambda:FunctionUrlAuthType", "FunctionUrlAuthType"),
            ("StringEquals", "lambda:EventSourceToken", "EventSourceToken"),
        ]
        conditions.removeAll { property($0.property) == nil }
        var statement: [SymbolicValue.Entry] = [
            .init("Effect", "Allow"), .init("Principal", principal),
            .init("Action", property("Action") ?? .unresolved("no Action")), .init("Resource", function),
        ]
        if !conditions.isEmpty {
            var byOperator: [SymbolicValue.Entry] = []
            for condition in conditions {
                let entry = SymbolicValue.Entry(condition.key, property(condition.property)!)
                if let index = byOperator.firstIndex(where: { $0.key == condition.operator }),
                    case .object(let existing) = byOperator[index].value
                {
                    byOperator[index].value = .object(existing + [entry])
                } else {
                    byOperator.append(.init(condition.operator, .object([entry])))
                }
            }
            statement.append(.init("Condition", .object(byOperator)))
        }
        return CollectedPolicy(
            kind: .lambdaPermission, logicalID: resource.logicalID,
            statements: [CollectedStatement(
                value: .object(statement), path: ["Resources", resource.logicalID, "Properties"], presence: .yes)],
            attachedTo: [function], presence: presence)
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
