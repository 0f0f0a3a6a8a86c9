import CloudFormation

/// Identity policies (a role's inline `Policies`, `AWS::IAM::Policy`,
/// `AWS::IAM::ManagedPolicy`) must not grant on `Resource: "*"` an action
/// that IAM can scope to a resource; and a role's inline policies together
/// must stay within IAM's 10,240 characters (counted without white space).
public struct IdentityPolicyCheck: TemplateCheck {
    public static let inlinePolicyCharacterLimit = 10_240

    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var inlineSizes: [String: Int] = [:]
        for resource in template.resources {
            let base: TemplatePath = ["Resources", resource.logicalID, "Properties"]
            var documents: [(Value, TemplatePath)] = []
            switch resource.type {
            case "AWS::IAM::Role":
                if case .list(let policies)? = resource.properties["Policies"] {
                    for (index, policy) in policies.enumerated() {
                        if case .object(let object) = policy, let document = object["PolicyDocument"] {
                            documents.append((document, base.appending("Policies").appending(index: index).appending("PolicyDocument")))
                            inlineSizes[resource.logicalID, default: 0] += Self.characters(of: policy)
                        }
                    }
                }
            case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
                if let document = resource.properties["PolicyDocument"] {
                    documents.append((document, base.appending("PolicyDocument")))
                }
                if resource.type == "AWS::IAM::Policy", case .list(let roles)? = resource.properties["Roles"] {
                    for case .intrinsic(.ref(let role)) in roles {
                        inlineSizes[role, default: 0] += Self.characters(of: resource.properties["PolicyDocument"] ?? .null)
                    }
                }
            default:
                continue
            }
            for (document, path) in documents {
                diagnostics += starResources(in: document, at: path, stack: stack)
            }
        }
        for resource in template.resources {
            if let size = inlineSizes[resource.logicalID], size > Self.inlinePolicyCharacterLimit {
                diagnostics.append(Diagnostic(
                    .error, stack: stack, path: ["Resources", resource.logicalID],
                    "the role's inline policies have about \(size) characters; IAM allows \(Self.inlinePolicyCharacterLimit) per role (use a managed policy, or fewer statements)"))
            }
        }
        return diagnostics
    }

    private func starResources(in document: Value, at path: TemplatePath, stack: String) -> [Diagnostic] {
        guard case .object(let object) = document else { return [] }
        var statements: [(Object, TemplatePath)] = []
        switch object["Statement"] {
        case .list(let items)?:
            for (index, item) in items.enumerated() {
                if case .object(let statement) = item { statements.append((statement, path.appending("Statement").appending(index: index))) }
            }
        case .object(let statement)?:
            statements.append((statement, path.appending("Statement")))
        default:
            return []
        }
        var diagnostics: [Diagnostic] = []
        for (statement, statementPath) in statements where statement["Effect"] == "Allow" {
            let resources: [Value]
            switch statement["Resource"] {
            case .list(let items)?: resources = items
            case let single?: resources = [single]
            case nil: resources = []
            }
            guard resources.contains(.string("*")) else { continue }
            let actions: [String]
            switch statement["Action"] {
            case .string(let action)?: actions = [action]
            case .list(let items)?: actions = items.compactMap(\.literalString)
            default: actions = []
            }
            let scoped = actions.filter { IAMActionCatalog.hasResourceLevelPermissions($0) == true }
            if !scoped.isEmpty {
                diagnostics.append(Diagnostic(
                    .error, stack: stack, path: statementPath.appending("Resource"),
                    "Resource '*' for \(scoped.joined(separator: ", ")), which IAM can scope to resources; name them (only actions without resource-level permissions may use '*')"
                ).advice())
            }
        }
        return diagnostics
    }

    /// Characters of a policy as IAM counts them: its JSON without white space.
    static func characters(of value: Value) -> Int {
        switch value {
        // Counting characters means finding grapheme boundaries; ASCII text
        // (nearly every policy) has one character per byte.
        case .string(let text): return (text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count) + 2
        case .integer(let number): return String(number).count
        case .double(let number): return String(number).count
        case .bool(let flag): return flag ? 4 : 5
        case .null: return 4
        case .list(let items): return 2 + items.reduce(0) { $0 + characters(of: $1) } + max(0, items.count - 1)
        case .object(let object):
            return 2 + object.entries.reduce(0) { $0 + characters(of: .string($1.key)) + 1 + characters(of: $1.value) }
                + max(0, object.entries.count - 1)
        case .intrinsic:
            // Resolved at deployment; an ARN is about this long.
            return 80
        }
    }
}
