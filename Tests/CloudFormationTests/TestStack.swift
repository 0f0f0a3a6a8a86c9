import CloudFormation

/// A stack built by a closure, for tests that need one of a particular shape.
struct TestStack: StackDefinition {
    var name: String = "Test"
    var body: @Sendable (Stack) throws -> Void

    init(name: String = "Test", _ body: @escaping @Sendable (Stack) throws -> Void) {
        self.name = name
        self.body = body
    }

    func build(_ stack: Stack) throws {
        try body(stack)
    }
}

/// The diagnostics of a stack that must fail synthesis, as printed.
func errors(of definition: TestStack) -> [String] {
    do {
        _ = try synthesize(definition)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

func queue(_ id: String, _ properties: Object = [:], dependsOn: [String] = [], condition: String? = nil) -> Resource {
    Resource(id, type: "AWS::SQS::Queue", properties: properties, condition: condition, dependsOn: dependsOn)
}
