import CloudFormation

/// A rule's finding on one resource of a template.
public struct SecurityFinding: Hashable, Sendable, CustomStringConvertible {
    public var rule: String
    /// The level in force for the template (the rule's own, or the stack's setting).
    public var level: RuleLevel
    public var logicalID: String
    public var path: TemplatePath
    public var detail: String
    public var fix: String
    /// The reason of the suppression that waives the finding, if any.
    public var suppressedBecause: String?

    /// `[S3-KMS] the bucket has no encryption setting. Fix: …`
    public var message: String { "[\(rule)] \(detail). Fix: \(fix)" }

    public var description: String { "\(level.rawValue): \(path): \(message)" }
}
