import CloudFormation
import Testing

/// The stack shown in README.md, kept here so the README cannot drift from code that compiles.
private struct ReadmeStack: StackDefinition {
    var name: String { "OrderEvents" }

    func build(_ stack: Stack) throws {
        let environment = stack.add(Parameter("Environment", default: "dev", allowedValues: ["dev", "prod"]))
        let isProduction = stack.add(Condition("IsProduction", .equals(environment.ref, "prod")))

        let deadLetters = stack.add(Resource("DeadLetterQueue", type: "AWS::SQS::Queue",
                                             properties: ["SqsManagedSseEnabled": true]))
        let queue = stack.add(Resource("OrdersQueue", type: "AWS::SQS::Queue", properties: [
            "RedrivePolicy": ["deadLetterTargetArn": deadLetters.getAtt("Arn"), "maxReceiveCount": 5],
            "Tags": [["Key": "Name", "Value": .sub("\(.stackName)-orders")]],
            "DelaySeconds": isProduction.choose(0, else: 5),
        ]))
        stack.output("OrdersQueueURL", queue.ref, description: "Consumers read order events here.")
    }
}

@Test("the README's example stack synthesizes, with the intrinsics its comments promise")
func readmeExample() throws {
    let template = try synthesize(ReadmeStack()).template
    let properties = try #require(template.resource("OrdersQueue")?.properties)
    #expect(properties["Tags"] == [["Key": "Name", "Value": .intrinsic(.sub("${AWS::StackName}-orders", variables: [:]))]])
    #expect(properties["DelaySeconds"] == .intrinsic(.if(condition: "IsProduction", then: 0, else: 5)))
}
