/// How much a document may ask of the parser. The defaults are far above any
/// real template (CloudFormation's own limits: 1 MB of template, 500
/// resources) and far below what would exhaust the stack or the memory of
/// the code that walks the tree.
public struct ParserLimits: Sendable, Equatable {
    /// Collections nested inside each other; the root is level 1.
    public var maximumDepth: Int
    /// Scalars, sequences, mappings and keys, all counted.
    public var maximumNodes: Int

    public init(maximumDepth: Int = 128, maximumNodes: Int = 1_000_000) {
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
    }
}
