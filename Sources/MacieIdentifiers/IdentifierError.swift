/// Why an identifier could not be tested.
public enum IdentifierError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Criteria Macie would reject or read differently: every problem at once,
    /// so that one run shows all there is to fix.
    case invalidIdentifier(name: String, problems: [String])
    /// A file that could not be read as UTF-8 text.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidIdentifier(let name, let problems):
            "custom data identifier '\(name)' is not valid for Macie:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .unreadableFile(let path, let reason):
            "\(path): \(reason)"
        }
    }
}
