// `synth` over a catalog of small stacks, two of them broken on purpose, so
// the CLI tests can watch the real executable fail the way a user would see it.
import CloudFormation
import SynthCommand

struct ValidStack: StackDefinition {
    var name: String { "Valid" }
    func build(_ stack: Stack) throws {
        let queue = stack.add(Resource("Queue", type: "AWS::SQS::Queue", properties: ["SqsManagedSseEnabled": true]))
        stack.output("QueueURL", queue.ref)
    }
}

/// Three problems in one stack: all three must be reported in one run.
struct BrokenStack: StackDefinition {
    var name: String { "Broken" }
    func build(_ stack: Stack) throws {
        stack.add(Resource("First", type: "AWS::SQS::Queue", properties: ["QueueName": .sub("${Second.QueueName}")]))
        stack.add(Resource("Second", type: "AWS::SQS::Queue", properties: ["QueueName": .sub("${First.QueueName}")]))
        stack.output("Missing", .ref("Thrid"))
    }
}

struct AlsoBrokenStack: StackDefinition {
    var name: String { "AlsoBroken" }
    func build(_ stack: Stack) throws {
        stack.add(Resource("Topic", type: "AWS::SNS::Topic", condition: "Undeclared"))
    }
}

/// Named like a subcommand: selected with `synth synthesize diff`.
struct SubcommandNamedStack: StackDefinition {
    var name: String { "diff" }
    func build(_ stack: Stack) throws {
        stack.add(Resource("SubcommandNamed", type: "AWS::SQS::Queue", properties: ["SqsManagedSseEnabled": true]))
    }
}

enum FixtureStacks: StackCatalog {
    static var stacks: [any StackDefinition] { [ValidStack(), BrokenStack(), AlsoBrokenStack(), EveryResourceTypeStack(), EveryConstructStack(), SubcommandNamedStack(), FolderFunctionStack()] }
}

Synth<FixtureStacks>.runAsMain()
