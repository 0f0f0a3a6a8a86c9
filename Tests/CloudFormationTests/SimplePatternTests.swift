@testable import CloudFormation
import Foundation
import Testing

@Suite("Schema patterns matched without ICU")
struct SimplePatternTests {
    private func found(_ pattern: String, _ text: String) -> Bool? {
        SimplePattern(pattern)?.isFound(in: text)
    }

    @Test("anchors, classes, groups, alternatives and quantifiers mean what they meant through ICU")
    func semantics() {
        let cases: [(pattern: String, text: String, expected: Bool)] = [
            ("^[a-z]+$", "abc", true), ("^[a-z]+$", "abc\n", false), ("^[a-z]+\\Z", "abc\n", true),
            ("^[a-z]+\\Z", "abc\r\n", true), ("^[a-z]+\\Z", "abc\n\n", false),
            ("^.*$", "a\nb", false), ("^.*$", "tab\tok", true), ("[0-9]", "no digits", false), ("[0-9]", "r2d2", true),
            ("^\\d{12}$", "123456789012", true), ("^\\d{12}$", "12345678901", false), ("^\\d+$", "٣", false),
            ("^[\\d]+$", "٣", true), ("^\\s$", "\u{2003}", true), ("^[^\\s]+$", "a b", false), ("^\\w+$", "é", false),
            ("^(rate\\(.+\\)|cron\\(.+\\))?$", "rate(1 hour)", true), ("^(rate\\(.+\\)|cron\\(.+\\))?$", "", true),
            ("^(rate\\(.+\\)|cron\\(.+\\))?$", "every hour", false), ("^(ab){2,3}$", "ababab", true),
            ("^(ab){2,3}$", "ab", false), ("^(a*)*$", "aaa", true), ("^(a*)*b$", "aaaa", false),
            ("^a{,2}$", "a{,2}", true), ("x}", "x}", true), ("^[]$", "", false), ("^[^]$", "\n", true),
            ("^(alias/)[a-zA-Z0-9:/_-]+$", "alias/MyKey", true), ("^(alias/)[a-zA-Z0-9:/_-]+$", "MyKey", false),
            ("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+$", "Ünïcode 42", true), ("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+$", "a#b", false),
            ("^[\\u0020-\\u007E]*$", "plain", true), ("^[\\u0020-\\u007E]*$", "naïve", false), ("b", "abc", true),
            ("^(?!aws:).*$", "aws:tag", false), ("^(?!aws:).*$", "team", true), ("^(?=.{1,5}$)[a-z]+$", "abcdef", false),
            ("^[\\w-]+$", "naïve-name", true), ("^[\\w-]+$", "a b", false), ("\\A[\\x20-\\x7E]+\\z", "ok", true),
        ]
        for item in cases {
            #expect(found(item.pattern, item.text) == item.expected, "\(item.pattern) on \(item.text.debugDescription)")
        }
    }

    @Test("what the simple matcher does not speak is left to ICU")
    func unsupported() {
        for pattern in ["^a(?<!b)$", "(a)\\1", "a+?", "\\bword\\b", "[\\w-.]+", "\\p{Lu}", "(?i)abc", "a**", "\\x4"] {
            #expect(SimplePattern(pattern) == nil, "\(pattern)")
        }
        // SchemaPattern still enforces them, through ICU.
        #expect(!SchemaPattern("^[a-z.]+(?<!\\.git)$").isFound(in: "repo.git"))
        #expect(SchemaPattern("^[a-z.]+(?<!\\.git)$").isFound(in: "repo.svn"))
    }

    @Test("a match that would need too much backtracking is decided by ICU")
    func budget() {
        let pattern = "^(a|a)*b$"
        let text = String(repeating: "a", count: 40)
        #expect(SimplePattern(pattern)?.isFound(in: text) == nil)
        #expect(!SchemaPattern(pattern).isFound(in: text))
        #expect(SchemaPattern(pattern).isFound(in: "aab"))

        // A group repeated over a long text would nest calls as deep as the
        // text is long: past a bound, ICU decides instead.
        let pairs = String(repeating: "ab", count: 20_000)
        #expect(SimplePattern("^(ab)*$")?.isFound(in: pairs) == nil)
        #expect(SchemaPattern("^(ab)*$").isFound(in: pairs))
        #expect(!SchemaPattern("^(ab)*$").isFound(in: pairs + "a"))
        #expect(SimplePattern("^(ab)*$")?.isFound(in: "abab") == true)
    }

