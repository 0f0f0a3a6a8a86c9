import Foundation

/// Turns a schema document into `JSONSchema`'s array of nodes.
///
/// Every node is remembered by its JSON pointer (`/properties/Code`,
/// `/definitions/Code`), and a `$ref` is resolved by pointer, so a definition
/// reached by two references, or by a reference and by nesting, is one node;
/// a definition that refers to itself finds its own index already allocated
/// and parsing stops there. Only what the root reaches is parsed.
struct JSONSchemaParser {
    private let document: JSONObject
    private var nodes: [JSONSchema.Node] = []
    private var indexByPointer: [String: Int] = [:]
    /// Patterns repeat across a document (ARNs, names); compile each once.
    private var patternsBySource: [String: SchemaPattern] = [:]

    private init(document: JSONObject) {
        self.document = document
    }

    static func parse(json: String, keepingRootProperties names: Set<String>? = nil) throws -> (nodes: [JSONSchema.Node], rootIndex: Int) {
        try parse(document: SchemaDocument(json: json).root, keepingRootProperties: names)
    }

    static func parse(document: JSONObject, keepingRootProperties names: Set<String>? = nil) throws -> (nodes: [JSONSchema.Node], rootIndex: Int) {
        var document = document
        var allRootPropertyNames: [String]?
        if let names, let properties = document["properties"]?.objectValue {
            document["properties"] = .object(JSONObject(properties.members.filter { names.contains($0.key) }))
            allRootPropertyNames = properties.keys.sorted()
        }
        var parser = JSONSchemaParser(document: document)
        let root = parser.node(at: "", json: .object(document))
        if parser.nodes[root].types == nil {
            parser.nodes[root].types = [.object]
        }
        // Suggestions for a misspelt property come from every property the
        // schema has, not only the ones parsed.
        if let allRootPropertyNames { parser.nodes[root].propertyNames = allRootPropertyNames }
        return (parser.nodes, root)
    }

    // MARK: Nodes

    /// The node for the schema at `pointer`, parsing it on first use.
    private mutating func node(at pointer: String, json: JSONValue) -> Int {
        if let index = indexByPointer[pointer] { return index }
        let index = nodes.count
        // Allocate before parsing the children, so a child that refers back
        // here gets this index instead of recursing forever.
        nodes.append(JSONSchema.Node())
        indexByPointer[pointer] = index

        switch json {
        case .bool(let flag): nodes[index].rejectsEverything = !flag
        case .object(let object): nodes[index] = parseKeywords(SchemaKeywords(object), at: pointer)
        default: break
        }
        return index
    }

    private mutating func child(_ json: JSONValue, at pointer: String, _ tokens: String...) -> Int {
        var childPointer = pointer
        for token in tokens {
            childPointer += "/"
            childPointer += Self.escape(token)
        }
        return node(at: childPointer, json: json)
    }

    private mutating func children(_ json: JSONValue?, at pointer: String, _ keyword: String) -> [Int] {
        guard let list = json?.arrayValue else { return [] }
        return list.enumerated().map { child($0.element, at: pointer, keyword, String($0.offset)) }
    }

