import CloudFormation
import Foundation

/// Checks the literal property values of every resource whose type was
/// generated against that type's schema: enums, patterns, lengths, ranges,
/// item counts, required properties and their combinations, and unknown
/// property names. Raw `Resource` values and property overrides are checked
/// too, since the check reads the template, not the Swift types.
public struct ResourceSchemaCheck: TemplateCheck {
    public init() {}

    public func diagnostics(for template: Template, stack: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for resource in template.resources {
            guard let schema = ResourceSchemas.shared.schema(for: resource.type, properties: resource.properties) else { continue }
            let path: TemplatePath = ["Resources", resource.logicalID, "Properties"]
            for violation in SchemaValidator.validate(.object(resource.properties), against: schema, at: path) {
                diagnostics.append(Diagnostic(.error, stack: stack, path: violation.path, violation.message))
            }
        }
        return diagnostics
    }
}

/// The generated types' schemas, parsed for the properties a template sets
/// and kept by type and property names, so resources that set the same
/// properties share one parse.
final class ResourceSchemas: @unchecked Sendable {
    static let shared = ResourceSchemas()

    private struct Key: Hashable {
        var typeName: String
        var properties: [String]
    }

    private let types: [String: any TypedResource.Type]
    private var documents: [String: SchemaDocument] = [:]
    private var parsed: [Key: JSONSchema] = [:]
    private let lock = NSLock()

    private init() {
        types = GeneratedResourceTypes.byName
    }

    func schema(for typeName: String, properties: Object) -> JSONSchema? {
        guard let type = types[typeName] else { return nil }
        let key = Key(typeName: typeName, properties: properties.keys.sorted())
        lock.lock()
        defer { lock.unlock() }
        if let schema = parsed[key] { return schema }
        // The generator produced this JSON and the tests parse every schema, so
        // a failure here is a bug in the generator, not in a user's stack.
        let document: SchemaDocument
        if let known = documents[typeName] {
            document = known
        } else {
            guard let read = try? SchemaDocument(json: type.schemaJSON) else {
                preconditionFailure("the generated schema of \(typeName) does not parse")
            }
            documents[typeName] = read
            document = read
        }
        guard let schema = try? JSONSchema.properties(Set(key.properties), of: document) else {
            preconditionFailure("the generated schema of \(typeName) does not parse")
        }
        parsed[key] = schema
        return schema
    }
}