    /// Every pattern in cfn-lint's schemas that the simple matcher accepts,
    /// compared with ICU (as synthesis used it before) on strings generated
    /// to match the pattern and on mutations of them.
    @Test("on every pattern cfn-lint's schemas contain, the simple matcher and ICU agree",
          .enabled(if: ShippedSchemas.directory != nil, ShippedSchemas.missingReason))
    func agreesWithICU() throws {
        let sources = try ShippedSchemas.patternSources()
        var generator = SeededGenerator(seed: 2026)
        var accepted = 0
        var disagreements: [String] = []
        for source in sources.sorted() where !source.isEmpty {
            guard let simple = SimplePattern(source) else { continue }
            accepted += 1
            guard let icu = SchemaPattern.icuExpression(for: source) else {
                // ICU refused it, so it was never enforced; the simple matcher must not start now.
                disagreements.append("\(source): ICU does not compile it, the simple matcher does")
                continue
            }
            for _ in 0..<3 {
                let example = Self.example(of: simple.root, using: &generator)
                for text in [example] + Self.mutations(of: example, using: &generator) {
                    guard let verdict = simple.isFound(in: text) else { continue }
                    if verdict != SchemaPattern.isFound(icu, in: text), disagreements.count < 10 {
                        disagreements.append("\(source) on \(text.debugDescription): simple \(verdict)")
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
        // The point of the simple matcher: nearly every shipped pattern.
        #expect(Double(accepted) / Double(sources.count) > 0.95, "\(accepted) of \(sources.count)")
    }

    // MARK: helpers

    /// Scalars to draw from: ASCII, a few letters, digits and spaces of other
    /// scripts, and line breaks.
    private static let pool: [Unicode.Scalar] = (0x20...0x7E).compactMap(Unicode.Scalar.init)
        + ["é", "Ж", "日", "٣", "\u{2003}", "\u{A0}", "\n", "\r", "\t", "\u{85}", "\u{2028}", "🙂"]

    /// A string the pattern should match (generation follows the pattern;
    /// whether it truly matches is for the two engines to say).
    private static func example(of node: SimplePattern.Node, using generator: inout SeededGenerator) -> String {
        switch node {
        case .scalars(let set):
            // A scalar of the set: a range's bound, or a draw from the pool.
            let bounds = set.ranges.prefix(4).flatMap { [$0.lowerBound, $0.upperBound] }.compactMap(Unicode.Scalar.init)
            for _ in 0..<40 {
                let candidate = Bool.random(using: &generator)
                    ? bounds.randomElement(using: &generator) : pool.randomElement(using: &generator)
                if let candidate, set.contains(candidate) { return String(candidate) }
            }
            return ""
        case .sequence(let items):
            return items.map { example(of: $0, using: &generator) }.joined()
        case .alternation(let branches):
            return example(of: branches.randomElement(using: &generator)!, using: &generator)
        case .repetition(let inner, let min, let max):
            let count = Int.random(in: min...Swift.max(min, Swift.min(max ?? min + 3, min + 3)), using: &generator)
            return (0..<count).map { _ in example(of: inner, using: &generator) }.joined()
        case .start, .end, .lookahead:
            return ""
        case .endBeforeFinalLineBreak:
            return Bool.random(using: &generator) ? "\n" : ""
        }
    }

    /// The text with one scalar removed, one inserted, one replaced, and a line break appended.
    private static func mutations(of text: String, using generator: inout SeededGenerator) -> [String] {
        var scalars = Array(text.unicodeScalars)
        var results: [String] = [text + "\n", "x" + text]
        let extra = pool.randomElement(using: &generator)!
        if !scalars.isEmpty {
            var removed = scalars
            removed.remove(at: Int.random(in: 0..<scalars.count, using: &generator))
            results.append(String(String.UnicodeScalarView(removed)))
            scalars[Int.random(in: 0..<scalars.count, using: &generator)] = extra
            results.append(String(String.UnicodeScalarView(scalars)))
        }
        var inserted = Array(text.unicodeScalars)
        inserted.insert(extra, at: Int.random(in: 0...inserted.count, using: &generator))
        results.append(String(String.UnicodeScalarView(inserted)))
        return results
    }
}

/// A small deterministic generator (SplitMix64), so the comparison checks the
/// same strings on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite("SimplePattern's Unicode classes")
struct SimplePatternClassTests {
    @Test("in ASCII, each class's shortcut agrees with Unicode's properties for all 128 characters")
    func asciiShortcut() {
        let classes: [SimplePattern.UnicodeClass] = [.whiteSpace, .decimalDigit, .word, .letter, .number, .separator, .lineBreak]
        var disagreements: [String] = []
        for unicodeClass in classes {
            for byte in UInt8(0)..<0x80 where unicodeClass.containsASCII(byte) != unicodeClass.containsByProperties(Unicode.Scalar(byte)) {
                disagreements.append("\(unicodeClass) \(byte)")
            }
        }
        #expect(disagreements == [])
    }
}
