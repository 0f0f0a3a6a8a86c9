import CYAML

/// Reads one YAML document into a node tree through libyaml's event API,
/// keeping each node's tag, scalar style and position.
///
/// What a file can make the reader do is bounded by `ParserLimits`: nesting
/// deeper than `maximumDepth` and more than `maximumNodes` nodes are errors,
/// and the recursion that builds the tree never goes deeper than the limit.
/// Aliases are refused (CloudFormation rejects them, and expanding them lets
/// a few hundred bytes grow without bound), and so is the YAML 1.1 merge key
/// `<<`, which only works through aliases in practice and which CloudFormation
/// does not merge. A stream of more than one document is refused: a template
/// is one document.
public enum Parser {
    public static func parse(_ text: String, limits: ParserLimits = .init()) throws -> Node {
        try parse(bytes: Array(text.utf8), limits: limits)
    }

    /// Parses UTF-8 bytes; libyaml reports bytes that are not UTF-8.
    public static func parse(bytes: [UInt8], limits: ParserLimits = .init()) throws -> Node {
        let session = try ParserSession(bytes, limits: limits)
        return try session.parseDocument()
    }
}

private final class ParserSession {
    private var parser = yaml_parser_t()
    private let input: [UInt8]
    private let limits: ParserLimits
    private var nodeCount = 0

    init(_ bytes: [UInt8], limits: ParserLimits) throws {
        input = bytes
        self.limits = limits
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(.parser, "libyaml could not initialize a parser")
        }
        // Never guess UTF-16 from a byte order mark: a template is UTF-8.
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    }

    deinit {
        yaml_parser_delete(&parser)
    }

    func parseDocument() throws -> Node {
        try input.withUnsafeBufferPointer { buffer in
            // libyaml keeps the pointer: everything happens inside this closure.
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try expect(YAML_STREAM_START_EVENT)
            var event = try next()
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT {
                return Node.plain("")  // an empty stream reads as null
            }
            guard event.type == YAML_DOCUMENT_START_EVENT else {
                throw YAMLError(.parser, "expected a document", mark: mark(event.start_mark))
            }
            let root = try parseNode(try next(), depth: 1)
            try expect(YAML_DOCUMENT_END_EVENT)
            var last = try next()
            defer { yaml_event_delete(&last) }
            guard last.type == YAML_STREAM_END_EVENT else {
                throw YAMLError(.unsupported, "more than one document in the stream", mark: mark(last.start_mark))
            }
            return root
        }
    }

    /// Builds the node that starts with `event`, consuming its children.
    /// `depth` is the node's nesting level (the root is 1); a collection
    /// deeper than the limit is refused before its children are read.
    private func parseNode(_ first: yaml_event_t, depth: Int) throws -> Node {
        var event = first
        defer { yaml_event_delete(&event) }
        let position = mark(event.start_mark)
        nodeCount += 1
        if nodeCount > limits.maximumNodes {
            throw YAMLError(.limit, "more than \(limits.maximumNodes) nodes: the document is larger than any template", mark: position)
        }
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor)
            throw YAMLError(
                .unsupported,
                "alias *\(name): CloudFormation does not accept YAML aliases (only `aws cloudformation package` and SAM expand them); write the value out",
                mark: position)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return Node(.scalar(Scalar(text, style: style(scalar.style))), tag: optionalString(scalar.tag), mark: position)
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(depth, at: position)
            let tag = optionalString(event.data.sequence_start.tag)
            var items: [Node] = []
            while true {
                let child = try next()
                if child.type == YAML_SEQUENCE_END_EVENT {
                    var end = child
                    yaml_event_delete(&end)
                    break
                }
                items.append(try parseNode(child, depth: depth + 1))
            }
            return Node(.sequence(items), tag: tag, mark: position)
        case YAML_MAPPING_START_EVENT:
            try checkDepth(depth, at: position)
            let tag = optionalString(event.data.mapping_start.tag)
            var pairs: [Pair] = []
            while true {
                let child = try next()
                if child.type == YAML_MAPPING_END_EVENT {
                    var end = child
                    yaml_event_delete(&end)
                    break
                }
                let key = try parseNode(child, depth: depth + 1)
                if key.isMergeKey {
                    throw YAMLError(
                        .unsupported,
                        "merge key '<<': CloudFormation does not merge YAML mappings; write the keys out (or quote '<<' for a literal key)",
                        mark: key.mark)
                }
                let value = try parseNode(try next(), depth: depth + 1)
                pairs.append(Pair(key, value))
            }
            return Node(.mapping(pairs), tag: tag, mark: position)
        default:
            throw YAMLError(.parser, "unexpected event \(event.type.rawValue)", mark: position)
        }
    }

    private func checkDepth(_ depth: Int, at position: Mark) throws {
        guard depth <= limits.maximumDepth else {
            throw YAMLError(.limit, "nesting deeper than \(limits.maximumDepth) levels", mark: position)
        }
    }

    private func next() throws -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown libyaml parser error"
            let context = parser.context.map { String(cString: $0) + ": " } ?? ""
            throw YAMLError(.parser, context + problem, mark: mark(parser.problem_mark))
        }
        return event
    }

    private func expect(_ type: yaml_event_type_t) throws {
        var event = try next()
        defer { yaml_event_delete(&event) }
        guard event.type == type else {
            throw YAMLError(.parser, "unexpected event \(event.type.rawValue)", mark: mark(event.start_mark))
        }
    }

    private func mark(_ mark: yaml_mark_t) -> Mark {
        Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }

    private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

extension Node {
    /// The YAML 1.1 merge key: a plain, untagged `<<`.
    fileprivate var isMergeKey: Bool {
        tag == nil && content == .scalar(Scalar("<<", style: .plain))
    }
}
