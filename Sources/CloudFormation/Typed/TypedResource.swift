/// A resource type generated from its CloudFormation schema: typed properties,
/// typed attributes, and the attributes every resource has.
public protocol TypedResource: ResourceDeclaration {
    /// `AWS::Service::Type`.
    static var typeName: String { get }
    /// Properties whose change replaces the resource (the schema's
    /// `createOnlyProperties`), as paths below `Properties`.
    static var createOnlyProperties: [String] { get }
    /// The attribute names `Fn::GetAtt` accepts (`Arn`, `Endpoint.Address`).
    static var attributeNames: [String] { get }
    /// The schema's validation rules for `Properties` as JSON, checked at synthesis.
    static var schemaJSON: String { get }

    var logicalID: String { get }
    var attributes: ResourceAttributes { get set }
    var overrides: PropertyOverrides { get set }
    /// The typed properties, in the schema's order of names, before overrides.
    func typedProperties() -> Object
}

extension TypedResource {
    public func declaredResources() -> [Resource] {
        var properties = typedProperties()
        overrides.apply(to: &properties)
        return [Resource(
            logicalID, type: Self.typeName, properties: properties,
            condition: attributes.condition, dependsOn: attributes.dependsOn, metadata: attributes.metadata,
            creationPolicy: attributes.creationPolicy, updatePolicy: attributes.updatePolicy,
            deletionPolicy: attributes.deletionPolicy, updateReplacePolicy: attributes.updateReplacePolicy)]
    }

    /// `Ref` to the resource. What it returns (a name, an ID, an ARN, a URL)
    /// depends on the type; each generated type documents it.
    public var ref: TemplateExpression<String> { TemplateExpression(unchecked: .ref(logicalID)) }

    /// `Fn::GetAtt` by name, for attributes the schema does not list. The
    /// generated members (`bucket.arn`) are the checked way.
    public func getAtt<T>(_ attribute: String, as type: T.Type = String.self) -> TemplateExpression<T> {
        TemplateExpression(unchecked: .getAtt(logicalID, attribute))
    }

    /// Sets a property the typed API does not reach, by its path below
    /// `Properties` (`"VersioningConfiguration.Status"`; `"Tags.0.Key"` for
    /// list items). Written into the template as given, like the CDK's
    /// `addPropertyOverride`, and checked against the schema like everything else.
    public mutating func addPropertyOverride(_ path: String, _ value: Value) {
        overrides.set(path, value)
    }

    /// Removes a property, typed or overridden, from the template.
    public mutating func removeProperty(_ path: String) {
        overrides.remove(path)
    }
}

/// The attributes of a resource beside its properties. The initializer takes
/// the condition and the resources depended on themselves; the names they
/// come to are what the template holds.
public struct ResourceAttributes: Hashable, Sendable {
    public var condition: String?
    public var dependsOn: [String] = []
    public var metadata: Object?
    public var creationPolicy: Value?
    public var updatePolicy: Value?
    public var deletionPolicy: DeletionPolicy?
    public var updateReplacePolicy: DeletionPolicy?

    public init(
        condition: Condition? = nil, dependsOn: [any ResourceDeclaration] = [], metadata: Object? = nil,
        creationPolicy: Value? = nil, updatePolicy: Value? = nil,
        deletionPolicy: DeletionPolicy? = nil, updateReplacePolicy: DeletionPolicy? = nil
    ) {
        self.condition = condition?.name
        self.dependsOn = dependsOn.map(\.logicalID)
        self.metadata = metadata
        self.creationPolicy = creationPolicy
        self.updatePolicy = updatePolicy
        self.deletionPolicy = deletionPolicy
        self.updateReplacePolicy = updateReplacePolicy
    }
}
