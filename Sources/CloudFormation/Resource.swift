/// A resource of the template, with its attributes and properties as written.
public struct Resource: Hashable, Sendable {
    public var logicalID: String
    /// The CloudFormation type name, such as `AWS::S3::Bucket`.
    public var type: String
    /// Created only when this condition holds.
    public var condition: String?
    /// Resources to create first. Synthesis drops entries that a `Ref`,
    /// `Fn::GetAtt` or `Fn::Sub` of the properties already implies.
    public var dependsOn: [String]
    public var metadata: Object?
    public var creationPolicy: Value?
    public var updatePolicy: Value?
    public var deletionPolicy: DeletionPolicy?
    public var updateReplacePolicy: DeletionPolicy?
    public var properties: Object
    /// Attributes kept as written that the model does not type: `Version`
    /// (custom resources, legacy), `IgnoreGlobals` (SAM), and a
    /// `DeletionPolicy` or `UpdateReplacePolicy` given as a function (with the
    /// `AWS::LanguageExtensions` transform).
    public var otherAttributes: Object = [:]

    public init(
        _ logicalID: String,
        type: String,
        properties: Object = [:],
        condition: String? = nil,
        dependsOn: [String] = [],
        metadata: Object? = nil,
        creationPolicy: Value? = nil,
        updatePolicy: Value? = nil,
        deletionPolicy: DeletionPolicy? = nil,
        updateReplacePolicy: DeletionPolicy? = nil
    ) {
        self.logicalID = logicalID
        self.type = type
        self.properties = properties
        self.condition = condition
        self.dependsOn = dependsOn
        self.metadata = metadata
        self.creationPolicy = creationPolicy
        self.updatePolicy = updatePolicy
        self.deletionPolicy = deletionPolicy
        self.updateReplacePolicy = updateReplacePolicy
    }

    /// `Ref` to this resource: what it returns depends on the type (a name, an ID, an ARN).
    public var ref: Value { .ref(logicalID) }

    /// `Fn::GetAtt` of one of the resource's attributes.
    public func getAtt(_ attribute: String) -> Value { .getAtt(logicalID, attribute) }
}

/// What CloudFormation does with a resource's physical resource when the
/// resource leaves the stack (`DeletionPolicy`) or is replaced (`UpdateReplacePolicy`).
public enum DeletionPolicy: String, Hashable, Sendable, CaseIterable {
    case delete = "Delete"
    case retain = "Retain"
    /// Retains the resource unless the whole stack's creation is rolled back or the stack is deleted.
    case retainExceptOnDelete = "RetainExceptOnDelete"
    case snapshot = "Snapshot"
}
