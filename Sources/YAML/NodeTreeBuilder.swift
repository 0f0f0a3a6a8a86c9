/// Builds the `Node` tree that a run of `NodeWriter` calls describes, for
/// callers that want the tree itself (tests, transformations) rather than
/// text.
public struct NodeTreeBuilder: NodeWriter {
    private enum OpenCollection {
        case sequence(tag: String?, items: [Node])
        /// `key` holds a key until its value arrives.
        case mapping(tag: String?, pairs: [Pair], key: Node?)
    }

    private var open: [OpenCollection] = []
    /// The finished document, once its root node is complete.
    public private(set) var root: Node?

    public init() {}

    public mutating func scalar(_ scalar: Scalar, tag: String?) throws {
        try add(Node(.scalar(scalar), tag: tag))
    }

    public mutating func beginSequence(tag: String?) throws {
        open.append(.sequence(tag: tag, items: []))
    }

    public mutating func endSequence() throws {
        guard case .sequence(let tag, let items)? = open.popLast() else { throw misuse("a sequence ends that never began") }
        try add(.sequence(items, tag: tag))
    }

    public mutating func beginMapping(tag: String?) throws {
        open.append(.mapping(tag: tag, pairs: [], key: nil))
    }

    public mutating func endMapping() throws {
        guard case .mapping(let tag, let pairs, nil)? = open.popLast() else {
            throw misuse("a mapping ends that never began, or ends after a key without its value")
        }
        try add(.mapping(pairs, tag: tag))
    }

    /// A finished node goes to the innermost open collection, or becomes the root.
    private mutating func add(_ node: Node) throws {
        guard let innermost = open.popLast() else {
            guard root == nil else { throw misuse("a document has one root node") }
            root = node
            return
        }
        switch innermost {
        case .sequence(let tag, var items):
            items.append(node)
            open.append(.sequence(tag: tag, items: items))
        case .mapping(let tag, var pairs, let key?):
            pairs.append(Pair(key, node))
            open.append(.mapping(tag: tag, pairs: pairs, key: nil))
        case .mapping(let tag, let pairs, nil):
            open.append(.mapping(tag: tag, pairs: pairs, key: node))
        }
    }

    private func misuse(_ problem: String) -> YAMLError {
        YAMLError(.emitter, "node writer calls out of order: \(problem)")
    }
}
