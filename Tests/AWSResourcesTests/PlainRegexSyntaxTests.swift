@testable import AWSResources
import Foundation
import Testing

@Suite("Regular expressions certainly valid without ICU")
struct PlainRegexSyntaxTests {
    private func icuCompiles(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }

    @Test("identifier regexes as people write them are recognized")
    func commonPatterns() {
        for pattern in [
            #"XYZ-\d{11}\b"#, #"[A-Z]{2}-\d{4}"#, #"(?:ab|cd)*?x"#, #"^\d{3}-\d{2}-\d{4}$"#, #"\bACCT[0-9]{8,12}\b"#,
            #"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}"#, #"[-a]"#, #"[a-]"#, #"[^\s,]+"#, #"a{3,}"#, #"(a|)b"#,
        ] {
            #expect(PlainRegexSyntax.isCertainlyValid(pattern), "\(pattern)")
            #expect(icuCompiles(pattern), "\(pattern)")
        }
    }

    @Test("invalid or engine-specific patterns are left to ICU")
    func leftToICU() {
        for pattern in [
            "(", "[a", "a{2,1}", "*a", "a**", "\\", "[]", "[^]", "a{", "a{1", "XYZ-(\\d{11}", "XYZ-[\\d{11}", "a{12345}",
            "[z-a]", "[\\d-z]", "[a-b-c]", "[[:alpha:]]", "[a&&b]", "(?i)abc", "a++", "(?=a)", "\\p{L}", "\\1", "^*", "\\b+",
            "é", "[{ab}]", "a)",
        ] {
            #expect(!PlainRegexSyntax.isCertainlyValid(pattern), "\(pattern)")
        }
    }

    /// Every pattern of up to three characters over an alphabet of literals
    /// and metacharacters: whatever this recognizes, ICU must compile.
    @Test("every short pattern it recognizes compiles with ICU")
    func soundOnEveryShortPattern() {
        let alphabet: [String] = ["a", "Z", "1", "-", ".", "^", "$", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", ",",
                                  "\\", "d", "b", ":", " ", "&", "2"]
        var patterns = alphabet
        var frontier = alphabet
        for _ in 2...3 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            patterns += frontier
        }
        var recognized = 0
        var unsound: [String] = []
        for pattern in patterns where PlainRegexSyntax.isCertainlyValid(pattern) {
            recognized += 1
            if !icuCompiles(pattern) { unsound.append(pattern) }
        }
        #expect(Array(unsound.prefix(10)) == [], "\(unsound.count) recognized patterns ICU rejects")
        // Not a vacuous check: a good share of the patterns are recognized.
        #expect(recognized > patterns.count / 10, "\(recognized) of \(patterns.count)")
    }

    /// Longer patterns built from pieces that combine in tricky ways.
    @Test("patterns built from quantifiers, classes and groups it recognizes compile with ICU")
    func soundOnCombinedPieces() {
        let pieces = ["a", "\\d", "[a-z]", "[^-]", "(", ")", "(?:", "|", "{2}", "{1,3}", "{2,}", "?", "*?", "+", "\\b", "^",
                      "$", "\\.", "-", "{", ","]
        var unsound: [String] = []
        var recognized = 0
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    for fourth in ["", ")", "{3}", "\\w", "|b"] {
                        let pattern = first + second + third + fourth
                        guard PlainRegexSyntax.isCertainlyValid(pattern) else { continue }
                        recognized += 1
                        if !icuCompiles(pattern) { unsound.append(pattern) }
                    }
                }
            }
        }
        #expect(Array(unsound.prefix(10)) == [], "\(unsound.count) recognized patterns ICU rejects")
        #expect(recognized > 1_000)
    }

    @Test("the identifier check still rejects what ICU rejects")
    func checkVerdicts() {
        #expect(CustomDataIdentifierCheck.compileProblem(#"XYZ-\d{11}\b"#) == nil)
        #expect(CustomDataIdentifierCheck.compileProblem(#"(?<=x)\d+"#) == nil)  // left to ICU, which accepts it
        #expect(CustomDataIdentifierCheck.compileProblem(#"XYZ-(\d{11}"#) == #"'XYZ-(\d{11}' is not a valid regular expression"#)
    }
}
