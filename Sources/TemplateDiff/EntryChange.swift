import CloudFormation

/// A parameter or output added, removed or changed, by logical ID.
public struct EntryChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case added, removed, modified
    }

    public var kind: Kind
    public var logicalID: String
    /// For an added or removed entry, its one field change per field it has;
    /// for a modified one, the fields that changed (`Default`, `Export.Name`).
    public var changes: [ValueChange]
    /// What a reviewer should know beyond the changes themselves, as sentences.
    public var notes: [String]

    public init(kind: Kind, logicalID: String, changes: [ValueChange], notes: [String] = []) {
        self.kind = kind
        self.logicalID = logicalID
        self.changes = changes
        self.notes = notes
    }
}
