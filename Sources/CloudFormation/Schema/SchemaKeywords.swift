/// The keywords of one schema object that `JSONSchemaParser` reads, looked up
/// in a single pass over the object's members.
///
/// The parser asks each schema object for about thirty keywords, most of them
/// absent; searching the members for each in turn compared every key thirty
/// times, which was the largest part of reading a schema. Here each member's
/// key is looked up once, and a key the parser does not read is skipped. A
/// repeated key's last value wins, as in `JSONObject`.
struct SchemaKeywords {
    enum Keyword: Int, CaseIterable {
        case ref, type, `enum`, const, pattern, minLength, maxLength, minimum, maximum, exclusiveMinimum
        case exclusiveMaximum, minItems, maxItems, uniqueItems, items, required, properties, patternProperties
        case additionalProperties, requiredOr, dependencies, dependentRequired, dependentExcluded, allOf, anyOf
        case oneOf, not, `if`, then, `else`

        /// The keyword as a schema spells it.
        var name: String {
            switch self {
            case .ref: "$ref"
            case .type: "type"
            case .`enum`: "enum"
            case .const: "const"
            case .pattern: "pattern"
            case .minLength: "minLength"
            case .maxLength: "maxLength"
            case .minimum: "minimum"
            case .maximum: "maximum"
            case .exclusiveMinimum: "exclusiveMinimum"
            case .exclusiveMaximum: "exclusiveMaximum"
            case .minItems: "minItems"
            case .maxItems: "maxItems"
            case .uniqueItems: "uniqueItems"
            case .items: "items"
            case .required: "required"
            case .properties: "properties"
            case .patternProperties: "patternProperties"
            case .additionalProperties: "additionalProperties"
            case .requiredOr: "requiredOr"
            case .dependencies: "dependencies"
            case .dependentRequired: "dependentRequired"
            case .dependentExcluded: "dependentExcluded"
            case .allOf: "allOf"
            case .anyOf: "anyOf"
            case .oneOf: "oneOf"
            case .not: "not"
            case .`if`: "if"
            case .then: "then"
            case .`else`: "else"
            }
        }

        static let byName: [String: Keyword] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
    }

    private var values: [JSONValue?]

    init(_ object: JSONObject) {
        values = Array(repeating: nil, count: Keyword.allCases.count)
        for (key, value) in object.members {
            if let keyword = Keyword.byName[key] { values[keyword.rawValue] = value }
        }
    }

    subscript(keyword: Keyword) -> JSONValue? {
        values[keyword.rawValue]
    }
}