    private mutating func parseKeywords(_ keywords: SchemaKeywords, at pointer: String) -> JSONSchema.Node {
        let node = JSONSchema.Node()

        if let reference = keywords[.ref]?.stringValue {
            node.reference = resolve(reference)
        }

        node.types = parseTypes(keywords[.type])
        if let values = keywords[.enum]?.arrayValue {
            node.allowedValues = allowedValues(values)
        }
        if let constant = keywords[.const] {
            node.constant = allowedValues([constant])
        }

        if let source = keywords[.pattern]?.stringValue {
            node.pattern = pattern(source)
        }
        node.minLength = keywords[.minLength]?.count
        node.maxLength = keywords[.maxLength]?.count

        node.minimum = keywords[.minimum]?.limit
        node.maximum = keywords[.maximum]?.limit
        node.exclusiveMinimum = keywords[.exclusiveMinimum]?.limit
        node.exclusiveMaximum = keywords[.exclusiveMaximum]?.limit
        // Draft-04 spelled exclusivity as a flag on `minimum`/`maximum`.
        if keywords[.exclusiveMinimum]?.boolValue == true, node.minimum != nil {
            node.exclusiveMinimum = node.minimum
            node.minimum = nil
        }
        if keywords[.exclusiveMaximum]?.boolValue == true, node.maximum != nil {
            node.exclusiveMaximum = node.maximum
            node.maximum = nil
        }

        node.minItems = keywords[.minItems]?.count
        node.maxItems = keywords[.maxItems]?.count
        node.uniqueItems = keywords[.uniqueItems]?.boolValue ?? false
        if let items = keywords[.items] {
            if items.arrayValue != nil {
                node.positionalItems = children(items, at: pointer, "items")
            } else {
                node.items = child(items, at: pointer, "items")
            }
        }

        node.required = keywords[.required]?.strings ?? []
        if let properties = keywords[.properties]?.objectValue {
            for (name, schema) in properties.members {
                node.properties[name] = child(schema, at: pointer, "properties", name)
            }
            node.propertyNames = node.properties.keys.sorted()
        }
        if let patternProperties = keywords[.patternProperties]?.objectValue {
            node.patternProperties = patternProperties.keys.sorted().map { source in
                JSONSchema.PatternProperty(
                    pattern: pattern(source),
                    schema: child(patternProperties[source]!, at: pointer, "patternProperties", source)
                )
            }
        }
        if let additional = keywords[.additionalProperties] {
            switch additional.boolValue {
            case true?: node.additionalProperties = .allowed
            case false?: node.additionalProperties = .forbidden
            case nil: node.additionalProperties = .schema(child(additional, at: pointer, "additionalProperties"))
            }
        }
        node.requiredOneOf = keywords[.requiredOr]?.strings ?? []
        if let dependencies = keywords[.dependencies]?.objectValue {
            for (name, dependency) in dependencies.members {
                if dependency.arrayValue != nil {
                    node.dependentRequired[name, default: []] += dependency.strings
                } else {
                    node.dependentSchemas[name] = child(dependency, at: pointer, "dependencies", name)
                }
            }
        }
        if let dependentRequired = keywords[.dependentRequired]?.objectValue {
            for (name, dependency) in dependentRequired.members {
                node.dependentRequired[name, default: []] += dependency.strings
            }
        }
        if let dependentExcluded = keywords[.dependentExcluded]?.objectValue {
            for (name, excluded) in dependentExcluded.members {
                node.dependentExcluded[name] = excluded.strings
            }
        }

        node.allOf = children(keywords[.allOf], at: pointer, "allOf")
        node.anyOf = children(keywords[.anyOf], at: pointer, "anyOf")
        node.oneOf = children(keywords[.oneOf], at: pointer, "oneOf")
        if let not = keywords[.not] {
            node.not = child(not, at: pointer, "not")
        }
        if let test = keywords[.if] {
            node.condition = JSONSchema.Conditional(
                test: child(test, at: pointer, "if"),
                then: keywords[.then].map { child($0, at: pointer, "then") },
                otherwise: keywords[.else].map { child($0, at: pointer, "else") }
            )
        }
        return node
    }

    // MARK: Keyword values

    private func parseTypes(_ json: JSONValue?) -> [JSONSchema.ValueType]? {
        let names: [String]
        switch json {
        case .string(let name)?: names = [name]
        case .array(let list)?: names = list.compactMap(\.stringValue)
        default: return nil
        }
        var types: [JSONSchema.ValueType] = []
        for name in names {
            guard let type = JSONSchema.ValueType(rawValue: name) else { return nil }  // unknown: ignore the keyword
            if !types.contains(type) { types.append(type) }
        }
        return types.isEmpty ? nil : types
    }

    private func allowedValues(_ values: [JSONValue]) -> JSONSchema.AllowedValues {
        let converted = values.map(\.templateValue)
        return JSONSchema.AllowedValues(
            keys: Set(converted.map(\.schemaComparisonKey)),
            strings: Set(converted.compactMap { if case .string(let text) = $0 { text } else { nil } }),
            texts: converted.map(\.schemaListText)
        )
    }

    private mutating func pattern(_ source: String) -> SchemaPattern {
        if let compiled = patternsBySource[source] { return compiled }
        let compiled = SchemaPattern(source)
        patternsBySource[source] = compiled
        return compiled
    }

    // MARK: References

    /// The node a `$ref` names. Only references into this document (`#…`)
    /// resolve; others (`resource-schema.json#/…` in handler schemas) and
    /// pointers to nothing are ignored.
    private mutating func resolve(_ reference: String) -> Int? {
        guard reference.hasPrefix("#") else { return nil }
        let fragment = String(reference.dropFirst())
        let pointer = fragment.utf8.contains(UInt8(ascii: "%")) ? (fragment.removingPercentEncoding ?? fragment) : fragment
        guard let json = Self.json(at: pointer, in: document) else { return nil }
        return node(at: pointer, json: json)
    }

    /// The JSON value a JSON pointer (RFC 6901) names in `document`.
    private static func json(at pointer: String, in document: JSONObject) -> JSONValue? {
        if pointer.isEmpty { return .object(document) }
        guard pointer.hasPrefix("/") else { return nil }
        var current = JSONValue.object(document)
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = unescape(String(token))
            switch current {
            case .object(let object):
                guard let next = object[key] else { return nil }
                current = next
            case .array(let list):
                guard let position = Int(key), list.indices.contains(position) else { return nil }
                current = list[position]
            default:
                return nil
            }
        }
        return current
    }

    private static func escape(_ token: String) -> String {
        // Nearly every token is a plain name, returned as it is; only a token
        // with `~` or `/` goes through Foundation's replacing.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private static func unescape(_ token: String) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
}
