import CloudFormation
import Testing

@Suite("Validation at synthesis: every problem, with stack, logical ID and path")
struct ValidationTests {
    @Test("Ref to nothing names the path and suggests the closest name")
    func refToNothing() {
        let problems = errors(of: TestStack { stack in
            stack.add(queue("Orders"))
            stack.add(queue("Copy", ["RedrivePolicy": ["deadLetterTargetArn": .ref("Ordres")]]))
        })
        #expect(problems == [
            "error: Test: Resources.Copy.Properties.RedrivePolicy.deadLetterTargetArn.Ref: Ref to 'Ordres', which is not a parameter, resource or pseudo parameter of the stack; did you mean 'Orders'?",
        ])
    }

    @Test("GetAtt of a resource that does not exist")
    func getAttToNothing() {
        let problems = errors(of: TestStack { stack in
            stack.add(queue("Orders"))
            stack.output("Arn", .getAtt("Missing", "Arn"))
        })
        #expect(problems == [
            "error: Test: Outputs.Arn.Value.Fn::GetAtt: Fn::GetAtt Missing.Arn names 'Missing', which is not a resource of the stack",
        ])
    }

    @Test("a Sub placeholder that names no parameter, resource, pseudo parameter or variable")
    func subPlaceholders() {
        let problems = errors(of: TestStack { stack in
            stack.add(queue("Other", ["QueueName": .sub("${Nope.Arn}")]))
            stack.add(queue("Orders", ["QueueName": .sub("${AWS::StackName}-${Other.QueueName}-${Env}-${!Literal}-${Stage}", ["Stage": "prod"])]))
        })
        #expect(problems == [
            "error: Test: Resources.Other.Properties.QueueName.Fn::Sub: Fn::Sub placeholder ${Nope.Arn} names 'Nope', which is not a resource of the stack",
            "error: Test: Resources.Orders.Properties.QueueName.Fn::Sub[0]: Fn::Sub placeholder ${Env} names 'Env', which is not a parameter, resource or pseudo parameter of the stack",
        ])
    }

    @Test("an unterminated Sub placeholder")
    func unterminatedSub() {
        let problems = errors(of: TestStack { stack in
            stack.add(queue("Orders", ["QueueName": .sub("${AWS::StackName")]))
        })
        #expect(problems == ["error: Test: Resources.Orders.Properties.QueueName.Fn::Sub: '${' without a closing '}' in Fn::Sub string"])
    }

    @Test("duplicate and malformed logical IDs")
    func logicalIDs() {
        let longID = String(repeating: "A", count: 256)
        let problems = errors(of: TestStack { stack in
            stack.add(queue("Orders"))
            stack.add(queue("Orders"))
            stack.add(queue("orders-queue"))
            stack.add(queue(longID))
            stack.add(Parameter("Orders"))
        })
        #expect(problems == [
            "error: Test: Resources.Orders: 'Orders' is declared more than once in Resources",
            "error: Test: Resources.orders-queue: 'orders-queue' is not a valid name: use 1 to 255 ASCII letters and digits",
            "error: Test: Resources.\(longID): '\(longID)' is not a valid name: use 1 to 255 ASCII letters and digits",
            "error: Test: Resources.Orders: 'Orders' is both a parameter and a resource; Ref could not tell them apart",
            "error: Test: Resources.Orders: 'Orders' is both a parameter and a resource; Ref could not tell them apart",
        ])
    }

    @Test("a dependency cycle is printed as a path")
    func cycle() {
        let problems = errors(of: TestStack { stack in
            stack.add(queue("First", ["Tags": [["Key": "next", "Value": .getAtt("Second", "Arn")]]]))
            stack.add(queue("Second", ["QueueName": .sub("${Third}")]))
            stack.add(queue("Third", dependsOn: ["First"]))
            stack.add(queue("Alone", ["QueueName": .ref("Alone")]))
        })
        #expect(problems == [
            "error: Test: Resources.First: dependency cycle: First → Second → Third → First",
            "error: Test: Resources.Alone: dependency cycle: Alone → Alone",
        ])
    }

    @Test("cycles are reported once each, in template order of their first resource, however long")
    func cycles() {
        let problems = errors(of: TestStack { stack in
            stack.add(queue("Late", dependsOn: ["Later"]))
            stack.add(queue("Free"))
            stack.add(queue("Early", dependsOn: ["Late"]))
            stack.add(queue("Later", dependsOn: ["Early"]))
            for index in 0..<300 {
                stack.add(queue("Link\(index)", dependsOn: [index == 299 ? "Link0" : "Link\(index + 1)", "Free"]))
            }
        })
        #expect(problems.count == 2)
        #expect(problems.first == "error: Test: Resources.Late: dependency cycle: Late → Later → Early → Late")
        let chain = (0..<300).map { "Link\($0)" } + ["Link0"]
        #expect(problems.last == "error: Test: Resources.Link0: dependency cycle: " + chain.joined(separator: " → "))
    }

    @Test("DependsOn already implied by Ref, GetAtt or Sub is dropped, and repeats too; others stay")
    func impliedDependsOn() throws {
        let synthesis = try synthesize(TestStack { stack in
            stack.add(queue("A"))
            stack.add(queue("B"))
            stack.add(queue("C", ["QueueName": .sub("${A}-x")], dependsOn: ["A", "B", "B"]))
        })
        #expect(synthesis.template.resource("C")?.dependsOn == ["B"])
    }

    @Test("DependsOn to a missing resource or to itself")
    func dependsOnProblems() {
        let problems = errors(of: TestStack { stack in
            stack.add(queue("A", dependsOn: ["A", "Missing"]))
        })
        #expect(problems == [
            "error: Test: Resources.A.DependsOn[0]: 'A' cannot depend on itself",
            "error: Test: Resources.A.DependsOn[1]: DependsOn names 'Missing', which is not a resource of the stack",
        ])
    }

    @Test("undeclared conditions, wherever they are named")
    func undeclaredConditions() {
        let problems = errors(of: TestStack { stack in
            stack.add(Condition("IsProd", .equals(.region, "us-east-1")))
            stack.add(Condition("Both", .and([.condition("IsProd"), .condition("IsTest")])))
            stack.add(queue("A", ["DelaySeconds": .if("IsProdd", 0, else: 5)], condition: "Never"))
            stack.output("Out", .ref("A"), condition: "Missing")
        })
        #expect(problems == [
            "error: Test: Conditions.Both.Fn::And[1].Condition: condition 'IsTest' is not declared in Conditions",
            "error: Test: Resources.A.Condition: condition 'Never' is not declared in Conditions",
            "error: Test: Resources.A.Properties.DelaySeconds.Fn::If[0]: condition 'IsProdd' is not declared in Conditions; did you mean 'IsProd'?",
            "error: Test: Outputs.Out.Condition: condition 'Missing' is not declared in Conditions",
        ])
    }

    @Test("undeclared parameters, and conditions that refer to resources")
    func undeclaredParameters() {
        let problems = errors(of: TestStack { stack in
            stack.add(Parameter("Stage"))
            stack.add(queue("A"))
            stack.add(Condition("UsesResource", .equals(.ref("A"), "x")))
            stack.add(Condition("UsesMissing", .equals(.ref("Stag"), "x")))
        })
        #expect(problems == [
            "error: Test: Conditions.UsesResource.Fn::Equals[0].Ref: Ref to 'A', but conditions may only refer to parameters and pseudo parameters",
            "error: Test: Conditions.UsesMissing.Fn::Equals[0].Ref: Ref to 'Stag', but conditions may only refer to parameters and pseudo parameters; did you mean 'Stage'?",
        ])
    }

    @Test("FindInMap into a missing mapping or key")
    func mappings() {
        let problems = errors(of: TestStack { stack in
            stack.add(Mapping("Sizes", ["dev": ["Count": 1]]))
            stack.add(queue("A", [
                "DelaySeconds": .findInMap("Size", "dev", "Count"),
                "MaximumMessageSize": .findInMap("Sizes", "prod", "Count"),
                "MessageRetentionPeriod": .findInMap("Sizes", "dev", "Total"),
                "ReceiveMessageWaitTimeSeconds": .findInMap("Sizes", .region, "Count"),
            ]))
        })
        #expect(problems == [
            "error: Test: Resources.A.Properties.DelaySeconds.Fn::FindInMap: Fn::FindInMap names mapping 'Size', which is not declared in Mappings; did you mean 'Sizes'?",
            "error: Test: Resources.A.Properties.MaximumMessageSize.Fn::FindInMap: mapping 'Sizes' has no top-level key 'prod'",
            "error: Test: Resources.A.Properties.MessageRetentionPeriod.Fn::FindInMap: mapping 'Sizes' has no key 'Total' under 'dev'",
        ])
    }

    @Test("quotas: resources, parameters, outputs, mappings")
    func quotas() {
        let problems = errors(of: TestStack { stack in
            for index in 0...Quotas.resources { stack.add(queue("Queue\(index)")) }
            for index in 0...Quotas.parameters { stack.add(Parameter("Parameter\(index)", default: "x")) }
            for index in 0...Quotas.outputs { stack.output("Output\(index)", "x") }
            for index in 0...Quotas.mappings { stack.add(Mapping("Mapping\(index)", ["a": ["b": "c"]])) }
        })
        #expect(problems == [
            "error: Test: Resources: 501 resources; CloudFormation allows at most 500 in one template",
            "error: Test: Parameters: 201 parameters; CloudFormation allows at most 200 in one template",
            "error: Test: Outputs: 201 outputs; CloudFormation allows at most 200 in one template",
            "error: Test: Mappings: 201 mappings; CloudFormation allows at most 200 in one template",
        ])
    }

    @Test("template body size: a warning above 51,200 bytes, an error above 1 MB")
    func bodySize() {
        #expect(Quotas.checkBodySize(51_200, stack: "S").isEmpty)
        #expect(Quotas.checkBodySize(51_201, stack: "S").map(\.severity) == [.warning])
        #expect(Quotas.checkBodySize(51_201, stack: "S")[0].description.hasPrefix("warning: S: the template is 51201 bytes, over the 51200 that can be deployed inline"))
        #expect(Quotas.checkBodySize(1_000_001, stack: "S").map(\.description) == ["error: S: the template is 1000001 bytes; CloudFormation accepts at most 1000000"])
    }

    @Test("numbers that JSON cannot hold", arguments: [Double.infinity, -.infinity, .nan])
    func nonFiniteNumbers(number: Double) {
        let problems = errors(of: TestStack { stack in
            stack.add(queue("A", ["DelaySeconds": .double(number)]))
        })
        #expect(problems == ["error: Test: Resources.A.Properties.DelaySeconds: \(number) is not a number CloudFormation or JSON can hold"])
    }

    @Test("Fn::Length and Fn::ToJsonString need the AWS::LanguageExtensions transform")
    func languageExtensions() throws {
        let body: @Sendable (Stack) -> Void = { stack in
            stack.add(Parameter("Names", type: .commaDelimitedList))
            stack.add(queue("A", ["DelaySeconds": .length(.ref("Names")), "QueueName": .toJsonString(["a": 1])]))
        }
        #expect(errors(of: TestStack(body)) == [
            "error: Test: Resources.A.Properties.DelaySeconds.Fn::Length: Fn::Length needs the AWS::LanguageExtensions transform; add it to the stack's transforms",
            "error: Test: Resources.A.Properties.QueueName.Fn::ToJsonString: Fn::ToJsonString needs the AWS::LanguageExtensions transform; add it to the stack's transforms",
        ])
        _ = try synthesize(TestStack { stack in
            stack.transforms = ["AWS::LanguageExtensions"]
            body(stack)
        })
    }

    @Test("a stack without resources, and an error thrown while building")
    func emptyAndThrowing() {
        struct Broken: Error, CustomStringConvertible { var description: String { "the table list is empty" } }
        #expect(errors(of: TestStack { _ in }) == ["error: Test: Resources: a stack needs at least one resource"])
        #expect(errors(of: TestStack { _ in throw Broken() }) == ["error: Test: building the stack failed: the table list is empty"])
    }

    @Test("every problem of a stack is reported in one synthesis")
    func allAtOnce() {
        let problems = errors(of: TestStack(name: "Many") { stack in
            stack.add(queue("A", ["DelaySeconds": .ref("X"), "QueueName": .sub("${Y}")], condition: "Z"))
            stack.add(queue("A"))
        })
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.hasPrefix("error: Many: Resources.A") })
    }
}
