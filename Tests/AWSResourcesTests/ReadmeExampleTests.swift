import AWSResources
import CloudFormation
import Testing

/// The first stack shown in README.md, kept here so the README cannot drift
/// from code that compiles and synthesizes.
private struct ReadmeStack: StackDefinition {
    var name: String { "OrderEvents" }

    func build(_ stack: Stack) throws {
        let environment = stack.add(TypedParameter.string("Environment", default: "dev", allowedValues: ["dev", "prod"]))
        let isProduction = stack.add(Condition("IsProduction", .equals(environment.ref, "prod")))

        let deadLetters = stack.add(SQS.Queue("DeadLetterQueue", messageRetentionPeriod: 1_209_600,
                                              sqsManagedSseEnabled: true))
        let queue = stack.add(SQS.Queue(
            "OrdersQueue",
            delaySeconds: .if(isProduction, 0, else: 5),
            messageRetentionPeriod: 345_600,
            redrivePolicy: ["deadLetterTargetArn": deadLetters.arn.templateValue, "maxReceiveCount": 5],
            sqsManagedSseEnabled: true,
            tags: [.init(key: "Name", value: .sub("\(.stackName)-orders"))]))
        stack.output("OrdersQueueURL", queue.ref, description: "Consumers read order events here.")
    }
}

@Test("the README's first stack synthesizes with every check, with the intrinsics its comments promise")
func readmeExample() throws {
    let template = try synthesize(ReadmeStack(), checks: AWSChecks.all).template
    let properties = try #require(template.resource("OrdersQueue")?.properties)
    #expect(properties["Tags"] == [["Key": "Name", "Value": .intrinsic(.sub("${AWS::StackName}-orders", variables: [:]))]])
    #expect(properties["DelaySeconds"] == .intrinsic(.if(condition: "IsProduction", then: 0, else: 5)))
    #expect(template.conditions == [Condition("IsProduction", .equals(.ref("Environment"), "prod"))])
}
