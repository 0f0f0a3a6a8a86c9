import CloudFormation

/// The stacks one `synth` executable knows, the first being the default.
public protocol StackCatalog {
    static var stacks: [any StackDefinition] { get }
}

extension StackCatalog {
    static func stack(named name: String) -> (any StackDefinition)? {
        stacks.first { $0.name == name }
    }
}

extension StackCatalog {
    /// The named stack, or the default one.
    static func selected(_ name: String?) throws -> any StackDefinition {
        if let name {
            guard let definition = stack(named: name) else {
                let known = stacks.map(\.name).joined(separator: ", ")
                throw SynthFailure(message: "no stack named '\(name)'; the stacks are: \(known)", exitCode: .invalid)
            }
            return definition
        }
        guard let first = stacks.first else {
            throw SynthFailure(message: "this package defines no stacks", exitCode: .invalid)
        }
        return first
    }
}
