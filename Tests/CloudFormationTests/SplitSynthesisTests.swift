import CloudFormation
import Testing

/// `count` queues, each redriving to its own dead-letter queue; the first
/// `asked` pairs asked into the nested stack "Asked".
private func queues(_ count: Int, asked: Int = 0) -> TestStack {
    TestStack(name: "Queues") { stack in
        for index in 0..<count {
            let deadLetters = stack.add(Resource("DeadLetters\(index)", type: "AWS::SQS::Queue"))
            let queue = stack.add(Resource("Queue\(index)", type: "AWS::SQS::Queue", properties: [
                "RedrivePolicy": ["deadLetterTargetArn": .getAtt(deadLetters.logicalID, "Arn"), "maxReceiveCount": 5],
            ]))
            if index < asked { stack.place(deadLetters, queue, inNestedStack: "Asked") }
        }
    }
}

/// What synthesis rendered alongside the checks: the number of resources
/// of the template it was given, or nil when it split the template instead.
private func renderedResources(of definition: TestStack) throws -> Int? {
    switch try synthesize(definition, preparing: { $0 }, renderingUnlessSplit: { $0.resources.count }, splitting: { $0 }).output.get() {
    case .whole(let count): count
    case .split: nil
    }
}

/// The split synthesis made alongside the checks, or nil when it rendered the template whole.
private func splitAlongside(of definition: TestStack, templateURL: @escaping @Sendable (String) -> String) throws -> NestedStackSplit? {
    switch try synthesize(definition, preparing: { $0 }, renderingUnlessSplit: { _ in }, splitting: templateURL).output.get() {
    case .whole: nil
    case .split(let split): split
    }
}

@Suite("Synthesis of a stack that may split: rendered whole only when written whole, split with the dependencies it found")
struct SplitSynthesisTests {
    @Test("a stack within the limits is rendered alongside the checks; one past them, or asking for a part, is not")
    func rendersOnlyWhatIsWrittenWhole() throws {
        let pairsAtTheLimit = Quotas.resources / 2
        #expect(try renderedResources(of: queues(pairsAtTheLimit)) == pairsAtTheLimit * 2)
        #expect(try renderedResources(of: queues(pairsAtTheLimit + 1)) == nil)
        #expect(try renderedResources(of: queues(3, asked: 1)) == nil)
    }

    @Test("the split of a synthesis, and the split made alongside its checks, are the split of its template")
    func splitOfSynthesisIsSplitOfTemplate() throws {
        let url: @Sendable (String) -> String = { "Queues.\($0).yaml" }
        for definition in [queues(Quotas.resources), queues(10, asked: 4)] {
            let synthesis = try synthesize(definition, limits: .splittable)
            let fromSynthesis = try #require(try NestedStackSplit.split(synthesis, templateURL: url))
            let fromTemplate = try NestedStackSplit.split(
                synthesis.template, stack: synthesis.stack, requestedParts: synthesis.requestedParts, templateURL: url)
            #expect(fromSynthesis == fromTemplate)
            #expect(try splitAlongside(of: definition, templateURL: url) == fromTemplate)
        }
        #expect(try NestedStackSplit.split(synthesize(queues(10)), templateURL: url) == nil)
    }

    @Test("a part holding more than one template allows is an error of the part's checks; the root passes")
    func partPastTheLimits() throws {
        let pairs = Quotas.resources / 2 + 1
        let split = try #require(try NestedStackSplit.split(synthesize(queues(pairs, asked: pairs), limits: .splittable), templateURL: { $0 }))
        let part = try #require(split.parts.first { $0.name == "Asked" })
        #expect(TemplateValidator.validatePartOfSplit(part.template, stack: "Queues.Asked").map(\.description) == [
            "error: Queues.Asked: Resources: \(pairs * 2) resources; CloudFormation allows at most \(Quotas.resources) in one template",
        ])
        #expect(TemplateValidator.validatePartOfSplit(split.root, stack: "Queues") == [])
    }
}
