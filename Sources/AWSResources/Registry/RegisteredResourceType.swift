import Foundation

/// What the CloudFormation resource schema of one type says, beside its
/// validation rules. Property paths are below `Properties`, dotted, with `*`
/// for any list index (`Tags.*.Key`).
public struct RegisteredResourceType: Sendable {
    /// `AWS::Service::Type`.
    public var typeName: String
    /// Properties whose change replaces the resource.
    public var createOnlyProperties: [String]
    /// Properties whose change replaces the resource in some cases only.
    public var conditionalCreateOnlyProperties: [String]
    /// Properties CloudFormation sets; a template cannot.
    public var readOnlyProperties: [String]
    /// Properties CloudFormation accepts but never returns.
    public var writeOnlyProperties: [String]
    /// Top-level properties a template must set.
    public var requiredProperties: [String]
    /// Properties AWS no longer supports.
    public var deprecatedProperties: [String]
    /// The properties that identify the physical resource.
    public var primaryIdentifier: [String]
    /// Names `Fn::GetAtt` accepts; a name ending in `.*` stands for any name
    /// below it (`Outputs.*` of a nested stack).
    public var attributeNames: [String]

    /// Reads a record's first line; the keys are the generator's.
    init(typeName: String, metadata: [UInt8]) {
        let object = (try? JSONSerialization.jsonObject(with: Data(metadata))) as? [String: [String]] ?? [:]
        self.typeName = typeName
        createOnlyProperties = object["createOnly"] ?? []
        conditionalCreateOnlyProperties = object["conditionalCreateOnly"] ?? []
        readOnlyProperties = object["readOnly"] ?? []
        writeOnlyProperties = object["writeOnly"] ?? []
        requiredProperties = object["required"] ?? []
        deprecatedProperties = object["deprecated"] ?? []
        primaryIdentifier = object["primaryIdentifier"] ?? []
        attributeNames = object["attributes"] ?? []
    }
}
