import CloudFormation
import StackSynthesis
import Testing

/// `count` wait-condition handles (a type that holds no data, so no security
/// rule concerns it), every one asked into the nested stack "Crowded".
private struct CrowdedPartStack: StackDefinition {
    var count: Int
    var name: String { "Handles" }
    func build(_ stack: Stack) throws {
        for index in 0..<count {
            stack.place(stack.add(Resource("Handle\(index)", type: "AWS::CloudFormation::WaitConditionHandle")), inNestedStack: "Crowded")
        }
    }
}

@Suite("synthesizeTemplate on a stack written as nested stacks")
struct NestedStackChecksTests {
    @Test("a nested stack past one template's limits is an error naming the stack and the part, and there is no template")
    func partPastTheLimitsNamesThePart() {
        let count = Quotas.resources + 1
        let report = synthesizeTemplate(CrowdedPartStack(count: count))
        #expect(report.template == nil)
        #expect(report.errors.map(\.description) == [
            "error: Handles.Crowded: Resources: \(count) resources; CloudFormation allows at most \(Quotas.resources) in one template",
        ])
    }

    @Test("a nested stack within the limits: the root and the part are written")
    func partWithinTheLimits() throws {
        let report = synthesizeTemplate(CrowdedPartStack(count: 3))
        let template = try #require(report.template)
        #expect(template.artifacts.map(\.fileName) == ["Handles.Crowded.yaml"])
        #expect(template.text.contains("Type: AWS::CloudFormation::Stack"))
        #expect(template.artifacts[0].text.components(separatedBy: "Type: AWS::CloudFormation::WaitConditionHandle").count == 4)
    }
}
