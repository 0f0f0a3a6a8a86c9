/// A failure inside libyaml, with libyaml's own description of the problem.
public struct YAMLError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case emitter
        case parser
        /// Valid YAML that this reader does not accept (an alias, a merge key,
        /// a document stream with more than one document).
        case unsupported
        /// A document beyond `ParserLimits`: too deep, too many nodes.
        case limit
    }

    public var kind: Kind
    public var problem: String
    /// Where in the input, for parser errors.
    public var mark: Mark?

    public init(_ kind: Kind, _ problem: String, mark: Mark? = nil) {
        self.kind = kind
        self.problem = problem
        self.mark = mark
    }

    public var description: String {
        if let mark { return "\(mark): \(problem)" }
        return problem
    }
}
