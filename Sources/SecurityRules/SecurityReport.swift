import CloudFormation

/// What the security rules found in one template, and what was waived.
public struct SecurityReport: Sendable {
    /// The stack's own rule levels.
    public var settings: [StackRuleSetting]
    /// Malformed suppressions and settings: where, and what is wrong.
    public var problems: [(path: TemplatePath, message: String)]
    /// Every finding of the rules in force, suppressed ones included.
    public var findings: [SecurityFinding] = []
    /// Suppressions whose rule found nothing on their resource.
    public var unusedSuppressions: [(suppression: RuleSuppression, logicalID: String, path: TemplatePath)] = []
    /// Suppressions that waive a finding (or a rule the stack turned off).
    public var usedSuppressions: [(suppression: RuleSuppression, logicalID: String)] = []

    init(settings: [StackRuleSetting], problems: [(TemplatePath, String)]) {
        self.settings = settings
        self.problems = problems.map { (path: $0.0, message: $0.1) }
    }

    /// The findings no suppression waives.
    public var active: [SecurityFinding] { findings.filter { $0.suppressedBecause == nil } }
    public var suppressed: [SecurityFinding] { findings.filter { $0.suppressedBecause != nil } }

    /// The rule IDs of the active findings, each once, in order of first finding.
    public var ruleIDs: [String] {
        var seen = Set<String>()
        return active.map(\.rule).filter { seen.insert($0).inserted }
    }

    /// Active findings at their level (advice: `synth validate` lists them as
    /// warnings on a template written elsewhere), unused suppressions as
    /// warnings, malformed metadata as errors.
    public func diagnostics(stack: String) -> [Diagnostic] {
        problems.map { Diagnostic(.error, stack: stack, path: $0.path, $0.message) }
            + active.compactMap { finding in finding.level.severity.map { Diagnostic($0, stack: stack, path: finding.path, finding.message).advice() } }
            + unusedSuppressions.map {
                Diagnostic(.warning, stack: stack, path: $0.path, "the suppression of \($0.suppression.rule) waives nothing on \($0.logicalID): remove it")
            }
    }

    /// What was waived and why, for the end of a run (`SecuritySummary`).
    public func summary(stack: String) -> [String] {
        SecuritySummary(suppressions: usedSuppressions.map { ($0.suppression.rule, $0.logicalID, $0.suppression.reason) }, settings: settings)
            .lines(stack: stack)
    }
}
