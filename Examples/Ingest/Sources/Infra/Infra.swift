import CloudFormation
import IngestStacks
import SynthCommand

/// `swift run Infra --output generated` writes generated/; `--check` compares.
@main
struct Infra: SynthApp {
    static let stacks: [any StackDefinition] = [IngestStack()]
}
