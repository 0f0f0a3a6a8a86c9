import AWSConstructs
import CloudFormation

/// A function whose code is a folder (a module beside the handler and a data
/// file), packaged as a ZIP beside the template.
struct FolderFunctionStack: StackDefinition {
    var name: String { "FolderFunction" }

    func build(_ stack: Stack) throws {
        let key = stack.add(Key("Key", description: "Encrypts the function's logs and environment."))
        let function = stack.add(Function(
            "Greeter", code: .folder("../folder-function"), environment: ["STAGE": "test"], key: key))
        stack.output("FunctionName", function.ref)
    }
}
