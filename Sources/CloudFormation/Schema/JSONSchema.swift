import Foundation

/// A parsed CloudFormation resource provider schema, ready to check a
/// resource's `Properties` against.
///
/// The document is parsed once, into an array of nodes that refer to each
/// other by index. A `$ref` is just the index of the node it names, so the
/// recursive definitions of real schemas (a DynamoDB or S3 definition that
/// refers back to itself) are plain loops of indices: nothing is resolved,
/// compiled or allocated again while validating, and the whole value is
/// immutable, so one parsed schema can serve many threads.
///
/// The root node is the document itself read as the schema of `Properties`:
/// its `properties`, `required`, `additionalProperties`, `patternProperties`
/// and the top-level `oneOf`, `anyOf`, `allOf`, `requiredOr`,
/// `dependentRequired`, `dependentExcluded` and `dependencies` apply to the
/// `Properties` object. A resource document declares no `type`, so the root
/// is taken to be `"type": "object"`; a document that declares a `type` keeps
/// it, which lets a small inline schema describe a single scalar.
public final class JSONSchema: Sendable {
    /// Every parsed schema node; children and `$ref`s are indices into it.
    let nodes: [Node]
    /// The node that `SchemaValidator.validate` starts from.
    let rootIndex: Int

    init(nodes: [Node], rootIndex: Int) {
        self.nodes = nodes
        self.rootIndex = rootIndex
    }

    /// Parses a whole resource provider schema document; `#/definitions/…`
    /// references (and any other JSON pointer into the document) resolve
    /// against it.
    ///
    /// Throws `JSONSchemaError` when the text is not JSON or not a JSON
    /// object. Keywords with malformed values (a `minLength` that is not a
    /// number, a `$ref` to nothing, a `pattern` that does not compile) are
    /// ignored rather than rejected: a schema shipped by AWS should never
    /// stop a synthesis.
    /// The schema a resource's `Properties` are checked against, keeping only
    /// the listed properties of the document's root: what a template sets.
    /// Definitions only the other properties use are never parsed, which is
    /// most of a large schema (S3 buckets have 30 properties and 73
    /// definitions). Unknown names still fail `additionalProperties: false`.
    public static func properties(_ names: Set<String>, ofDocument json: String) throws -> JSONSchema {
        try properties(names, of: SchemaDocument(json: json))
    }

    /// As `properties(_:ofDocument:)`, from a document read once and kept.
    public static func properties(_ names: Set<String>, of document: SchemaDocument) throws -> JSONSchema {
        let parsed = try JSONSchemaParser.parse(document: document.root, keepingRootProperties: names)
        return JSONSchema(nodes: parsed.nodes, rootIndex: parsed.rootIndex)
    }

    public convenience init(json: String) throws {
        let parsed = try JSONSchemaParser.parse(json: json)
        self.init(nodes: parsed.nodes, rootIndex: parsed.rootIndex)
    }

    /// Reads and parses a schema file, such as one of cfn-lint's
    /// `data/schemas/resources/*.json`.
    public convenience init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw JSONSchemaError("cannot read the schema file \(url.path): \(error.localizedDescription)")
        }
        try self.init(json: String(decoding: data, as: UTF8.self))
    }

    /// The number of parsed nodes: only what the document's `properties`
    /// reach is parsed, so unused definitions cost nothing.
    var nodeCount: Int { nodes.count }
}

/// A schema document that could not be parsed.
public struct JSONSchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A schema document's JSON, read once: reading is most of the cost of
/// parsing a small part of a large schema, so a document asked about several
/// times is kept in this form.
public struct SchemaDocument: Sendable {
    let root: JSONObject

    public init(json: String) throws {
        let parsed: JSONValue
        do {
            parsed = try NativeJSONReader.parse(json)
        } catch {
            throw JSONSchemaError("the schema is not valid JSON: \(error)")
        }
        guard let root = parsed.objectValue else { throw JSONSchemaError("the schema is not a JSON object") }
        self.root = root
    }
}
