/// Receives a document's nodes one at a time, in document order: what a walk
/// over a tree, or over a model that is not a tree yet, hands to an emitter.
///
/// A mapping's children arrive as key, value, key, value. A tag belongs to
/// the node whose first call carries it. Writing a document this way never
/// builds its `Node` tree: each node is handed on as the walk reaches it.
public protocol NodeWriter {
    mutating func scalar(_ scalar: Scalar, tag: String?) throws
    mutating func beginSequence(tag: String?) throws
    mutating func endSequence() throws
    mutating func beginMapping(tag: String?) throws
    mutating func endMapping() throws
}

extension NodeWriter {
    /// A string the reader must read back unchanged (`Node.string`).
    public mutating func string(_ text: String, tag: String? = nil) throws {
        try scalar(Scalar(text, style: .string), tag: tag)
    }

    /// A scalar for the reader to resolve (`Node.plain`).
    public mutating func plain(_ text: String, tag: String? = nil) throws {
        try scalar(Scalar(text, style: .plain), tag: tag)
    }
}

extension Node {
    /// Hands this node and everything below it to `writer`, in document order.
    public func write(to writer: inout some NodeWriter) throws {
        switch content {
        case .scalar(let scalar):
            try writer.scalar(scalar, tag: tag)
        case .sequence(let items):
            try writer.beginSequence(tag: tag)
            for item in items { try item.write(to: &writer) }
            try writer.endSequence()
        case .mapping(let pairs):
            try writer.beginMapping(tag: tag)
            for pair in pairs {
                try pair.key.write(to: &writer)
                try pair.value.write(to: &writer)
            }
            try writer.endMapping()
        }
    }
}
