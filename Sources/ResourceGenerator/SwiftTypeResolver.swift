/// How a schema node is spelled in Swift, and which nested types a resource
/// needs for it.
indirect enum SwiftType: Equatable {
    /// `TemplateExpression<Scalar>`: a literal or an intrinsic returning a scalar.
    case expression(scalar: String)
    /// `TemplateExpression<[Scalar]>`: a list literal, or `Fn::Split`, `Fn::GetAZs`, a list parameter.
    case expressionList(scalar: String)
    /// A generated struct or enum nested in the resource.
    case named(String)
    /// `[Element]` of generated types.
    case list(SwiftType)
    /// `[String: Element]`, written with sorted keys.
    case map(SwiftType)
    /// Free-form JSON (policy documents, event patterns): `Value`.
    case json
    /// `Reference<ReferenceKinds.Kind>`: the ARN, name or ID of a resource of another type.
    case reference(kind: String)

    var spelling: String {
        switch self {
        case .expression(let scalar): "TemplateExpression<\(scalar)>"
        case .expressionList(let scalar): "TemplateExpression<[\(scalar)]>"
        case .named(let name): name
        case .list(let element): "[\(element.spelling)]"
        case .map(let element): "[String: \(element.spelling)]"
        case .json: "Value"
        case .reference(let kind): "Reference<ReferenceKinds.\(kind)>"
        }
    }
}

/// A nested type to generate.
enum NestedType {
    case structure(name: String, schema: [String: Any])
    case enumeration(name: String, values: [String], description: String?)

    var name: String {
        switch self {
        case .structure(let name, _), .enumeration(let name, _, _): name
        }
    }
}

/// Maps schema nodes to Swift types for one resource, naming nested types so
/// that they do not collide with each other, with the resource, or with the
/// module's own types that generated code uses.
final class SwiftTypeResolver {
    let document: [String: Any]
    private(set) var nestedTypes: [NestedType] = []
    private var namesInUse: Set<String>
    private var definitionTypes: [String: SwiftType] = [:]
    /// The definition each nested structure was made from.
    private var definitionOfStructure: [String: String] = [:]
    private lazy var recursion = RecursiveDefinitions(document: document)
    /// The structure whose properties are being resolved, and whether the
    /// node at hand sits in a list or map of it (which breaks a cycle).
    private var holder: String?
    private var insideCollection = false

    static let reservedNames: Set<String> = [
        "Value", "Object", "TemplateExpression", "PropertyValue", "ResourceAttributes", "PropertyOverrides", "TypedResource",
        "String", "Int", "Double", "Bool", "Array", "Dictionary", "Condition", "Mapping", "Parameter", "Output",
        "Resource", "Stack", "Template", "Reference", "ReferenceKinds",
        // Members named so would clash with the metatype expressions `X.Type` and `X.Protocol`.
        "Type", "Protocol", "Self",
    ]

    let resourceName: String
    /// Where typed references are collected; nil: references stay strings.
    let references: ReferenceKindCatalog?

    init(document: [String: Any], resourceName: String, references: ReferenceKindCatalog? = nil) {
        self.document = document
        self.resourceName = resourceName
        self.references = references
        namesInUse = Self.reservedNames.union([resourceName])
    }

    /// A resource's own top-level property that the formats say names a resource
    /// of its type (a bucket's `BucketName`, an alias's `AliasName`) is the name
    /// it gets, not a reference to another one: that target is dropped.
    private func ownName(excludedFrom targets: [ReferenceTarget], property: String, parent: String) -> [ReferenceTarget] {
        guard parent == resourceName, let typeName = document["typeName"] as? String else { return targets }
        return targets.filter { !($0.typeName == typeName && $0.property == property) }
    }

