import Foundation

/// Turns a schema document into `JSONSchema`'s array of nodes.
///
/// Every node is remembered by its JSON pointer (`/properties/Code`,
/// `/definitions/Code`), and a `$ref` is resolved by pointer, so a definition
/// reached by two references, or by a reference and by nesting, is one node;
/// a definition that refers to itself finds its own index already allocated
/// and parsing stops there. Only what the root reaches is parsed.
struct JSONSchemaParser {
    private let document: [String: Any]
    private var nodes: [JSONSchema.Node] = []
    private var indexByPointer: [String: Int] = [:]
    /// Patterns repeat across a document (ARNs, names); compile each once.
    private var patternsBySource: [String: SchemaPattern] = [:]

    private init(document: [String: Any]) {
        self.document = document
    }

    static func parse(json: String, keepingRootProperties names: Set<String>? = nil) throws -> (nodes: [JSONSchema.Node], rootIndex: Int) {
        try parse(document: SchemaDocument(json: json).root, keepingRootProperties: names)
    }

    static func parse(document: [String: Any], keepingRootProperties names: Set<String>? = nil) throws -> (nodes: [JSONSchema.Node], rootIndex: Int) {
        var document = document
        var allRootPropertyNames: [String]?
        if let names, let properties = document["properties"] as? [String: Any] {
            document["properties"] = properties.filter { names.contains($0.key) }
            allRootPropertyNames = properties.keys.sorted()
        }
        var parser = JSONSchemaParser(document: document)
        let root = parser.node(at: "", json: document)
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
    private mutating func node(at pointer: String, json: Any) -> Int {
        if let index = indexByPointer[pointer] { return index }
        let index = nodes.count
        // Allocate before parsing the children, so a child that refers back
        // here gets this index instead of recursing forever.
        nodes.append(JSONSchema.Node())
        indexByPointer[pointer] = index

        var node = JSONSchema.Node()
        if let flag = SchemaJSON.bool(json) {
            node.rejectsEverything = !flag
        } else if let keywords = json as? [String: Any] {
            node = parseKeywords(keywords, at: pointer)
        }
        nodes[index] = node
        return index
    }

    private mutating func child(_ json: Any, at pointer: String, _ tokens: String...) -> Int {
        node(at: pointer + tokens.map { "/" + Self.escape($0) }.joined(), json: json)
    }

    private mutating func children(_ json: Any?, at pointer: String, _ keyword: String) -> [Int] {
        guard let list = json as? [Any] else { return [] }
        return list.enumerated().map { child($0.element, at: pointer, keyword, String($0.offset)) }
    }

    private mutating func parseKeywords(_ keywords: [String: Any], at pointer: String) -> JSONSchema.Node {
        var node = JSONSchema.Node()

        if let reference = keywords["$ref"] as? String {
            node.reference = resolve(reference)
        }

        node.types = parseTypes(keywords["type"])
        if let values = keywords["enum"] as? [Any] {
            node.allowedValues = allowedValues(values)
        }
        if let constant = keywords["const"] {
            node.constant = allowedValues([constant])
        }

        if let source = keywords["pattern"] as? String {
            node.pattern = pattern(source)
        }
        node.minLength = SchemaJSON.count(keywords["minLength"])
        node.maxLength = SchemaJSON.count(keywords["maxLength"])

        node.minimum = SchemaJSON.limit(keywords["minimum"])
        node.maximum = SchemaJSON.limit(keywords["maximum"])
        node.exclusiveMinimum = SchemaJSON.limit(keywords["exclusiveMinimum"])
        node.exclusiveMaximum = SchemaJSON.limit(keywords["exclusiveMaximum"])
        // Draft-04 spelled exclusivity as a flag on `minimum`/`maximum`.
        if SchemaJSON.bool(keywords["exclusiveMinimum"] ?? false) == true, node.minimum != nil {
            node.exclusiveMinimum = node.minimum
            node.minimum = nil
        }
        if SchemaJSON.bool(keywords["exclusiveMaximum"] ?? false) == true, node.maximum != nil {
            node.exclusiveMaximum = node.maximum
            node.maximum = nil
        }

        node.minItems = SchemaJSON.count(keywords["minItems"])
        node.maxItems = SchemaJSON.count(keywords["maxItems"])
        node.uniqueItems = SchemaJSON.bool(keywords["uniqueItems"] ?? false) ?? false
        if let items = keywords["items"] {
            if items is [Any] {
                node.positionalItems = children(items, at: pointer, "items")
            } else {
                node.items = child(items, at: pointer, "items")
            }
        }

        node.required = SchemaJSON.strings(keywords["required"])
        if let properties = keywords["properties"] as? [String: Any] {
            for (name, schema) in properties {
                node.properties[name] = child(schema, at: pointer, "properties", name)
            }
            node.propertyNames = node.properties.keys.sorted()
        }
        if let patternProperties = keywords["patternProperties"] as? [String: Any] {
            node.patternProperties = patternProperties.keys.sorted().map { source in
                JSONSchema.PatternProperty(
                    pattern: pattern(source),
                    schema: child(patternProperties[source]!, at: pointer, "patternProperties", source)
                )
            }
        }
        if let additional = keywords["additionalProperties"] {
            switch SchemaJSON.bool(additional) {
            case true?: node.additionalProperties = .allowed
            case false?: node.additionalProperties = .forbidden
            case nil: node.additionalProperties = .schema(child(additional, at: pointer, "additionalProperties"))
            }
        }
        node.requiredOneOf = SchemaJSON.strings(keywords["requiredOr"])
        if let dependencies = keywords["dependencies"] as? [String: Any] {
            for (name, dependency) in dependencies {
                if dependency is [Any] {
                    node.dependentRequired[name, default: []] += SchemaJSON.strings(dependency)
                } else {
                    node.dependentSchemas[name] = child(dependency, at: pointer, "dependencies", name)
                }
            }
        }
        if let dependentRequired = keywords["dependentRequired"] as? [String: Any] {
            for (name, dependency) in dependentRequired {
                node.dependentRequired[name, default: []] += SchemaJSON.strings(dependency)
            }
        }
        if let dependentExcluded = keywords["dependentExcluded"] as? [String: Any] {
            for (name, excluded) in dependentExcluded {
                node.dependentExcluded[name] = SchemaJSON.strings(excluded)
            }
        }

        node.allOf = children(keywords["allOf"], at: pointer, "allOf")
        node.anyOf = children(keywords["anyOf"], at: pointer, "anyOf")
        node.oneOf = children(keywords["oneOf"], at: pointer, "oneOf")
        if let not = keywords["not"] {
            node.not = child(not, at: pointer, "not")
        }
        if let test = keywords["if"] {
            node.condition = JSONSchema.Conditional(
                test: child(test, at: pointer, "if"),
                then: keywords["then"].map { child($0, at: pointer, "then") },
                otherwise: keywords["else"].map { child($0, at: pointer, "else") }
            )
        }
        return node
    }

    // MARK: Keyword values

    private func parseTypes(_ json: Any?) -> [JSONSchema.ValueType]? {
        let names: [String]
        if let name = json as? String {
            names = [name]
        } else if let list = json as? [Any] {
            names = list.compactMap { $0 as? String }
        } else {
            return nil
        }
        var types: [JSONSchema.ValueType] = []
        for name in names {
            guard let type = JSONSchema.ValueType(rawValue: name) else { return nil }  // unknown: ignore the keyword
            if !types.contains(type) { types.append(type) }
        }
        return types.isEmpty ? nil : types
    }

    private func allowedValues(_ values: [Any]) -> JSONSchema.AllowedValues {
        let converted = values.map(SchemaJSON.value)
        return JSONSchema.AllowedValues(
            keys: Set(converted.map(\.schemaComparisonKey)),
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
        let pointer = fragment.removingPercentEncoding ?? fragment
        guard let json = Self.json(at: pointer, in: document) else { return nil }
        return node(at: pointer, json: json)
    }

    /// The JSON value a JSON pointer (RFC 6901) names in `document`.
    private static func json(at pointer: String, in document: Any) -> Any? {
        if pointer.isEmpty { return document }
        guard pointer.hasPrefix("/") else { return nil }
        var current: Any = document
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = unescape(String(token))
            if let object = current as? [String: Any], let next = object[key] {
                current = next
            } else if let list = current as? [Any], let position = Int(key), list.indices.contains(position) {
                current = list[position]
            } else {
                return nil
            }
        }
        return current
    }

    private static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private static func unescape(_ token: String) -> String {
        token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
}
