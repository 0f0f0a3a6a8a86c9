import CloudFormation

/// A rule waived for one resource, with the reason, written into the
/// resource's `Metadata` where reviewers and other tools see it:
///
/// ```yaml
/// Metadata:
///   synth:
///     suppress:
///     - rule: S3-ACCESS-LOGS
///       reason: This bucket receives the other buckets' access logs.
///   checkov:
///     skip:
///     - id: CKV_AWS_18
///       comment: This bucket receives the other buckets' access logs.
/// ```
///
/// The key is `synth`, the name of the tool that reads it, as checkov reads
/// `checkov` and cfn-lint `cfn-lint`: a reader knows which tool honours the
/// entry, and the entries of different tools cannot collide. The checkov
/// checks a rule maps to (`SecurityRule.checkov`) are written as checkov
/// skips with the same reason, so both tools waive the same thing for the
/// same stated reason. cfn-lint's rules test correctness, not security, and
/// none maps to a rule here.
public struct RuleSuppression: Hashable, Sendable {
    public var rule: String
    public var reason: String

    public init(_ rule: String, because reason: String) {
        self.rule = rule
        self.reason = reason
    }

    /// The `Metadata` key this pack reads, in resources and in the template.
    public static let metadataKey = "synth"

    /// Resource metadata with these suppressions, and checkov skips: the
    /// mapped checks of each rule, then `checkovOnly` (checks with no rule
    /// here), sorted by ID.
    public static func metadata(_ suppressions: [RuleSuppression], checkovOnly: [(id: String, reason: String)] = []) -> Object? {
        var skips: [String: String] = [:]
        for (id, reason) in checkovOnly { skips[id] = reason }
        for suppression in suppressions {
            for id in SecurityRulePack.rule(suppression.rule)?.checkov ?? [] where skips[id] == nil {
                skips[id] = suppression.reason
            }
        }
        var metadata: Object = [:]
        if !suppressions.isEmpty {
            let entries = suppressions.sorted { $0.rule < $1.rule }.map {
                Value.object(["rule": .string($0.rule), "reason": .string($0.reason)])
            }
            metadata[metadataKey] = ["suppress": .list(entries)]
        }
        if !skips.isEmpty {
            metadata["checkov"] = ["skip": .list(skips.keys.sorted().map { .object(["id": .string($0), "comment": .string(skips[$0]!)]) })]
        }
        return metadata.isEmpty ? nil : metadata
    }

    /// The suppressions written in a resource's metadata, each with its
    /// path; and what is wrong with the ones that are malformed.
    static func read(from resource: Resource) -> (suppressions: [(RuleSuppression, TemplatePath)], problems: [(TemplatePath, String)]) {
        guard let entry = resource.metadata?[metadataKey] else { return ([], []) }
        let base: TemplatePath = ["Resources", resource.logicalID, "Metadata", metadataKey]
        guard case .object(let object) = entry, case .list(let items)? = object["suppress"] else {
            return ([], [(base, "expected `suppress:` with a list of {rule, reason}")])
        }
        var suppressions: [(RuleSuppression, TemplatePath)] = []
        var problems: [(TemplatePath, String)] = []
        for (index, item) in items.enumerated() {
            let path = base.appending("suppress").appending(index: index)
            guard case .object(let fields) = item, let rule = fields["rule"]?.literalString else {
                problems.append((path, "a suppression names its rule: {rule: ID, reason: why}"))
                continue
            }
            guard SecurityRulePack.rule(rule) != nil else {
                problems.append((path.appending("rule"), "no security rule '\(rule)'" + SecurityRulePack.suggestion(for: rule)))
                continue
            }
            guard let reason = fields["reason"]?.literalString, reason.contains(where: { !$0.isWhitespace }) else {
                problems.append((path, "the suppression of \(rule) has no reason; say why the rule does not apply"))
                continue
            }
            suppressions.append((RuleSuppression(rule, because: reason), path))
        }
        return (suppressions, problems)
    }
}
