// `synth` over one stack whose function installs its requirements.txt with
// pip at synthesis: an executable of its own, so that only the test that
// means to run pip (Tests/python/deploy/test_function_assets.py) does.
import AWSConstructs
import CloudFormation
import SynthCommand

/// A function whose folder's requirements.txt is installed into its package
/// with pip at synthesis (offline: from a wheel beside the folder).
struct VendoredFunctionStack: StackDefinition {
    var name: String { "VendoredFunction" }

    func build(_ stack: Stack) throws {
        let key = stack.add(Key("Key", description: "Encrypts the function's logs and environment."))
        let function = stack.add(Function(
            "Greeter", code: .folder("../vendored-function", installingRequirements: true), key: key))
        stack.output("FunctionName", function.ref)
    }
}

enum VendoredStacks: StackCatalog {
    static var stacks: [any StackDefinition] { [VendoredFunctionStack()] }
}

Synth<VendoredStacks>.runAsMain()
