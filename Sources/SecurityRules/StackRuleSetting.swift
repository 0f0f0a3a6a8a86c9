import CloudFormation

/// A stack's own level for a rule (an error, a warning, or off), with the
/// reason, in the template's `Metadata`:
///
/// ```yaml
/// Metadata:
///   synth:
///     rules:
///     - rule: LAMBDA-CONCURRENCY
///       level: error
///       reason: Production functions must never exhaust the account's concurrency.
/// ```
///
/// In the template, so `synth validate` honours it on any file and a reviewer
/// sees it beside what it governs. The rule `*` stands for every rule the
/// stack does not set by name.
public struct StackRuleSetting: Hashable, Sendable {
    /// A rule ID, or `*` for every rule not set by name.
    public var rule: String
    public var level: RuleLevel
    public var reason: String

    public init(_ rule: String, _ level: RuleLevel, because reason: String) {
        self.rule = rule
        self.level = level
        self.reason = reason
    }

    /// Writes `settings` into a stack's template metadata.
    public static func apply(_ settings: [StackRuleSetting], to stack: Stack) {
        let entries = settings.map {
            Value.object(["rule": .string($0.rule), "level": .string($0.level.rawValue), "reason": .string($0.reason)])
        }
        var synth = stack.metadata[RuleSuppression.metadataKey]?.objectValue ?? [:]
        synth["rules"] = .list(entries)
        stack.metadata[RuleSuppression.metadataKey] = .object(synth)
    }

    /// The settings of a template, and what is wrong with malformed ones.
    static func read(from template: Template) -> (settings: [String: StackRuleSetting], problems: [(TemplatePath, String)]) {
        guard let entry = template.metadata[RuleSuppression.metadataKey] else { return ([:], []) }
        let base: TemplatePath = ["Metadata", RuleSuppression.metadataKey]
        guard case .object(let object) = entry, case .list(let items)? = object["rules"] else {
            return ([:], [(base, "expected `rules:` with a list of {rule, level, reason}")])
        }
        var settings: [String: StackRuleSetting] = [:]
        var problems: [(TemplatePath, String)] = []
        for (index, item) in items.enumerated() {
            let path = base.appending("rules").appending(index: index)
            guard case .object(let fields) = item, let rule = fields["rule"]?.literalString else {
                problems.append((path, "a rule setting names its rule: {rule: ID, level: error|warning|off, reason: why}"))
                continue
            }
            guard rule == "*" || SecurityRulePack.rule(rule) != nil else {
                problems.append((path.appending("rule"), "no security rule '\(rule)'" + SecurityRulePack.suggestion(for: rule)))
                continue
            }
            // A YAML 1.1 reader takes an unquoted `off` for false.
            let level: RuleLevel? = fields["level"] == .bool(false) ? .off : fields["level"]?.literalString.flatMap(RuleLevel.init(rawValue:))
            guard let level else {
                problems.append((path.appending("level"), "the level of \(rule) is error, warning or off"))
                continue
            }
            guard let reason = fields["reason"]?.literalString, reason.contains(where: { !$0.isWhitespace }) else {
                problems.append((path, "the setting of \(rule) has no reason; say why this stack differs"))
                continue
            }
            settings[rule] = StackRuleSetting(rule, level, because: reason)
        }
        return (settings, problems)
    }
}
