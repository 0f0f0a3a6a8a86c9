import MacieIdentifiers
import Testing

/// Ignore words: a match that contains one, with the same case, is not reported.
@Suite("Ignore words")
struct IgnoreWordTests {
    @Test("a match containing an ignore word is dropped; the others stay")
    func suppressesMatchesContainingIt() throws {
        let identifier = CustomIdentifier(name: "account_number", regex: #"XYZ-\d{11}"#, ignoreWords: ["0000"])
        let text = """
            XYZ-00001234234
            XYZ-23451234234
            XYZ-12340000999
            """
        let report = try IdentifierTester.test(identifier, text: text, file: "accounts.txt")
        #expect(report.matches.map(\.text) == ["XYZ-23451234234"])
        #expect(report.matches.map(\.line) == [2])
    }

    @Test("ignore words are case-sensitive")
    func caseSensitive() throws {
        let identifier = CustomIdentifier(name: "ticket", regex: #"[A-Za-z]{4}-\d{4}"#, ignoreWords: ["TEST"])
        let report = try IdentifierTester.test(identifier, text: "TEST-1234 test-1234 Test-1234 TESTS", file: "tickets.txt")
        #expect(report.matches.map(\.text) == ["test-1234", "Test-1234"])
        #expect(report.matches.map(\.column) == [11, 21])
    }

    @Test("an ignore word next to a match, outside its text, does not suppress it")
    func onlyTheMatchedTextCounts() throws {
        let identifier = CustomIdentifier(name: "account_number", regex: #"XYZ-\d{11}"#, ignoreWords: ["SAMPLE"])
        let report = try IdentifierTester.test(identifier, text: "SAMPLE XYZ-23451234234 SAMPLE", file: "a.txt")
        #expect(report.matches.map(\.text) == ["XYZ-23451234234"])
    }

    @Test("keywords and ignore words together: the match needs the keyword and must not contain the word")
    func withKeywords() throws {
        let identifier = CustomIdentifier(
            name: "account_number", regex: #"XYZ-\d{11}"#, keywords: ["acct"], ignoreWords: ["9999"], maximumMatchDistance: 20)
        let text = """
            acct XYZ-23451234234
            acct XYZ-99991234234
            XYZ-65451234123
            """
        #expect(try IdentifierTester.test(identifier, text: text, file: "a.txt").matches.map(\.line) == [1])
    }
}
