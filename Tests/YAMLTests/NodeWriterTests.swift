import Testing
import YAML

@Suite("Writing a document node by node")
struct NodeWriterTests {
    @Test("a tree handed to the tree builder comes back equal, for 2,000 random trees")
    func treeBuilderRebuildsTheTree() throws {
        var generator = TreeGenerator(random: SplitMix64(state: 0x7EE5_B11D))
        for index in 0..<2_000 {
            let tree = generator.node(depth: 0)
            var builder = NodeTreeBuilder()
            try tree.write(to: &builder)
            guard builder.root == tree else {
                Issue.record("tree \(index) came back different: \(String(describing: builder.root))")
                return
            }
        }
    }

    @Test("the emitter writes nodes handed to it one by one as it writes the tree")
    func emitterWritesCallsAsTheTree() throws {
        let written = try Emitter.emit { writer in
            try writer.beginMapping(tag: nil)
            try writer.string("Name")
            try writer.string("true")
            try writer.string("Value")
            try writer.beginSequence(tag: "!If")
            try writer.string("C")
            try writer.plain("1")
            try writer.endSequence()
            try writer.endMapping()
        }
        let tree = Node.mapping(["Name": .string("true"), "Value": .sequence([.string("C"), .plain("1")], tag: "!If")])
        #expect(written == (try Emitter.emit(tree)))
        #expect(written == "Name: 'true'\nValue: !If\n- C\n- 1\n")
    }

    @Test("calls out of order are errors, not crashes")
    func callsOutOfOrder() {
        var builder = NodeTreeBuilder()
        #expect(throws: YAMLError.self) { try builder.endSequence() }
        var twoRoots = NodeTreeBuilder()
        #expect(throws: YAMLError.self) {
            try twoRoots.string("a")
            try twoRoots.string("b")
        }
        var keyWithoutValue = NodeTreeBuilder()
        #expect(throws: YAMLError.self) {
            try keyWithoutValue.beginMapping(tag: nil)
            try keyWithoutValue.string("key")
            try keyWithoutValue.endMapping()
        }
        #expect(throws: YAMLError.self) {
            _ = try Emitter.emit { writer in
                try writer.beginMapping(tag: nil)
                try writer.endSequence()
            }
        }
    }
}
