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

    @Test("refuses an alias where it is used, naming it, as CloudFormation does")
    func aliases() throws {
        let error = try #require(throws: YAMLError.self) { try Parser.parse("a: &x [1, 2]\nb: *x\n") }
        #expect(error.kind == .unsupported)
        #expect(error.mark == Mark(line: 2, column: 4))
        #expect(error.problem.contains("*x"))
    }

    @Test("refuses a plain merge key; a quoted '<<' is an ordinary key")
    func mergeKey() throws {
        let error = try #require(throws: YAMLError.self) { try Parser.parse("a:\n  <<: {b: 1}\n") }
        #expect(error.kind == .unsupported)
        #expect(error.mark == Mark(line: 2, column: 3))
        let quoted = try Parser.parse("a: {'<<': 1}\n")
        guard case .mapping(let pairs) = quoted.content, case .mapping(let inner) = pairs[0].value.content else {
            Issue.record("expected nested mappings")
            return
        }
        #expect(inner[0].key.scalarText == "<<")
    }

    @Test("nesting up to the limit reads, one level more is refused where it starts", arguments: ["[", "{a: "])
    func depthLimit(opening: String) throws {
        let limits = ParserLimits(maximumDepth: 40)
        let closing = opening == "[" ? "]" : "}"
        func nested(_ depth: Int) -> String { String(repeating: opening, count: depth) + "x" + String(repeating: closing, count: depth) }
        var node = try Parser.parse(nested(limits.maximumDepth), limits: limits)
        var depth = 0
        while true {
            switch node.content {
            case .sequence(let items): node = items[0]
            case .mapping(let pairs): node = pairs[0].value
            case .scalar: break
            }
            if case .scalar = node.content { break }
            depth += 1
        }
        #expect(depth + 1 == limits.maximumDepth)
        let error = try #require(throws: YAMLError.self) { try Parser.parse(nested(limits.maximumDepth + 1), limits: limits) }
        #expect(error.kind == .limit)
        #expect(error.mark == Mark(line: 1, column: limits.maximumDepth * opening.count + 1))
    }

    @Test("a document with more nodes than the limit is refused")
    func nodeLimit() throws {
        let limits = ParserLimits(maximumNodes: 100)
        let items = { (count: Int) in "[" + Array(repeating: "0", count: count).joined(separator: ", ") + "]" }
        _ = try Parser.parse(items(limits.maximumNodes - 1), limits: limits)
        let error = try #require(throws: YAMLError.self) { try Parser.parse(items(limits.maximumNodes), limits: limits) }
        #expect(error.kind == .limit)
    }

    @Test("a byte order mark for UTF-16 is not followed: the input is UTF-8")
    func utf16() throws {
        let error = try #require(throws: YAMLError.self) { try Parser.parse(bytes: [0xFF, 0xFE, 0x61, 0x00]) }
        #expect(error.kind == .parser)
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
