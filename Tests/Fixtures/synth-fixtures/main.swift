// `synth` over a catalog of small stacks, two of them broken on purpose, so
// the CLI tests can watch the real executable fail the way a user would see it.
import CloudFormation
import SecurityRules
import SynthCommand

/// The command's fixtures exercise the command, not a stack's security.
func securityRulesOff(_ stack: Stack) {
    StackRuleSetting.apply([StackRuleSetting("*", .off, because: "a fixture of the command line, not a stack to deploy")], to: stack)
}

struct ValidStack: StackDefinition {
    var name: String { "Valid" }
    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        let queue = stack.add(Resource("Queue", type: "AWS::SQS::Queue", properties: ["SqsManagedSseEnabled": true]))
        stack.output("QueueURL", queue.ref)
    }
}

/// Three problems in one stack: all three must be reported in one run.
struct BrokenStack: StackDefinition {
    var name: String { "Broken" }
    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        stack.add(Resource("First", type: "AWS::SQS::Queue", properties: ["QueueName": .sub("${Second.QueueName}")]))
        stack.add(Resource("Second", type: "AWS::SQS::Queue", properties: ["QueueName": .sub("${First.QueueName}")]))
        stack.output("Missing", .ref("Thrid"))
    }
}

struct AlsoBrokenStack: StackDefinition {
    var name: String { "AlsoBroken" }
    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        stack.add(Resource("Topic", type: "AWS::SNS::Topic", condition: "Undeclared"))
    }
}

/// Named like a subcommand: selected with `synth synthesize diff`.
struct SubcommandNamedStack: StackDefinition {
    var name: String { "diff" }
    func build(_ stack: Stack) throws {
        securityRulesOff(stack)
        stack.add(Resource("SubcommandNamed", type: "AWS::SQS::Queue", properties: ["SqsManagedSseEnabled": true]))
    }
}

/// A bucket with none of the protections: the security rules stop it. One
/// rule is waived with a reason; one suppression waives nothing.
struct InsecureStack: StackDefinition {
    var name: String { "Insecure" }
    func build(_ stack: Stack) throws {
        stack.add(Resource("Bucket", type: "AWS::S3::Bucket", metadata: RuleSuppression.metadata([
            RuleSuppression("S3-VERSIONING", because: "every object is written once and never changed"),
            RuleSuppression("S3-PUBLIC-ACL", because: "there is no ACL to open it"),
        ])))
    }
}

enum FixtureStacks: StackCatalog {
    static var stacks: [any StackDefinition] {
        [ValidStack(), BrokenStack(), AlsoBrokenStack(), InsecureStack(), EveryResourceTypeStack(), EveryConstructStack(),
         SubcommandNamedStack(), FolderFunctionStack(), ManyServicesStack()]
    }
}

Synth<FixtureStacks>.runAsMain()