    /// `parent` is the Swift name of the type holding the property: a name
    /// already taken is qualified with it (`VersioningConfigurationStatus`).
    func resolve(_ schema: [String: Any], suggestedName: String, parent: String) -> SwiftType {
        if let reference = schema["$ref"] as? String {
            if !insideCollection, let holder, let holderDefinition = definitionOfStructure[holder],
                recursion.closesCycle(from: holderDefinition, to: String(reference.split(separator: "/").last ?? ""))
            {
                return .json
            }
            return resolveDefinition(reference)
        }
        let types = Self.types(of: schema)
        if let references, types == ["string"] || (types.isEmpty && schema["properties"] == nil),
            let targets = ReferenceTarget.targets(of: schema).map({ ownName(excludedFrom: $0, property: suggestedName, parent: parent) }),
            !targets.isEmpty
        {
            return .reference(kind: references.kind(for: targets))
        }
        if types.isEmpty, schema["properties"] == nil, let branches = (schema["oneOf"] ?? schema["anyOf"]) as? [[String: Any]] {
            // Alternative shapes (a typed list, or the same as raw JSON): the first
            // branch Swift can type is the one the API offers; the escape hatch
            // covers the rest.
            for branch in branches {
                let type = resolve(branch, suggestedName: suggestedName, parent: parent)
                if type != .json { return type }
            }
            return .json
        }
        if types.count > 1 {
            return .json
        }
        switch types.first {
        case "string":
            if let values = schema["enum"] as? [String], !values.isEmpty {
                let name = claimName(suggestedName, parent: parent)
                nestedTypes.append(.enumeration(name: name, values: values, description: nil))
                return .named(name)
            }
            return .expression(scalar: "String")
        case "integer":
            return .expression(scalar: "Int")
        case "number":
            return .expression(scalar: "Double")
        case "boolean":
            return .expression(scalar: "Bool")
        case "array":
            if let references, let format = schema["format"] as? String, let itemFormat = ReferenceTarget.listFormats[format],
                let target = ReferenceTarget.formats[itemFormat]
            {
                return .list(.reference(kind: references.kind(for: [target])))
            }
            let items = Self.itemsWithListHints(schema)
            let element = inCollection { resolve(items, suggestedName: Self.singular(suggestedName), parent: parent) }
            if case .expression(let scalar) = element { return .expressionList(scalar: scalar) }
            return .list(element)
        case "object", nil:
            if let properties = schema["properties"] as? [String: Any], !properties.isEmpty {
                let name = claimName(suggestedName, parent: parent)
                nestedTypes.append(.structure(name: name, schema: schema))
                return .named(name)
            }
            if let valueSchema = Self.mapValueSchema(schema) {
                let element = inCollection { resolve(valueSchema, suggestedName: suggestedName + "Value", parent: parent) }
                if element == .json, Self.types(of: valueSchema).contains("string") {
                    return .map(.expression(scalar: "String"))
                }
                return .map(element)
            }
            return .json
        default:
            return .json
        }
    }

    /// `#/definitions/Name`: one nested type per definition, however often used.
    private func resolveDefinition(_ reference: String) -> SwiftType {
        if let known = definitionTypes[reference] { return known }
        let name = String(reference.split(separator: "/").last ?? "Value")
        let definitions = document["definitions"] as? [String: Any] ?? [:]
        guard let schema = definitions[name] as? [String: Any] else { return .json }
        let type = resolve(schema, suggestedName: SwiftNames.type(name), parent: resourceName)
        definitionTypes[reference] = type
        if case .named(let structure) = type { definitionOfStructure[structure] = name }
        return type
    }

    /// Resolves the properties of the structure `name` (see `holder`).
    func resolvingProperties<T>(of name: String, _ body: () -> T) -> T {
        let saved = (holder, insideCollection)
        (holder, insideCollection) = (name, false)
        defer { (holder, insideCollection) = saved }
        return body()
    }

    private func inCollection<T>(_ body: () -> T) -> T {
        let saved = insideCollection
        insideCollection = true
        defer { insideCollection = saved }
        return body()
    }

    private func claimName(_ suggested: String, parent: String) -> String {
        var name = SwiftNames.type(suggested)
        if namesInUse.contains(name) { name = parent + name }
        if namesInUse.contains(name) { name += "Property" }
        var candidate = name
        var counter = 2
        while namesInUse.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        namesInUse.insert(candidate)
        return candidate
    }

    /// A list's item schema, with the enums cfn-lint writes beside `items` (as
    /// `properties` of the list itself: DynamoDB's `KeySchema.KeyType`) moved
    /// into the items they constrain.
    static func itemsWithListHints(_ list: [String: Any]) -> [String: Any] {
        var items = list["items"] as? [String: Any] ?? [:]
        guard let hints = list["properties"] as? [String: Any], var properties = items["properties"] as? [String: Any] else {
            return items
        }
        for (name, hint) in hints {
            guard let values = (hint as? [String: Any])?["enum"], var property = properties[name] as? [String: Any],
                property["enum"] == nil, property["$ref"] == nil else { continue }
            property["enum"] = values
            properties[name] = property
        }
        items["properties"] = properties
        return items
    }

    static func types(of schema: [String: Any]) -> [String] {
        if let single = schema["type"] as? String { return [single] }
        if let many = schema["type"] as? [String] { return many }
        return []
    }

    /// The schema of a map's values: one `patternProperties` entry, or an
    /// `additionalProperties` schema.
    static func mapValueSchema(_ schema: [String: Any]) -> [String: Any]? {
        if let patterns = schema["patternProperties"] as? [String: Any], patterns.count == 1,
            let value = patterns.values.first as? [String: Any]
        {
            return value
        }
        return schema["additionalProperties"] as? [String: Any]
    }

    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies") { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("s") && !name.hasSuffix("ss") { return String(name.dropLast()) }
        return name + "Item"
    }
}
