import CloudFormation

/// What happens to one resource, by logical ID.
public struct ResourceChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case added, removed, modified
        /// Removed under one logical ID and added, with the same type and
        /// properties, under another: CloudFormation sees a new resource and
        /// deletes the old one.
        case renamed
    }

    public var kind: Kind
    /// The logical ID in the new template (in the old one for a removed resource).
    public var logicalID: String
    /// The logical ID in the old template, for a renamed resource.
    public var oldLogicalID: String?
    /// The type in the new template (in the old one for a removed resource).
    public var type: String
    /// The type in the old template, when it changed.
    public var oldType: String?
    /// Condition, DependsOn, Metadata, CreationPolicy, UpdatePolicy,
    /// DeletionPolicy and UpdateReplacePolicy, by path below the resource.
    public var attributeChanges: [ValueChange]
    /// By path below the resource (`Properties.BucketName`).
    public var propertyChanges: [ValueChange]
    /// Set when the change replaces the physical resource.
    public var replacement: Replacement?
    /// Properties of a type the resource registry does not have (`Custom::…`,
    /// a third-party or private type) change: whether CloudFormation replaces
    /// the resource cannot be said.
    public var replacementIsUnknown: Bool
    /// What becomes of a removed resource's physical resource.
    public var removal: OldResourceFate?
    /// What a reviewer should know beyond the changes themselves, as sentences.
    public var notes: [String]

    public init(
        kind: Kind, logicalID: String, oldLogicalID: String? = nil, type: String, oldType: String? = nil,
        attributeChanges: [ValueChange] = [], propertyChanges: [ValueChange] = [],
        replacement: Replacement? = nil, replacementIsUnknown: Bool = false, removal: OldResourceFate? = nil,
        notes: [String] = []
    ) {
        self.kind = kind
        self.logicalID = logicalID
        self.oldLogicalID = oldLogicalID
        self.type = type
        self.oldType = oldType
        self.attributeChanges = attributeChanges
        self.propertyChanges = propertyChanges
        self.replacement = replacement
        self.replacementIsUnknown = replacementIsUnknown
        self.removal = removal
        self.notes = notes
    }

    /// Where the resource is in the template it is described from.
    public var templatePath: TemplatePath { ["Resources", logicalID] }

    /// A removal that destroys data (a stateful resource without a retaining `DeletionPolicy`).
    public var deletesData: Bool { removal == .dataLost }
}

/// Why and how a resource is replaced.
public struct Replacement: Hashable, Sendable {
    public enum Cause: Hashable, Sendable {
        case typeChanged(from: String, to: String)
        /// The changed paths, below the resource, that touch create-only properties.
        case createOnlyPropertiesChanged([TemplatePath])
        case renamed(from: String)
        /// Create-only properties (the paths) refer to a resource that is itself
        /// replaced, so their values change although the template's text does not.
        case referencedResourceReplaced(logicalID: String, paths: [TemplatePath])
    }

    public var causes: [Cause]
    public var oldResourceFate: OldResourceFate

    public init(causes: [Cause], oldResourceFate: OldResourceFate) {
        self.causes = causes
        self.oldResourceFate = oldResourceFate
    }

    public var losesData: Bool { oldResourceFate == .dataLost }

    /// The attribute that disposes of the old resource: `DeletionPolicy` when
    /// its logical ID leaves the template (a rename), `UpdateReplacePolicy` otherwise.
    public var disposingAttribute: String {
        causes.contains { if case .renamed = $0 { true } else { false } } ? "DeletionPolicy" : "UpdateReplacePolicy"
    }

    /// The create-only paths whose values change, in the text or through a
    /// replaced resource they refer to (empty for a type change or a rename).
    public var createOnlyPaths: [TemplatePath] {
        causes.flatMap { cause -> [TemplatePath] in
            switch cause {
            case .createOnlyPropertiesChanged(let paths), .referencedResourceReplaced(_, let paths): paths
            case .renamed, .typeChanged: []
            }
        }
    }
}

/// What becomes of the physical resource a replacement or removal leaves behind.
public enum OldResourceFate: Hashable, Sendable {
    /// The type holds no data: the old one is deleted and nothing is lost.
    case noData
    /// A stateful resource deleted with its data.
    case dataLost
    /// Kept (Retain, RetainExceptOnDelete) or snapshotted (Snapshot) by the named policy attribute.
    case retained(policy: DeletionPolicy, attribute: String)
}
