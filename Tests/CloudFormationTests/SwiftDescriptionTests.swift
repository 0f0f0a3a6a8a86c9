import CloudFormation
import Foundation
import Testing

@Suite("A template value turned into Swift text never reaches a template")
struct SwiftDescriptionTests {
    private let table = Resource("Table", type: "AWS::DynamoDB::Table")

    @Test("string interpolation of an expression fails synthesis, naming the property")
    func interpolation() {
        let reference = TemplateExpression<String>(unchecked: table.ref)
        let problems = errors(of: TestStack { [table] stack in
            stack.add(table)
            let name: String = "arn:aws:dynamodb:::table/\(reference)"
            stack.add(queue("Queue", ["QueueName": .string(name)]))
        })
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("error: Test: Resources.Queue.Properties.QueueName: holds a template value turned into Swift text") == true)
        #expect(problems.first?.contains("'arn:aws:dynamodb:::table/⟨Ref Table⟩'") == true)
    }

    @Test("String(describing:) of a value fails synthesis wherever it is written, every place at once")
    func describing() {
        let arn = TemplateExpression<String>(unchecked: .getAtt("Table", "Arn"))
        let problems = errors(of: TestStack { [table] stack in
            stack.add(table)
            stack.add(queue("Queue", [
                "Tags": [["Key": .string(String(describing: arn)), "Value": "v"]],
                "RedrivePolicy": .sub("${AWS::StackName}-\(String(describing: Value.ref("Table")))"),
            ]))
            stack.output("Name", .string(String(describing: arn)), description: "the \(arn)")
        })
        // "error: Test: <path>: <message>"
        #expect(problems.map { $0.components(separatedBy: ": ")[2] } == [
            "Resources.Queue.Properties.Tags[0].Key",
            "Resources.Queue.Properties.RedrivePolicy.Fn::Sub",
            "Outputs.Name.Description",
            "Outputs.Name.Value",
        ])
    }

    @Test("the description names the value and is marked, so it cannot pass for a name or an ARN")
    func descriptionText() {
        let description = String(describing: TemplateExpression<String>(unchecked: .getAtt("Table", "Arn")))
        #expect(SwiftDescriptionMarker.isContained(in: description))
        #expect(SwiftDescriptionMarker.readable(description) == "⟨Fn::GetAtt Table.Arn⟩")
        #expect(!SwiftDescriptionMarker.isContained(in: "arn:aws:dynamodb:::table/é-ü"))
    }
}
