import CloudFormation

/// A role's inline policies (its `Policies` and the `AWS::IAM::Policy`
/// resources attached to it) together must stay within IAM's 10,240
/// characters (counted without white space). What they grant is judged by
/// the security rules (`IAM-WILDCARD-RESOURCE` and the others), which a
/// stack can waive with a reason.
public struct IdentityPolicyCheck: TemplateCheck {
    public static let inlinePolicyCharacterLimit = 10_240

    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var inlineSizes: [String: Int] = [:]
        for resource in template.resources {
            switch resource.type {
            case "AWS::IAM::Role":
                if case .list(let policies)? = resource.properties["Policies"] {
                    for case .object(let object) in policies where object["PolicyDocument"] != nil {
                        inlineSizes[resource.logicalID, default: 0] += Self.characters(of: .object(object))
                    }
                }
            case "AWS::IAM::Policy":
                if case .list(let roles)? = resource.properties["Roles"] {
                    for case .intrinsic(.ref(let role)) in roles {
                        inlineSizes[role, default: 0] += Self.characters(of: resource.properties["PolicyDocument"] ?? .null)
                    }
                }
            default:
                continue
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
