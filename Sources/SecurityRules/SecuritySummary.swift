import CloudFormation

/// What a template waives, for the end of a run: each suppression in use
/// (one that waives a finding) with its reason, and the stack's own rule
/// levels. Nothing when nothing is waived.
public struct SecuritySummary: Sendable {
    public var suppressions: [(rule: String, logicalID: String, reason: String)]
    public var settings: [StackRuleSetting]

    /// The suppressions and settings written in a template, but those at
    /// `unused` (the paths of the warnings `SecurityReport` gives for
    /// suppressions that waive nothing): the summary of a template whose
    /// rules have run, without running them again. `unused` is worked out
    /// only for a template that holds suppressions.
    public init(of template: Template, unused: @autoclosure () -> Set<TemplatePath>) {
        var unusedPaths: Set<TemplatePath>?
        suppressions = template.resources.flatMap { resource in
            RuleSuppression.read(from: resource).suppressions.compactMap { suppression, path in
                if unusedPaths == nil { unusedPaths = unused() }
                return unusedPaths!.contains(path) ? nil : (suppression.rule, resource.logicalID, suppression.reason)
            }
        }
        settings = StackRuleSetting.read(from: template).settings.values.sorted { $0.rule < $1.rule }
    }

    init(suppressions: [(rule: String, logicalID: String, reason: String)], settings: [StackRuleSetting]) {
        self.suppressions = suppressions
        self.settings = settings
    }

    public func lines(stack: String) -> [String] {
        guard !suppressions.isEmpty || !settings.isEmpty else { return [] }
        var head = "\(stack): security rules: \(suppressions.count) suppression\(suppressions.count == 1 ? "" : "s") in use"
        if !settings.isEmpty { head += ", \(settings.count) set by the stack" }
        return [head]
            + suppressions.map { "  suppressed \($0.rule) on \($0.logicalID): \($0.reason)" }
            + settings.map { "  \($0.rule) is \($0.level.rawValue) for this stack: \($0.reason)" }
    }
}
