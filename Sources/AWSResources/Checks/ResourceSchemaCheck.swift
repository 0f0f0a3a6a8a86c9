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
            guard let schema = ResourceSchemas.shared.schema(for: resource.type) else { continue }
            let path: TemplatePath = ["Resources", resource.logicalID, "Properties"]
            for violation in SchemaValidator.validate(.object(resource.properties), against: schema, at: path) {
                diagnostics.append(Diagnostic(.error, stack: stack, path: violation.path, violation.message))
            }
        }
        return diagnostics
    }
}

/// The generated types' schemas, parsed once each, on first use.
final class ResourceSchemas: @unchecked Sendable {
    static let shared = ResourceSchemas()

    private let types: [String: any TypedResource.Type]
    private var parsed: [String: JSONSchema] = [:]
    private let lock = NSLock()

    private init() {
        types = GeneratedResourceTypes.byName
    }

    func schema(for typeName: String) -> JSONSchema? {
        guard let type = types[typeName] else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let schema = parsed[typeName] { return schema }
        // The generator produced this JSON and the tests parse every schema, so
        // a failure here is a bug in the generator, not in a user's stack.
        guard let schema = try? JSONSchema(json: type.schemaJSON) else {
            preconditionFailure("the generated schema of \(typeName) does not parse")
        }
        parsed[typeName] = schema
        return schema
    }
}
