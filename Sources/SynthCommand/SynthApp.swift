import CloudFormation

/// A package's own `synth`: the whole command (every subcommand, the same
/// options, messages and exit statuses) over the stacks it lists.
///
/// ```swift
/// import CloudFormation
/// import SynthCommand
///
/// @main
/// struct Infra: SynthApp {
///     static let stacks: [any StackDefinition] = [Queues()]
/// }
/// ```
public protocol SynthApp: StackCatalog {}

extension SynthApp {
    public static func main() {
        Synth<Self>.runAsMain()
    }
}
