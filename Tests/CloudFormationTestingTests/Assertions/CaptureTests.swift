import CloudFormation
import CloudFormationTesting
import Testing

@Suite("Captures")
struct CaptureTests {
    @Test("a capture records the value it matched, as the template holds it")
    func recordsValue() {
        let role = Capture()
        let pattern: Matcher = ["Role": .capture(role)]
        #expect(pattern.matches(["Role": .getAtt("ExportRole", "Arn"), "Runtime": "python3.13"]))
        #expect(role.values == [.getAtt("ExportRole", "Arn")])
        #expect(role.value == .getAtt("ExportRole", "Arn"))
        #expect(role.string == nil)
    }

    @Test("typed accessors read the first value when it has that type")
    func typedAccessors() {
        let name = Capture(), size = Capture(), ratio = Capture(), flag = Capture()
        let list = Capture(), object = Capture(), reference = Capture()
        let pattern: Matcher = [
            "Name": .capture(name), "Size": .capture(size), "Ratio": .capture(ratio), "Flag": .capture(flag),
            "List": .capture(list), "Object": .capture(object), "Bucket": .capture(reference),
        ]
        let value: Value = [
            "Name": "orders", "Size": 256, "Ratio": 0.5, "Flag": true,
            "List": [1, 2], "Object": ["A": 1], "Bucket": .ref("Exports"),
        ]
        #expect(pattern.matches(value))
        #expect(name.string == "orders")
        #expect(size.integer == 256)
        #expect(size.double == 256)
        #expect(ratio.double == 0.5)
        #expect(ratio.integer == nil)
        #expect(flag.bool == true)
        #expect(list.list == [1, 2])
        #expect(object.object == ["A": 1])
        #expect(reference.referencedLogicalID == "Exports")
        #expect(name.referencedLogicalID == nil)
    }

    @Test("a capture with a pattern records only what the pattern accepts")
    func withPattern() {
        let environment = Capture()
        let pattern: Matcher = ["Name": .capture(environment, .stringMatching("(dev|prod)"))]
        #expect(pattern.matches(["Name": "prod"]))
        #expect(environment.string == "prod")
        #expect(!pattern.matches(["Name": "test"]))
        #expect(environment.values.isEmpty, "a failed match empties the capture")
    }

    @Test("in a list pattern, only the element that was paired is recorded, not the ones tried")
    func listElements() {
        let value = Capture()
        let tags: Value = ["Tags": [["Key": "Team", "Value": "data"], ["Key": "Env", "Value": "dev"]]]
        let anyOrder: Matcher = ["Tags": .arrayContaining([["Key": "Env", "Value": .capture(value)]])]
        #expect(anyOrder.matches(tags))
        #expect(value.values == ["dev"])

        let inOrder: Matcher = ["Tags": .arrayWith([["Value": .capture(value)], ["Value": .capture(value)]])]
        #expect(inOrder.matches(tags))
        #expect(value.values == ["data", "dev"])
    }

    @Test("a capture inside not never records")
    func insideNot() {
        let capture = Capture()
        let pattern: Matcher = ["Name": .not(.capture(capture, "x"))]
        #expect(pattern.matches(["Name": "y"]))
        #expect(capture.values.isEmpty)
    }

    @Test("a query records from every matching resource, in template order, replacing earlier values")
    func acrossResources() {
        let template = Template(resources: [
            Resource("First", type: "AWS::SQS::Queue", properties: ["DelaySeconds": 5]),
            Resource("Other", type: "AWS::SNS::Topic", properties: ["DelaySeconds": 7]),
            Resource("Second", type: "AWS::SQS::Queue", properties: ["DelaySeconds": 10]),
            Resource("NoDelay", type: "AWS::SQS::Queue"),
        ])
        let delay = Capture()
        #expect(template.hasResourceProperties("AWS::SQS::Queue", ["DelaySeconds": .capture(delay)]))
        #expect(delay.values == [5, 10])

        #expect(template.hasResourceProperties("AWS::SNS::Topic", ["DelaySeconds": .capture(delay)]))
        #expect(delay.values == [7])

        #expect(!template.hasResourceProperties("AWS::DynamoDB::Table", ["DelaySeconds": .capture(delay)]))
        #expect(delay.values == [])
    }
}
