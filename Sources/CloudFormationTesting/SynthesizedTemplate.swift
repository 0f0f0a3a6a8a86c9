import AWSResources
import CloudFormation

extension Template {
    /// The template a stack synthesizes, with every check `synth` runs: what
    /// a test asserts on. Throws the stack's diagnostics when it is invalid.
    public init(synthesizing definition: some StackDefinition) throws {
        self = try synthesize(definition, checks: AWSChecks.all).template
    }
}
