/// A problem found while synthesizing a stack: which stack, where in its
/// template, and what is wrong.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var stack: String
    public var path: TemplatePath
    public var message: String

    public init(_ severity: Severity, stack: String, path: TemplatePath, _ message: String) {
        self.severity = severity
        self.stack = stack
        self.path = path
        self.message = message
    }

    /// `error: Demo: Resources.Queue.Properties.RedrivePolicy: Ref to 'Dlq', …`
    public var description: String {
        let location = path.components.isEmpty ? "" : "\(path): "
        return "\(severity.rawValue): \(stack): \(location)\(message)"
    }
}

/// Synthesis stopped: the stack has at least one error. Holds every problem
/// found, errors and warnings, in template order.
public struct SynthesisError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
