import CloudFormation
import Testing

@Suite("Fn::ForEach")
struct ForEachTests {
    static let loop = Intrinsic.forEach(
        loop: "Redrive", identifier: "Key", collection: ["deadLetterTargetArn", "maxReceiveCount"],
        fragment: ["${Key}": .sub("${Key}-${AWS::StackName}")])

    @Test("its argument has the one long-form layout: the name in the key, then identifier, collection and fragment")
    func layout() throws {
        #expect(Self.loop.longName == "Fn::ForEach::Redrive")
        #expect(Self.loop.longFormArgument == ["Key", ["deadLetterTargetArn", "maxReceiveCount"], ["${Key}": .sub("${Key}-${AWS::StackName}")]])
        #expect(Intrinsic(longName: Self.loop.longName, argument: Self.loop.longFormArgument) == Self.loop)
        #expect(Self.loop.needsLanguageExtensions && !Self.loop.hasShortForm)
        let nested = Intrinsic.forEach(loop: "Outer", identifier: "A", collection: .ref("Names"), fragment: .intrinsic(Self.loop))
        #expect(Intrinsic(longName: nested.longName, argument: nested.longFormArgument) == nested)
    }

    @Test("an argument that does not fit the layout is no loop", arguments: [
        ("Fn::ForEach::Redrive", ["Key", ["a"]]),
        ("Fn::ForEach::Redrive", [["Key"], ["a"], ["${Key}": 1]]),
        ("Fn::ForEach::Redrive", ["Key", ["a"], "fragment"]),
        ("Fn::ForEach::", ["Key", ["a"], ["${Key}": 1]]),
    ] as [(String, Value)])
    func malformed(name: String, argument: Value) {
        #expect(Intrinsic(longName: name, argument: argument) == nil)
    }

    @Test("without the AWS::LanguageExtensions transform synthesis fails at the loop's path; with it the fragment's identifier is no unknown reference")
    func needsTransform() throws {
        let body: @Sendable (Stack) -> Void = { stack in
            stack.add(queue("Queue", ["RedrivePolicy": .intrinsic(Self.loop)]))
        }
        #expect(errors(of: TestStack(body)) == [
            "error: Test: Resources.Queue.Properties.RedrivePolicy.Fn::ForEach::Redrive: Fn::ForEach::Redrive needs the AWS::LanguageExtensions transform; add it to the stack's transforms",
        ])
        let template = try synthesize(TestStack { stack in
            stack.transforms = [LanguageExtensions.transform]
            body(stack)
        })
        #expect(template.template.resource("Queue")?.properties["RedrivePolicy"] == Value.intrinsic(Self.loop))
    }

    @Test("the loop's collection is checked like any value")
    func collectionReferences() {
        let loop = Value.forEach("Redrive", "Key", in: .ref("Missing"), ["${Key}": "x"])
        let problems = errors(of: TestStack { stack in
            stack.transforms = [LanguageExtensions.transform]
            stack.add(queue("Queue", ["RedrivePolicy": loop]))
        })
        #expect(problems.count == 1)
        #expect(problems.first?.contains("Resources.Queue.Properties.RedrivePolicy.Fn::ForEach::Redrive[1]") == true)
    }
}
