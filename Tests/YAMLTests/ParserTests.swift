import Testing
import YAML

@Suite("Parser")
struct ParserTests {
    @Test("keeps tags, styles and 1-based positions")
    func tagsStylesPositions() throws {
        let node = try Parser.parse("Key: !Ref Bucket\nOther: 'quoted'\n")
        guard case .mapping(let pairs) = node.content else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs[0].value.tag == "!Ref")
        #expect(pairs[0].value.scalarText == "Bucket")
        #expect(pairs[0].value.mark == Mark(line: 1, column: 6))
        #expect(pairs[1].value.content == .scalar(Scalar("quoted", style: .singleQuoted)))
        #expect(pairs[1].key.mark == Mark(line: 2, column: 1))
    }

    @Test("expands aliases into copies of the anchored node")
    func aliases() throws {
        let node = try Parser.parse("a: &x [1, 2]\nb: *x\n")
        guard case .mapping(let pairs) = node.content else { return }
        #expect(pairs[0].value == pairs[1].value)
    }

    @Test("reports malformed YAML with libyaml's problem and a position")
    func malformed() throws {
        let error = try #require(throws: YAMLError.self) { try Parser.parse("a: [1, 2\nb: 3\n") }
        #expect(error.kind == .parser)
        #expect(error.mark != nil)
        #expect(error.problem.contains("flow sequence"))
    }

    @Test("refuses a stream of two documents")
    func twoDocuments() throws {
        let error = try #require(throws: YAMLError.self) { try Parser.parse("a: 1\n---\nb: 2\n") }
        #expect(error.kind == .unsupported)
        #expect(error.mark == Mark(line: 2, column: 1))
    }
}
