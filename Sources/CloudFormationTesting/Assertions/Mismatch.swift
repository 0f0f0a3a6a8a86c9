import CloudFormation

/// One way a value fails a pattern, at the path where it fails:
/// `Resources.ExportBucket.Properties.VersioningConfiguration.Status: expected "Enabled", found "Suspended"`.
public struct Mismatch: Hashable, Sendable, CustomStringConvertible {
    /// Where in the template (or below the path a match started at).
    public var path: TemplatePath
    /// What was expected and what was found, such as `missing (expected true)`.
    public var message: String

    public init(path: TemplatePath, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, or the message alone at the root of a match.
    public var description: String {
        path.components.isEmpty ? message : "\(path): \(message)"
    }
}
