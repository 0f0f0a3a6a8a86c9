import CloudFormation

/// How much a rule's finding counts: an error stops synthesis, a warning is
/// printed, `off` skips the rule.
public enum RuleLevel: String, Hashable, Sendable, CaseIterable {
    case error
    case warning
    case off

    /// The diagnostic severity of a finding at this level; `nil` when off.
    var severity: Diagnostic.Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .off: nil
        }
    }
}
