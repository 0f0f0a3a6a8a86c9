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
    /// Advice (least privilege, style) rather than something CloudFormation
    /// rejects or that is certainly wrong. `synth` holds its own stacks to
    /// advice as to any error; `synth validate` lists it as a warning on a
    /// template written elsewhere.
    public var isAdvice = false

    public init(_ severity: Severity, stack: String, path: TemplatePath, _ message: String) {
        self.severity = severity
        self.stack = stack
        self.path = path
        self.message = message
    }

    /// The same finding, marked as advice.
    public func advice() -> Diagnostic {
        var diagnostic = self
        diagnostic.isAdvice = true
        return diagnostic
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
