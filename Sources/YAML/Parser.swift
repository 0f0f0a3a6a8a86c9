import CYAML

/// Reads one YAML document into a node tree through libyaml's event API,
/// keeping each node's tag, scalar style and position.
///
/// Aliases are expanded into copies of the anchored node. A stream of more than
/// one document is refused: a template is one document.
public enum Parser {
    public static func parse(_ text: String) throws -> Node {
        let session = try ParserSession(text)
        return try session.parseDocument()
    }
}

private final class ParserSession {
    private var parser = yaml_parser_t()
    private let input: [UInt8]
    private var anchors: [String: Node] = [:]

    init(_ text: String) throws {
        input = Array(text.utf8)
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(.parser, "libyaml could not initialize a parser")
        }
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
            let root = try parseNode(try next())
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
    private func parseNode(_ first: yaml_event_t) throws -> Node {
        var event = first
        defer { yaml_event_delete(&event) }
        let position = mark(event.start_mark)
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor)
            guard let node = anchors[name] else {
                throw YAMLError(.unsupported, "alias *\(name) names no anchor", mark: position)
            }
            return node
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let node = Node(.scalar(Scalar(text, style: style(scalar.style))), tag: optionalString(scalar.tag), mark: position)
            remember(node, as: scalar.anchor)
            return node
        case YAML_SEQUENCE_START_EVENT:
            let tag = optionalString(event.data.sequence_start.tag)
            let anchor = event.data.sequence_start.anchor
            var items: [Node] = []
            while true {
                let child = try next()
                if child.type == YAML_SEQUENCE_END_EVENT {
                    var end = child
                    yaml_event_delete(&end)
                    break
                }
                items.append(try parseNode(child))
            }
            let node = Node(.sequence(items), tag: tag, mark: position)
            remember(node, as: anchor)
            return node
        case YAML_MAPPING_START_EVENT:
            let tag = optionalString(event.data.mapping_start.tag)
            let anchor = event.data.mapping_start.anchor
            var pairs: [Pair] = []
            while true {
                let child = try next()
                if child.type == YAML_MAPPING_END_EVENT {
                    var end = child
                    yaml_event_delete(&end)
                    break
                }
                let key = try parseNode(child)
                let value = try parseNode(try next())
                pairs.append(Pair(key, value))
            }
            let node = Node(.mapping(pairs), tag: tag, mark: position)
            remember(node, as: anchor)
            return node
        default:
            throw YAMLError(.parser, "unexpected event \(event.type.rawValue)", mark: position)
        }
    }

    private func remember(_ node: Node, as anchor: UnsafeMutablePointer<yaml_char_t>?) {
        if let anchor { anchors[string(anchor)] = node }
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
