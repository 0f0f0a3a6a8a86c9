import AWSResources
import CloudFormation

extension Template {
    /// The template a stack synthesizes, with every check `synth` runs but
    /// the security rules: what a test asserts on. Throws the stack's
    /// diagnostics when it is invalid. The rules are left to the test
    /// (`SecurityRulePack().report(for:)`), so that it can look at a
    /// template they would stop, and at what they find in it.
    public init(synthesizing definition: some StackDefinition) throws {
        self = try synthesize(definition, checks: AWSChecks.all).template
    }
}
