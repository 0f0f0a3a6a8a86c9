import AWSResources
import CloudFormation

/// Identity policies: least privilege. Read from the policy documents as
/// written in the template (roles', users' and groups' inline `Policies`,
/// `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`).
enum IAMRules {
    static let types = ["AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::User", "AWS::IAM::Group"]
    /// The AWS managed policies that grant everything, or everything in IAM.
    static let administratorPolicies = ["AdministratorAccess", "IAMFullAccess", "PowerUserAccess"]

    static let all: [SecurityRule] = [
        SecurityRule(
            "IAM-ADMIN", .error, types: types, checkov: ["CKV_AWS_62"],
            title: "No identity policy allows every action on every resource, and no role attaches an administrator policy.",
            reason: "An administrator policy turns any flaw in the code that runs with it into control of the account.",
            fix: "grant the exact actions on the exact resources the principal uses"
        ) { resource, context in
            var violations = context.identityAllowStatements[resource.logicalID, default: []].filter { $0.actions.contains { $0 == "*" || $0 == "*:*" } && $0.hasStarResource }
                .map { RuleViolation(components: $0.path, "the statement allows every action on every resource") }
            for (index, arn) in RuleContext.list(resource.properties["ManagedPolicyArns"]).enumerated() {
                let text: String
                switch arn {
                case .string(let literal): text = literal
                case .intrinsic(.sub(let template, _)): text = template
                default: continue
                }
                if let name = administratorPolicies.first(where: { text.hasSuffix(":policy/\($0)") }) {
                    violations.append(RuleViolation(components: [.key("Properties"), .key("ManagedPolicyArns"), .index(index)], "attaches the AWS managed policy \(name)"))
                }
            }
            return violations
        },
        SecurityRule(
            "IAM-WILDCARD-ACTION", .error, types: types, checkov: ["CKV_AWS_63"],
            title: "Identity policies name their actions: no `*`, `service:*` or other wildcard in Action.",
            reason: "A wildcard grants every action that matches it, including the ones AWS adds later; naming actions keeps what a principal may do reviewable.",
            fix: "list the exact actions (the constructs' grants do)"
        ) { resource, context in
            context.identityAllowStatements[resource.logicalID, default: []].compactMap { statement in
                let wildcards = statement.actions.filter(isPattern)
                return wildcards.isEmpty ? nil : RuleViolation(components: statement.path + [.key("Action")], "wildcard actions \(wildcards.joined(separator: ", "))")
            }
        },
        SecurityRule(
            "IAM-WILDCARD-RESOURCE", .error, types: types, checkov: ["CKV_AWS_111"],
            title: "Identity policies name their resources: `*`, or a wildcard where a name belongs, only for actions without resource-level permissions (per cfn-lint's IAM data).",
            reason: "`Resource: *` (or `table/*`, `log-group:*`) extends a grant to every resource of the type in the account, present and future.",
            fix: "name the resource (GetAtt X.Arn, ${X.Arn}/* for a bucket's objects); keep * only for actions IAM cannot scope"
        ) { resource, context in
            context.identityAllowStatements[resource.logicalID, default: []].compactMap { statement in
                let wide = statement.resources.filter(isWildcardResource)
                guard !wide.isEmpty else { return nil }
                let scoped = statement.actions.filter(hasResourceLevelPermissions)
                guard !scoped.isEmpty else { return nil }
                return RuleViolation(components: statement.path + [.key("Resource")], "\(scoped.joined(separator: ", ")) on a wildcard resource (\(wide.map(describe).joined(separator: ", ")))")
            }
        },
        SecurityRule(
            "IAM-PASSROLE", .error, types: types, checkov: ["CKV_AWS_110"],
            title: "No identity policy allows iam:PassRole on every role.",
            reason: "Passing any role to a service lets a principal act with that role's permissions: privilege escalation to the most powerful role in the account.",
            fix: "allow iam:PassRole on the exact role ARNs, with an iam:PassedToService condition"
        ) { resource, context in
            context.identityAllowStatements[resource.logicalID, default: []].filter { $0.covers("iam:PassRole") && $0.resources.contains(where: isWildcardResource) }
                .map { RuleViolation(components: $0.path, "iam:PassRole on a wildcard resource") }
        },
    ]

    /// The Allow statements of every identity policy of the resource.
    static func allowStatements(_ resource: Resource) -> [PolicyStatement] {
        var statements: [PolicyStatement] = []
        switch resource.type {
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
            statements = PolicyStatement.all(in: resource.properties["PolicyDocument"], at: [.key("Properties"), .key("PolicyDocument")])
        default:
            for (index, policy) in RuleContext.list(resource.properties["Policies"]).enumerated() {
                statements += PolicyStatement.all(in: policy.objectValue?["PolicyDocument"], at: [.key("Properties"), .key("Policies"), .index(index), .key("PolicyDocument")])
            }
        }
        return statements.filter(\.isAllow)
    }

    /// `*`, or an ARN whose resource part is a wildcard that no template
    /// resource anchors: `arn:aws:dynamodb:*:*:table/*`, `${AWS::AccountId}:log-group:*`;
    /// not `${Bucket.Arn}/*` (the objects of one bucket).
    static func isWildcardResource(_ value: Value) -> Bool {
        let text: String
        switch value {
        case .string(let literal): text = literal
        case .intrinsic(.sub(let template, _)): text = template
        default: return false
        }
        guard let star = text.utf8.firstIndex(of: UInt8(ascii: "*")) else { return false }
        // A resource placeholder (not a pseudo parameter) before the wildcard anchors it.
        let before = text.utf8[..<star]
        var index = before.startIndex
        while let open = before[index...].firstIndex(of: UInt8(ascii: "$")) {
            let name = before[before.index(after: open)...].dropFirst().prefix { $0 != UInt8(ascii: "}") }
            if !name.starts(with: "AWS::".utf8) { return false }
            index = before.index(after: open)
        }
        return true
    }

    /// Whether IAM can scope an action, or some action a pattern matches, to
    /// resources; unknown actions count as scoped.
    static func hasResourceLevelPermissions(_ action: String) -> Bool {
        if isPattern(action) {
            let matched = IAMActionCatalog.matching(action)
            return matched.isEmpty || matched.contains { IAMActionCatalog.hasResourceLevelPermissions($0) != false }
        }
        return IAMActionCatalog.hasResourceLevelPermissions(action) != false
    }

    /// Whether an action is a wildcard pattern (`*`, `?`).
    static func isPattern(_ action: String) -> Bool {
        action.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    private static func describe(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .intrinsic(.sub(let text, _)): "!Sub \(text)"
        default: "\(value)"
        }
    }
}
