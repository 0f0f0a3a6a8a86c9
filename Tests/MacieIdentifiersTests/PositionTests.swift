import MacieIdentifiers
import Testing

/// Lines and columns: 1-based, columns in Unicode scalars, and the same
/// whichever line breaks the file uses.
@Suite("Lines and columns")
struct PositionTests {
    static let accountNumber = CustomIdentifier(name: "account_number", regex: #"XYZ-\d{11}"#)

    @Test("characters before a match are counted as Unicode scalars, not UTF-16 units or grapheme clusters")
    func unicodeColumns() throws {
        // Z o ë ␠ 🙂 ␠ r e ◌́ : ␠ — 11 scalars (10 grapheme clusters, 12 UTF-16 units).
        let prefix = "Zo\u{EB} \u{1F642} re\u{301}: "
        #expect(prefix.unicodeScalars.count == 11 && prefix.count == 10 && prefix.utf16.count == 12)

        let report = try IdentifierTester.test(Self.accountNumber, text: "first line\n" + prefix + "XYZ-23451234234", file: "u.txt")
        #expect(report.matches.map { "\($0.line):\($0.column)" } == ["2:12"])
        #expect(report.matches.map(\.text) == ["XYZ-23451234234"])
    }

    @Test("keyword distances are counted in the same Unicode scalars")
    func unicodeDistances() throws {
        var identifier = Self.accountNumber
        identifier.keywords = ["compte"]
        let within = "compte" + String(repeating: "\u{1F642}", count: 35) + "XYZ-23451234234"  // 35 + 15 = 50
        let beyond = "compte" + String(repeating: "\u{1F642}", count: 36) + "XYZ-23451234234"  // 36 + 15 = 51
        #expect(try IdentifierTester.test(identifier, text: within, file: "u.txt").matches.map(\.column) == [42])
        #expect(try IdentifierTester.test(identifier, text: beyond, file: "u.txt").occurrences == 0)
    }

    /// Two matches on line 3, none on the empty line 4, one on line 5; the
    /// keyword ends line 2, 18 characters from the end of the first match.
    static let lines = ["id: 1", "account", "  XYZ-23451234234 and XYZ-65451234123", "", "XYZ-98751234653"]

    @Test("\\n, \\r\\n and \\r give the same lines, columns and texts", arguments: ["\n", "\r\n", "\r"])
    func lineEndings(separator: String) throws {
        let text = Self.lines.joined(separator: separator) + separator
        let report = try IdentifierTester.test(Self.accountNumber, text: text, file: "f.txt")
        #expect(report.matches.map { "\($0.line):\($0.column) \($0.text)" } == [
            "3:3 XYZ-23451234234", "3:23 XYZ-65451234123", "5:1 XYZ-98751234653",
        ])
        #expect(report.summary == "account_number: 3 occurrences on 2 lines")
    }

    @Test("\\n, \\r\\n and \\r give the same keyword distances: a line break is one character", arguments: ["\n", "\r\n", "\r"])
    func lineEndingsAndDistance(separator: String) throws {
        var identifier = Self.accountNumber
        identifier.keywords = ["account"]
        identifier.maximumMatchDistance = 18  // the line break, two spaces, 15 characters
        let report = try IdentifierTester.test(identifier, text: Self.lines.joined(separator: separator), file: "f.txt")
        #expect(report.matches.map { "\($0.line):\($0.column)" } == ["3:3"])
    }

    @Test("a match across a line break starts on one line and ends on the next", arguments: ["\n", "\r\n"])
    func matchAcrossLines(separator: String) throws {
        let identifier = CustomIdentifier(name: "split", regex: #"XYZ-\d{4}\s+\d{7}"#)
        let report = try IdentifierTester.test(identifier, text: "a XYZ-2345" + separator + "1234234 b", file: "f.txt")
        #expect(report.matches == [IdentifierMatch(file: "f.txt", line: 1, column: 3, endLine: 2, text: "XYZ-2345\n1234234")])
    }

    @Test("$ matches at the end of the file, before a last line break of any form", arguments: ["\n", "\r\n", "\r"])
    func endAnchor(separator: String) throws {
        let identifier = CustomIdentifier(name: "last", regex: #"XYZ-\d{11}$"#)
        let text = "XYZ-23451234234" + separator + "XYZ-65451234123" + separator
        #expect(try IdentifierTester.test(identifier, text: text, file: "f.txt").matches.map(\.line) == [2])
    }
}
