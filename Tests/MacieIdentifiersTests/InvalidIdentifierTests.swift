import MacieIdentifiers
import Testing

/// Criteria Macie would refuse stop the test with every problem named, rather
/// than test something Macie will never run.
@Suite("Identifiers Macie would not accept")
struct InvalidIdentifierTests {
    @Test("a regex that does not compile is named in a clear error")
    func invalidRegex() {
        let identifier = CustomIdentifier(name: "broken", regex: #"XYZ-[\d{11}"#)
        #expect(throws: IdentifierError.invalidIdentifier(name: "broken", problems: [
            #"the regex 'XYZ-[\d{11}' is not a valid regular expression"#,
        ])) {
            try IdentifierTester.test(identifier, text: "XYZ-23451234234", file: "a.txt")
        }
        let error = IdentifierError.invalidIdentifier(name: "broken", problems: [#"the regex 'XYZ-[\d{11}' is not a valid regular expression"#])
        #expect(error.description == """
            custom data identifier 'broken' is not valid for Macie:
              - the regex 'XYZ-[\\d{11}' is not a valid regular expression
            """)
    }

    @Test("an unclosed group is both invalid and, in PCRE's reading, a capturing group")
    func unclosedGroup() {
        #expect(throws: IdentifierError.invalidIdentifier(name: "broken", problems: [
            #"the regex 'XYZ-(\d{11}' is not a valid regular expression"#,
            "the regex uses capturing groups (at character 5), which Macie does not support: write (?:…) to group without capturing",
        ])) {
            try IdentifierTester.validate(CustomIdentifier(name: "broken", regex: #"XYZ-(\d{11}"#))
        }
    }

    @Test("PCRE constructs that Macie leaves out are reported, each with where it is")
    func unsupportedConstructs() {
        let regex = #"(?i)(\d{3})-\1(?=x)(?<!y)(?(1)a|b)(?R)"#
        // ICU has no conditionals or recursion either, hence the first problem.
        #expect(throws: IdentifierError.invalidIdentifier(name: "fancy", problems: [
            #"the regex '(?i)(\d{3})-\1(?=x)(?<!y)(?(1)a|b)(?R)' is not a valid regular expression"#,
            "the regex uses backreferences (at character 13), which Macie does not support",
            "the regex uses capturing groups (at character 5), which Macie does not support: write (?:…) to group without capturing",
            "the regex uses conditional patterns (at character 26), which Macie does not support",
            "the regex uses global pattern flags (at character 1), which Macie does not support: spell the cases out, as in [Aa]",
            "the regex uses recursive patterns (at character 35), which Macie does not support",
            "the regex uses look-ahead and look-behind assertions (at characters 15, 20), which Macie does not support",
        ])) {
            try IdentifierTester.validate(CustomIdentifier(name: "fancy", regex: regex))
        }
    }

    @Test("escapes ICU would read as plain letters, where PCRE gives them a meaning or rejects them, are reported")
    func escapesICUReadsDifferently() {
        #expect(throws: IdentifierError.invalidIdentifier(name: "escapes", problems: [
            #"the regex uses PCRE escapes (\C, \K, \o) (at characters 4, 13), which the tester's regex engine (ICU) reads as plain letters, so it cannot test them"#,
            "the regex uses escapes PCRE does not define (at character 21), which Macie's PCRE would reject",
        ])) {
            try IdentifierTester.validate(CustomIdentifier(name: "escapes", regex: #"XYZ\K-\d{3}[\o{101}]\j\cK"#))
        }
    }

    @Test("parentheses and backslash-digits that are literal, and non-capturing groups, are fine")
    func supportedLookalikes() throws {
        for regex in [#"(?:XYZ|ABC)-\d{11}"#, #"[(]\d+[)]"#, #"\(\d+\)"#, #"\Q(1)\E"#, #"[\1]"#, #"(?>\d+)"#, #"(?i:xyz)-\d{11}"#, #"[]()]x"#, #"[[:digit:](]+"#] {
            #expect(throws: Never.self, "\(regex)") {
                try IdentifierTester.validate(CustomIdentifier(name: "ok", regex: regex))
            }
        }
        let report = try IdentifierTester.test(CustomIdentifier(name: "ok", regex: #"(?:XYZ|ABC)-\d{3}"#), text: "ABC-123", file: "a.txt")
        #expect(report.matches.map(\.text) == ["ABC-123"])
    }

    @Test("Macie's limits on the regex, keywords, ignore words and distance, all reported at once")
    func limits() {
        let identifier = CustomIdentifier(
            name: "limits", regex: String(repeating: "a", count: 513),
            keywords: ["ab"] + (1...50).map { "keyword\($0)" }, ignoreWords: ["abc"], maximumMatchDistance: 301)
        #expect(throws: IdentifierError.invalidIdentifier(name: "limits", problems: [
            "the regex has 513 characters; Macie allows 1 to 512",
            "there are 51 keywords; Macie allows at most 50",
            "the keyword 'ab' has 2 characters; Macie allows 3 to 90",
            "the ignore word 'abc' has 3 characters; Macie allows 4 to 90",
            "the maximum match distance is 301; Macie allows 1 to 300",
        ])) {
            try IdentifierTester.validate(identifier)
        }
        #expect(throws: IdentifierError.invalidIdentifier(name: "zero", problems: [
            "the regex has 0 characters; Macie allows 1 to 512",
            "the maximum match distance is 0; Macie allows 1 to 300",
        ])) {
            try IdentifierTester.validate(CustomIdentifier(name: "zero", regex: "", maximumMatchDistance: 0))
        }
    }
}
