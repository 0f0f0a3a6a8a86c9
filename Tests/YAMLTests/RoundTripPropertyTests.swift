import Testing
import YAML

/// A small, seeded generator: the same seed gives the same trees on every
/// machine, so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random node trees whose strings are glued from the pieces YAML treats
/// specially: indicators, reserved words, numbers, dates, breaks, spaces.
struct TreeGenerator {
    var random: SplitMix64

    static let fragments: [String] = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
        " ", "  ", "\t", "\n", "\r", "\r\n", ".", "+", "~", "=", "<<", "_", "0", "1", "9", "e", "E", "x", "o", "b",
        "yes", "No", "ON", "off", "y", "n", "true", "False", "null", "NULL", ".inf", "-.Inf", ".NaN",
        "0x1F", "0o17", "017", "1_000", "1:20", "1e3", "2010-09-09", "2001-12-14t21:59:43.10-05:00",
        ": ", " #", "---", "...", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{0}", "\u{07}", "\u{1B}", "\u{7F}",
        "é", "☃", "名前", "🚀", "Ref", "arn:aws:s3:::b/*", "${AWS::Region}", "word",
    ]

    static let tags: [String?] = [nil, nil, nil, nil, "!Ref", "!Sub", "!GetAtt", "!Base64", "!If"]

    mutating func string() -> String {
        let count = Int.random(in: 0...5, using: &random)
        return (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
    }

    mutating func tag() -> String? {
        Self.tags.randomElement(using: &random)!
    }

    mutating func node(depth: Int) -> Node {
        let choice = depth >= 4 ? 0 : Int.random(in: 0...3, using: &random)
        switch choice {
        case 0, 1:
            return .string(string(), tag: tag())
        case 2:
            let count = Int.random(in: 0...4, using: &random)
            return .sequence((0..<count).map { _ in node(depth: depth + 1) }, tag: tag())
        default:
            let count = Int.random(in: 0...4, using: &random)
            var seen: Set<String> = []
            var pairs: [Pair] = []
            for _ in 0..<count {
                let key = string()
                // Keys are single-line and unique, as template keys are.
                guard !key.contains(where: \.isNewline), seen.insert(key).inserted else { continue }
                pairs.append(Pair(.string(key), node(depth: depth + 1)))
            }
            return .mapping(pairs, tag: tag())
        }
    }
}

@Suite("Round trip: emit, read back with libyaml's parser, compare")
struct RoundTripPropertyTests {
    @Test("10,000 random trees with adversarial strings read back exactly, and no string is left plain that a spec resolves")
    func randomTrees() throws {
        var generator = TreeGenerator(random: SplitMix64(state: 0x5EED_CF17))
        for index in 0..<10_000 {
            let tree = Node.mapping([Pair(.string("Root"), generator.node(depth: 0))])
            let yaml = try Emitter.emit(tree)
            let read = try Parser.parse(yaml)
            guard Self.sameValue(tree, read) else {
                Issue.record("tree \(index) did not round-trip.\nwrote:\n\(yaml)\nread: \(read)")
                return
            }
        }
    }

    /// Same structure, tags and text; a scalar read back plain must not be
    /// one that a YAML 1.1 or 1.2 reader would resolve to a non-string.
    static func sameValue(_ written: Node, _ read: Node) -> Bool {
        guard written.tag == read.tag else { return false }
        switch (written.content, read.content) {
        case (.scalar(let a), .scalar(let b)):
            if b.style == .plain, read.tag == nil, SpecResolvers.resolvesToNonString(b.text) { return false }
            return a.text == b.text
        case (.sequence(let a), .sequence(let b)):
            return a.count == b.count && zip(a, b).allSatisfy(sameValue)
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { sameValue($0.key, $1.key) && sameValue($0.value, $1.value) }
        default:
            return false
        }
    }

    @Test("the spec oracle agrees with the emitter's own check on the corpus", arguments: QuotingCase.corpus)
    func oracleAgrees(_ row: QuotingCase) {
        if row.style == .plain {
            #expect(!SpecResolvers.resolvesToNonString(row.text))
            #expect(ScalarSafety.isPlainSafe(row.text))
        } else if SpecResolvers.resolvesToNonString(row.text) {
            #expect(!ScalarSafety.isPlainSafe(row.text))
        }
    }
}
