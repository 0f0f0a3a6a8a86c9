import CloudFormation
import IAMPolicies

/// A statement of a template as the diff reads it: the statement, where it
/// is, and what its policy implies about it.
struct StatementSource {
    var statement: Object
    var path: TemplatePath
    /// For identity policies, the identities they are attached to
    /// (`role:${ExportRole}`); `nil` for resource policies, whose statements name principals.
    var identityPrincipals: [String]?
    /// What a missing resource and `Resource: "*"` mean, for a policy whose
    /// statements are about what it governs (a key policy's `*` is its own key).
    var impliedResource: String?
    var templateConditions: [ConditionClause]

    /// Every statement of the template (`TemplatePolicies`), and a row-to-be
    /// for each policy an identity refers to whose statements are not in the
    /// template (an AWS managed policy by ARN): its action is the policy
    /// itself, which no row but `Allow *` on `*` covers, so attaching one is broadening.
    static func all(in template: Template) -> [StatementSource] {
        let written = TemplatePolicies.statements(in: template).compactMap { site -> StatementSource? in
            guard case .object(let statement) = site.statement else { return nil }
            let policy = site.policy
            var identities: [String]?
            if policy.kind.side == .identity || policy.kind.side == .limit {
                identities = policy.identities.map(text)
                if identities!.isEmpty { identities = ["policy:${\(policy.logicalID)}"] }  // attached to nothing (yet): under its own name
            }
            var implied: String?
            if policy.kind.resourceIsHolder {
                implied = if case .holder = policy.kind.attachment { "${\(policy.logicalID).Arn}" } else { policy.governed.first.map { ValueText.line($0, style: .resolved) } }
            }
            return StatementSource(
                statement: statement, path: site.path, identityPrincipals: identities, impliedResource: implied,
                templateConditions: site.conditions.map(clause))
        }
        let outside = TemplatePolicies.outsidePolicies(in: template).map { outside in
            StatementSource(
                statement: ["Effect": "Allow", "Action": .string("policy \(ValueText.line(outside.reference, style: .resolved))"), "Resource": "*"],
                path: outside.path, identityPrincipals: [text(outside.identity)], impliedResource: nil,
                templateConditions: outside.conditions.map(clause))
        }
        return written + outside
    }

    private static func text(_ identity: AttachedIdentity) -> String {
        "\(identity.kind):\(ValueText.line(identity.name, style: .resolved))"
    }

    private static func clause(_ branch: ConditionBranch) -> ConditionClause {
        .templateCondition(branch.name, holds: branch.holds)
    }
}
