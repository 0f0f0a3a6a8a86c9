import CYAML

/// Writes a node tree as one YAML document through libyaml's event API.
///
/// Fixed choices, because templates are read in review and diffed in CI: block
/// style, indent 2, no line folding (one change stays one changed line), UTF-8
/// text unescaped, `\n` line breaks, no document markers, a final newline.
/// Strings get the style `ScalarSafety` decides; tagged nodes keep their tag.
public enum Emitter {
    public static func emit(_ root: Node) throws -> String {
        try emit { writer in try root.write(to: &writer) }
    }

    /// One document, written node by node through `write` (see `NodeWriter`),
    /// without building a `Node` tree first.
    public static func emit(_ write: (inout Writer) throws -> Void) throws -> String {
        let session = try EmitterSession()
        var writer = Writer(session: session)
        try session.beginDocument()
        try write(&writer)
        try session.endDocument()
        var bytes = session.output.bytes
        // libyaml closes a stream whose last node is a keep-chomped block (`|+`)
        // with a `...` marker. In a one-document stream the marker changes
        // nothing (the kept lines run to the end of the stream), so drop it.
        let marker = Array("...\n".utf8)
        if bytes.count > marker.count, bytes.suffix(marker.count).elementsEqual(marker),
            bytes[bytes.count - marker.count - 1] == UInt8(ascii: "\n")
        {
            bytes.removeLast(marker.count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands each node to libyaml as it comes; libyaml reports calls out of
    /// order (a mapping that ends after a key, a second root) as an error.
    public struct Writer: NodeWriter {
        fileprivate let session: EmitterSession

        public mutating func scalar(_ scalar: Scalar, tag: String?) throws {
            try session.scalar(scalar, tag: tag)
        }

        public mutating func beginSequence(tag: String?) throws {
            try session.beginCollection(sequence: true, tag: tag)
        }

        public mutating func endSequence() throws {
            try session.endCollection(sequence: true)
        }

        public mutating func beginMapping(tag: String?) throws {
            try session.beginCollection(sequence: false, tag: tag)
        }

        public mutating func endMapping() throws {
            try session.endCollection(sequence: false)
        }
    }
}

/// One libyaml emitter from stream start to stream end.
private final class EmitterSession {
    /// libyaml's emitter, at a fixed address for the session's lifetime. A
    /// pointer rather than a stored `var`, which Swift would check for
    /// exclusive access on every one of the thousands of events sent.
    private let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
    fileprivate let output = OutputBuffer()

    init() throws {
        emitter.initialize(to: yaml_emitter_t())
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw YAMLError(.emitter, "libyaml could not initialize an emitter")
        }
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data, let buffer else { return 0 }
            let sink = Unmanaged<OutputBuffer>.fromOpaque(data).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
        yaml_emitter_set_canonical(emitter, 0)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    func beginDocument() throws {
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try send(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try send(&event)
    }

    func endDocument() throws {
        var event = yaml_event_t()
        yaml_document_end_event_initialize(&event, 1)
        try send(&event)
        yaml_stream_end_event_initialize(&event)
        try send(&event)
        guard yaml_emitter_flush(emitter) == 1 else { throw problem() }
    }

    func scalar(_ scalar: Scalar, tag: String?) throws {
        var event = yaml_event_t()
        let implicit: Int32 = tag == nil ? 1 : 0
        let style = Self.libyamlStyle(for: scalar)
        let ok = withOptionalCString(tag) { tag in
            withOptionalCString(scalar.text) { text in
                yaml_scalar_event_initialize(
                    &event, nil, tag, text, Int32(scalar.text.utf8.count), implicit, implicit, style)
            }
        }
        guard ok == 1 else { throw YAMLError(.emitter, "could not create a scalar event") }
        try send(&event)
    }

    func beginCollection(sequence: Bool, tag: String?) throws {
        var event = yaml_event_t()
        let implicit: Int32 = tag == nil ? 1 : 0
        let ok = withOptionalCString(tag) { tag in
            sequence
                ? yaml_sequence_start_event_initialize(&event, nil, tag, implicit, YAML_BLOCK_SEQUENCE_STYLE)
                : yaml_mapping_start_event_initialize(&event, nil, tag, implicit, YAML_BLOCK_MAPPING_STYLE)
        }
        guard ok == 1 else { throw YAMLError(.emitter, "could not create a \(sequence ? "sequence" : "mapping") event") }
        try send(&event)
    }

    func endCollection(sequence: Bool) throws {
        var event = yaml_event_t()
        if sequence {
            yaml_sequence_end_event_initialize(&event)
        } else {
            yaml_mapping_end_event_initialize(&event)
        }
        try send(&event)
    }

    private static func libyamlStyle(for scalar: Scalar) -> yaml_scalar_style_t {
        switch scalar.style {
        case .string:
            if ScalarSafety.isLiteralSafe(scalar.text) { return YAML_LITERAL_SCALAR_STYLE }
            if ScalarSafety.isPlainSafe(scalar.text) { return YAML_PLAIN_SCALAR_STYLE }
            // libyaml turns this into double-quoted when single quotes cannot
            // hold the text (control characters, line breaks).
            return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .plain: return YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: return YAML_LITERAL_SCALAR_STYLE
        case .folded: return YAML_FOLDED_SCALAR_STYLE
        }
    }

    /// Hands the event to libyaml, which takes ownership of it either way.
    private func send(_ event: inout yaml_event_t) throws {
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw problem() }
    }

    private func problem() -> YAMLError {
        let text = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown libyaml emitter error"
        return YAMLError(.emitter, text)
    }
}

/// Where libyaml's write handler appends the document's bytes.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}

/// `string`'s NUL-terminated UTF-8 as libyaml's `yaml_char_t *`, or `nil`.
/// The length is passed separately where it matters, so NUL inside text
/// survives. libyaml copies what it is given and never writes through the
/// pointer, so a native string's own storage is lent without a copy.
private func withOptionalCString<Result>(
    _ string: String?, _ body: (UnsafeMutablePointer<UInt8>?) -> Result
) -> Result {
    guard let string else { return body(nil) }
    return string.withCString { pointer in
        pointer.withMemoryRebound(to: UInt8.self, capacity: string.utf8.count + 1) { body(UnsafeMutablePointer(mutating: $0)) }
    }
}
