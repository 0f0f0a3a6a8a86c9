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
