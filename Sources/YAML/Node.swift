/// A YAML node: the ordered tree that the emitter writes and the parser reads.
///
/// Mappings are arrays of pairs, never a `Dictionary`, so the order a caller
/// builds is the order that reaches the output.
public struct Node: Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public var content: Content
    /// A local or global tag such as `!Ref`; `nil` for an untagged node.
    public var tag: String?
    /// Where the parser found the node; `nil` for nodes built in code.
    /// Not part of equality: two nodes are equal when they say the same thing.
    public var mark: Mark?

    public init(_ content: Content, tag: String? = nil, mark: Mark? = nil) {
        self.content = content
        self.tag = tag
        self.mark = mark
    }
}

extension Node: Hashable {
    public static func == (lhs: Node, rhs: Node) -> Bool {
        lhs.content == rhs.content && lhs.tag == rhs.tag
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(content)
        hasher.combine(tag)
    }
}

/// One key–value entry of a mapping.
public struct Pair: Hashable, Sendable {
    public var key: Node
    public var value: Node

    public init(_ key: Node, _ value: Node) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text and how it is (or is to be) written.
public struct Scalar: Hashable, Sendable {
    public var text: String
    public var style: ScalarStyle

    public init(_ text: String, style: ScalarStyle) {
        self.text = text
        self.style = style
    }
}

public enum ScalarStyle: Hashable, Sendable {
    /// Text that a reader must read back as this very string: the emitter picks
    /// plain, quoted or literal block, whichever is safe (see `ScalarSafety`).
    case string
    /// Written as is, without quotes, for the reader to resolve: numbers,
    /// booleans and null. The caller guarantees the text is what it wants read.
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// A position in a YAML document, 1-based like an editor's.
public struct Mark: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

extension Node {
    /// A string the reader must read back unchanged; the emitter chooses the style.
    public static func string(_ text: String, tag: String? = nil) -> Node {
        Node(.scalar(Scalar(text, style: .string)), tag: tag)
    }

    /// A plain scalar for the reader to resolve (a number, a boolean, null).
    public static func plain(_ text: String, tag: String? = nil) -> Node {
        Node(.scalar(Scalar(text, style: .plain)), tag: tag)
    }

    public static func sequence(_ items: [Node], tag: String? = nil) -> Node {
        Node(.sequence(items), tag: tag)
    }

    public static func mapping(_ pairs: [Pair], tag: String? = nil) -> Node {
        Node(.mapping(pairs), tag: tag)
    }

    /// A mapping from string keys, in the order given.
    public static func mapping(_ entries: KeyValuePairs<String, Node>) -> Node {
        .mapping(entries.map { Pair(.string($0.key), $0.value) })
    }

    /// The scalar's text, or `nil` for a collection.
    public var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }
}
