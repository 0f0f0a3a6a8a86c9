import CloudFormation
import Foundation

/// Checks the literal property values of every resource whose type is in the
/// resource registry against that type's schema: enums, patterns, lengths,
/// ranges, item counts, required properties and their combinations, and
/// unknown property names (with the closest known one). Raw `Resource` values and property overrides are checked
/// too, since the check reads the template, not the Swift types.
public struct ResourceSchemaCheck: ResourceCheck {
    public init() {}

    public func diagnostics(forResourceAt index: Int, in template: Template, stack: String) -> [Diagnostic] {
        let resource = template.resources[index]
        let properties = PackagedProperties.asPackaged(resource.properties, type: resource.type)
        guard let schema = ResourceSchemas.shared.schema(for: resource.type, properties: properties) else { return [] }
        let path: TemplatePath = ["Resources", resource.logicalID, "Properties"]
        return SchemaValidator.validate(.object(properties), against: schema, at: path).map { violation in
            Diagnostic(.error, stack: stack, path: violation.path, violation.message)
        }
    }
}

/// The registry's schemas, parsed for the properties a template sets
/// and kept by type and property names, so resources that set the same
/// properties share one parse.
final class ResourceSchemas: @unchecked Sendable {
    static let shared = ResourceSchemas()

    private struct Key: Hashable {
        var typeName: String
        var properties: [String]
    }

    private var documents: [String: SchemaDocument] = [:]
    private var parsed: [Key: JSONSchema] = [:]
    private let lock = NSLock()

    private init() {}

    /// Reading and parsing happen outside the lock, so that checks of
    /// different types run side by side; two threads that want the same
    /// schema at once may both parse it, and the first one stored is kept.
    func schema(for typeName: String, properties: Object) -> JSONSchema? {
        let key = Key(typeName: typeName, properties: properties.keys.sorted())
        lock.lock()
        let knownSchema = parsed[key]
        let knownDocument = knownSchema == nil ? documents[typeName] : nil
        lock.unlock()
        if let knownSchema { return knownSchema }
        let document: SchemaDocument
        if let known = knownDocument {
            document = known
        } else if let json = ResourceRegistry.schemaJSON(for: typeName) {
            // The generator produced this JSON and the tests parse every schema, so
            // a failure here is a bug in the generator, not in a user's stack.
            guard let parsed = try? SchemaDocument(json: json) else { preconditionFailure("the schema of \(typeName) does not parse") }
            document = parsed
        } else {
            return nil
        }
        guard let schema = try? JSONSchema.properties(Set(key.properties), of: document) else {
            preconditionFailure("the schema of \(typeName) does not parse")
        }
        lock.lock()
        defer { lock.unlock() }
        if documents[typeName] == nil { documents[typeName] = document }
        if let stored = parsed[key] { return stored }
        parsed[key] = schema
        return schema
    }
}
