import CloudFormation

/// One security rule: what it requires of which resource types, why, how to
/// satisfy it, and the checkov checks that test the same property (a
/// suppression of the rule is also written as a skip of those, so checkov
/// and this pack agree on what was waived). A checkov check that asks for
/// less (any encryption, where the rule asks for a customer key) is not
/// listed: waiving the rule does not waive it.
public struct SecurityRule: Sendable {
    /// Stable identifier, `SERVICE-PROPERTY`, named in suppressions and settings.
    public let id: String
    /// The requirement, as a sentence: "Buckets are encrypted with a customer-managed KMS key."
    public let title: String
    public let level: RuleLevel
    public let reason: String
    public let fix: String
    /// The resource types the rule looks at.
    public let resourceTypes: [String]
    public let checkov: [String]
    let check: @Sendable (Resource, RuleContext) -> [RuleViolation]

    init(
        _ id: String, _ level: RuleLevel, types: [String], checkov: [String] = [], title: String, reason: String, fix: String,
        check: @escaping @Sendable (Resource, RuleContext) -> [RuleViolation]
    ) {
        self.id = id
        self.title = title
        self.level = level
        self.reason = reason
        self.fix = fix
        self.resourceTypes = types
        self.checkov = checkov
        self.check = check
    }
}

/// What a rule found on one resource: where (below the resource) and what.
struct RuleViolation: Sendable {
    var path: [TemplatePath.Component]
    var detail: String

    init(_ keys: [String], _ detail: String) {
        path = keys.map(TemplatePath.Component.key)
        self.detail = detail
    }

    init(components: [TemplatePath.Component], _ detail: String) {
        path = components
        self.detail = detail
    }
}
