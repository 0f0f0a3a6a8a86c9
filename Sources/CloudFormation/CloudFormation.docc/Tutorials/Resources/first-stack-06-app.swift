import CloudFormation
import SynthCommand
import UploadsStacks

/// `swift run Infra` is `synth` for this package's stacks.
@main
struct Infra: SynthApp {
    static let stacks: [any StackDefinition] = [UploadsStack()]
}
