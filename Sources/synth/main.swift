import CloudFormation
import Stacks
import SynthCommand

/// The stacks under `stacks/`.
enum PackageStacks: StackCatalog {
    static var stacks: [any StackDefinition] { allStacks }
}

Synth<PackageStacks>.runAsMain()
