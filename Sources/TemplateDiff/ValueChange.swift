import CloudFormation

/// One difference between two templates at one path: a value added, removed
/// or replaced by another.
///
/// The path is relative to what was compared: below a resource
/// (`Properties.BucketName`, `DeletionPolicy`), below a parameter or output
/// (`Default`), or from the template's root for the other sections
/// (`Mappings.EnvironmentSettings.dev.RetentionSeconds`).
public struct ValueChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case added, removed, modified
    }

    public var path: TemplatePath
    /// `nil` when the value was added.
    public var old: Value?
    /// `nil` when the value was removed.
    public var new: Value?

    public init(path: TemplatePath, old: Value?, new: Value?) {
        self.path = path
        self.old = old
        self.new = new
    }

    public var kind: Kind {
        switch (old, new) {
        case (nil, _): .added
        case (_, nil): .removed
        default: .modified
        }
    }
}
