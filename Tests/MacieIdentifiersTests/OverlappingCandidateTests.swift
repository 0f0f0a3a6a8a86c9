import MacieIdentifiers
import Testing

/// Candidates are the regex engine's leftmost, non-overlapping matches; the
/// keyword and ignore-word rules filter them and never reopen their text.
@Suite("Overlapping candidates")
struct OverlappingCandidateTests {
    @Test("text that could match in overlapping places is matched once per stretch, left to right")
    func nonOverlapping() throws {
        let identifier = CustomIdentifier(name: "three_digits", regex: #"\d{3}"#)
        let report = try IdentifierTester.test(identifier, text: "12345678", file: "digits.txt")
        #expect(report.matches.map(\.text) == ["123", "456"])
        #expect(report.matches.map(\.column) == [1, 4])
        #expect(report.summary == "three_digits: 2 occurrences on 1 line")
    }

    @Test("a candidate an ignore word drops does not give way to an overlapping one")
    func droppedCandidateKeepsItsText() throws {
        let text = "1234567890"
        let plain = CustomIdentifier(name: "six_digits", regex: #"\d{6}"#)
        #expect(try IdentifierTester.test(plain, text: text, file: "d.txt").matches.map(\.text) == ["123456"])

        // "234567" would also match and does not contain "1234"; it is not a
        // candidate, because the engine went on from the end of "123456".
        var ignoring = plain
        ignoring.ignoreWords = ["1234"]
        #expect(try IdentifierTester.test(ignoring, text: text, file: "d.txt").occurrences == 0)
    }

    @Test("a candidate too far from its keyword does not give way to a shorter, closer one")
    func distantCandidateKeepsItsText() throws {
        // `\d+` takes all 12 digits: its end is 12 characters from the
        // keyword's, past the distance of 10, and the 10 digits that would be
        // close enough are part of it.
        let identifier = CustomIdentifier(name: "digits", regex: #"\d+"#, keywords: ["ref"], maximumMatchDistance: 10)
        #expect(try IdentifierTester.test(identifier, text: "ref123456789012", file: "d.txt").occurrences == 0)
    }

    @Test("overlapping keyword occurrences all count: the second of two overlapping ones can be the close one")
    func overlappingKeywords() throws {
        // "abab" occurs at offsets 0 and 2 of "ababab", ending at 4 and 6; the
        // match ends at 21, so only the second is within 15 (21 - 6 = 15,
        // against 21 - 4 = 17). A search that skipped overlaps would miss it.
        let identifier = CustomIdentifier(name: "account_number", regex: #"XYZ-\d{11}"#, keywords: ["abab"], maximumMatchDistance: 15)
        let report = try IdentifierTester.test(identifier, text: "ababab" + "XYZ-23451234234", file: "k.txt")
        #expect(report.matches.map(\.column) == [7])
    }
}
