import CloudFormation
@testable import TemplateRendering
import Testing
import YAML

/// Rendering hands nodes straight to the emitter or the JSON writer; these
/// check that it writes exactly what building the tree first would.
@Suite("Rendering without the node tree")
struct DirectWritingTests {
    /// Every intrinsic, and the nestings where a tagged argument forces the
    /// long form on the function around it (and where it does not).
    static let templates: [Template] = {
        var nested = Template(description: "Nested intrinsics.")
        nested.resources = [Resource("Topic", type: "AWS::SNS::Topic")]
        let values: [Value] = [
            .base64(.sub("x-${AWS::Region}")), .getAZs(.region), .importValue(.sub("${AWS::StackName}-x")),
            .if("C", .ref("A"), else: .noValue), .base64("plain"), .base64(.length(.ref("Subnets"))),
            .toJsonString(.base64(.ref("A"))), .base64(.base64(.base64("deep"))), .length([.ref("A"), 1]),
            .select(0, .getAZs(.base64("x"))), [], [:], [[], [:], [[]]],
        ]
        nested.outputs = values.enumerated().map { Output("Value\($0.offset)", value: $0.element) }
        return [everyIntrinsic, nested]
    }()

    @Test("YAML in both forms and JSON are the bytes the node tree gives", arguments: templates)
    func sameAsTheTree(template: Template) throws {
        for form in [IntrinsicForm.short, .long] {
            let tree = TemplateNodeBuilder(form: form).node(for: template)
            #expect(try TemplateRenderer.yaml(template, form: form) == (try Emitter.emit(tree)))
        }
        let tree = TemplateNodeBuilder(form: .long).node(for: template)
        #expect(try TemplateRenderer.json(template) == (try JSONWriter.write(tree)))
    }

    @Test("JSON: empty and nested collections, and a document that is one value")
    func jsonShapes() throws {
        #expect(try TemplateRenderer.json(value: [[], [:], ["a": []], [1, "b"]]) == """
            [
              [],
              {},
              {
                "a": []
              },
              [
                1,
                "b"
              ]
            ]

            """)
        #expect(try TemplateRenderer.json(value: "x\n\"y\"") == "\"x\\n\\\"y\\\"\"\n")
    }

    @Test("JSON refuses a tag and a key that is not a string")
    func jsonRefuses() {
        #expect(throws: JSONWriter.TaggedNodeError.self) { try JSONWriter.write(.string("x", tag: "!Ref")) }
        #expect(throws: JSONWriter.KeyError.self) { try JSONWriter.write(.mapping([Pair(.sequence([]), .string("x"))])) }
    }
}
