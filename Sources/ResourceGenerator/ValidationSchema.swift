import Foundation

/// The part of a resource schema that synthesis validates against, as compact
/// JSON: documentation, handler permissions and other metadata dropped, and
/// read-only properties removed (a template cannot set them).
enum ValidationSchema {
    /// Keywords kept in every schema node; everything else is metadata.
    static let keywords: Set<String> = [
        "type", "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minItems", "maxItems", "uniqueItems", "required", "properties", "patternProperties",
        "additionalProperties", "items", "oneOf", "anyOf", "allOf", "not", "if", "then", "else", "dependencies",
        "dependentRequired", "dependentExcluded", "requiredOr", "$ref", "definitions",
    ]

    static func json(for schema: [String: Any]) throws -> String {
        var document = trimmed(schema) as? [String: Any] ?? [:]
        let readOnly = (schema["readOnlyProperties"] as? [String] ?? [])
            .map { $0.split(separator: "/").map(String.init) }
            .filter { $0.count == 2 && $0[0] == "properties" }
            .map { $0[1] }
        if var properties = document["properties"] as? [String: Any] {
            for name in readOnly { properties[name] = nil }
            document["properties"] = properties
        }
        // Resource schemas do not always say so, but Properties is an object
        // that takes only the listed properties.
        document["type"] = "object"
        if document["additionalProperties"] == nil { document["additionalProperties"] = false }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Keeps validation keywords; below `properties`, `patternProperties` and
    /// `definitions` the keys are names, kept as they are.
    private static func trimmed(_ node: Any) -> Any {
        if let list = node as? [Any] { return list.map(trimmed) }
        guard let object = node as? [String: Any] else { return node }
        var result: [String: Any] = [:]
        for (key, value) in object where keywords.contains(key) {
            switch key {
            case "properties", "patternProperties", "definitions", "dependencies":
                if let named = value as? [String: Any] {
                    result[key] = named.mapValues { ($0 is [String: Any]) ? trimmed($0) : $0 }
                } else {
                    result[key] = value
                }
            case "enum", "const", "required", "requiredOr", "dependentRequired", "dependentExcluded":
                result[key] = value
            default:
                result[key] = trimmed(value)
            }
        }
        return result
    }
}
