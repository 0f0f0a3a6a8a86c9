import Foundation
import Testing
import YAML

/// One row of `Tests/Fixtures/quoting-corpus.json`, the table that PyYAML and
/// ruamel.yaml also read back in `Tests/python/test_yaml_quoting.py`.
struct QuotingCase: Decodable, CustomTestStringConvertible, Sendable {
    enum ExpectedStyle: String, Decodable, Sendable {
        case plain, quoted, literal
    }

    var text: String
    var style: ExpectedStyle

    var testDescription: String { "\(text.debugDescription) → \(style)" }

    static let corpus: [QuotingCase] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/quoting-corpus.json")
        let data = try! Data(contentsOf: url)
        return try! JSONDecoder().decode([QuotingCase].self, from: data)
    }()
}

@Suite("Quoting: every string reads back as itself")
struct QuotingTableTests {
    @Test("the corpus covers every case the emitter must quote", arguments: [
        "", "y", "n", "yes", "No", "ON", "off", "true", "False", "null", "Null", "~",
        "0123", "012345678901", "0o17", "017", "0x1F", "0b101", "1_000", "1:20",
        "1e3", ".5", "+.inf", "-.Inf", ".NaN", "2010-09-09", "2012-10-17", "2001-12-14t21:59:43.10-05:00",
        " leading space", "trailing space ", "key: value", "text #comment", "bell\u{07}",
        "-dash", "?", ":colon", ",comma", "[bracket", "]bracket", "{brace", "}brace", "#comment", "&anchor",
        "*alias", "!tag", "|pipe", ">fold", "'quote", "\"quote", "%directive", "@at", "`backtick",
    ])
    func corpusCoversCase(text: String) {
        #expect(QuotingCase.corpus.contains { $0.text == text && $0.style == .quoted })
    }

    @Test("a string as a sequence item keeps its text, gets no tag, and takes the expected style",
          arguments: QuotingCase.corpus)
    func sequenceItem(_ row: QuotingCase) throws {
        let yaml = try Emitter.emit(.sequence([.string(row.text)]))
        let read = try Parser.parse(yaml)
        guard case .sequence(let items) = read.content, let item = items.first,
              case .scalar(let scalar) = item.content else {
            Issue.record("expected a one-item sequence, read \(read) from \(yaml)")
            return
        }
        #expect(scalar.text == row.text, "read back \(scalar.text.debugDescription) from \(yaml)")
        #expect(item.tag == nil)
        #expect(Self.category(of: scalar.style) == row.style, "emitted \(yaml)")
    }

    @Test("a string as a mapping key and value keeps its text", arguments: QuotingCase.corpus.filter { $0.style != .literal })
    func mappingKeyAndValue(_ row: QuotingCase) throws {
        let yaml = try Emitter.emit(.mapping([Pair(.string(row.text), .string(row.text))]))
        let read = try Parser.parse(yaml)
        guard case .mapping(let pairs) = read.content, let pair = pairs.first else {
            Issue.record("expected a one-entry mapping from \(yaml)")
            return
        }
        #expect(pair.key.scalarText == row.text)
        #expect(pair.value.scalarText == row.text)
    }

    @Test("multi-line text becomes a literal block with the chomping its trailing newlines need", arguments: [
        ("first\nsecond", "|-"),
        ("first\nsecond\n", "|"),
        ("first\nsecond\n\n", "|+"),
    ])
    func literalChomping(text: String, indicator: String) throws {
        let yaml = try Emitter.emit(.mapping(["ZipFile": .string(text), "After": .string("x")]))
        #expect(yaml.hasPrefix("ZipFile: \(indicator)\n"), "emitted \(yaml)")
        let read = try Parser.parse(yaml)
        guard case .mapping(let pairs) = read.content else { return }
        #expect(pairs[0].value.scalarText == text)
    }

    @Test("Unicode is written as UTF-8, not escaped")
    func unicodeIsNotEscaped() throws {
        let yaml = try Emitter.emit(.mapping(["Name": .string("Zoë Ünïcødé ☃ 名前"), "Code": .string("# ☃\nx = 'é'\n")]))
        #expect(yaml == "Name: Zoë Ünïcødé ☃ 名前\nCode: |\n  # ☃\n  x = 'é'\n")
    }

    @Test("characters beyond the Basic Multilingual Plane, which libyaml does not print, are escaped and read back")
    func astralCharacters() throws {
        let yaml = try Emitter.emit(.mapping(["Name": .string("launch 🚀"), "Code": .string("# 🚀\n")]))
        #expect(yaml == "Name: \"launch \\U0001F680\"\nCode: \"# \\U0001F680\\n\"\n")
        let read = try Parser.parse(yaml)
        guard case .mapping(let pairs) = read.content else { return }
        #expect(pairs.map { $0.value.scalarText } == ["launch 🚀", "# 🚀\n"])
    }

    @Test("control characters are escaped in double quotes")
    func controlCharacters() throws {
        let yaml = try Emitter.emit(.mapping(["Bell": .string("a\u{07}b"), "Nul": .string("a\u{0}b")]))
        #expect(yaml == "Bell: \"a\\ab\"\nNul: \"a\\0b\"\n")
    }

    @Test("plain scalars of the model (numbers, booleans) are written without quotes")
    func plainScalars() throws {
        let yaml = try Emitter.emit(.mapping(["Port": .plain("443"), "Enabled": .plain("true"), "Text": .string("443")]))
        #expect(yaml == "Port: 443\nEnabled: true\nText: '443'\n")
    }

    @Test("no document markers, indent 2, one final newline, no line folding")
    func documentLayout() throws {
        let long = String(repeating: "word ", count: 60) + "end"
        let yaml = try Emitter.emit(.mapping(["Outer": .mapping(["Inner": .string(long)]), "Kept": .string("x\n\n")]))
        #expect(yaml == "Outer:\n  Inner: \(long)\nKept: |+\n  x\n\n")
        #expect(!yaml.contains("---") && !yaml.contains("..."))
    }

    static func category(of style: ScalarStyle) -> QuotingCase.ExpectedStyle? {
        switch style {
        case .plain: .plain
        case .singleQuoted, .doubleQuoted: .quoted
        case .literal: .literal
        case .string, .folded: nil
        }
    }
}
