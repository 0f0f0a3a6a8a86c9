import MacieIdentifiers
import Testing

/// Keywords: one must come before the match, with at most
/// `maximumMatchDistance` characters from the keyword's end to the match's end.
@Suite("Keywords and the maximum match distance")
struct KeywordProximityTests {
    /// 15 characters long, so the default distance of 50 leaves 35 between
    /// the keyword and the match.
    static let accountNumber = "XYZ-23451234234"

    static func identifier(keywords: [String] = ["account"], distance: Int? = nil) -> CustomIdentifier {
        if let distance {
            return CustomIdentifier(name: "account_number", regex: #"XYZ-\d{11}"#, keywords: keywords, maximumMatchDistance: distance)
        }
        return CustomIdentifier(name: "account_number", regex: #"XYZ-\d{11}"#, keywords: keywords)
    }

    static func test(_ identifier: CustomIdentifier, _ text: String) throws -> IdentifierReport {
        try IdentifierTester.test(identifier, text: text, file: "sample.txt")
    }

    @Test("with the default, a match ending 50 characters after the keyword's end is found; 51, not")
    func defaultDistance() throws {
        #expect(CustomIdentifier(name: "n", regex: "x").maximumMatchDistance == 50)
        let within = "account" + String(repeating: " ", count: 35) + Self.accountNumber  // 35 + 15 = 50
        let beyond = "account" + String(repeating: " ", count: 36) + Self.accountNumber  // 36 + 15 = 51

        let found = try Self.test(Self.identifier(), within)
        #expect(found.matches.map(\.column) == [43])
        #expect(found.summary == "account_number: 1 occurrence on 1 line")
        #expect(try Self.test(Self.identifier(), beyond).occurrences == 0)
    }

    @Test("the distance runs to the match's end: a match longer than the distance is never close enough")
    func distanceIncludesTheMatch() throws {
        let digits = CustomIdentifier(name: "digits", regex: #"\d+"#, keywords: ["number"], maximumMatchDistance: 10)
        #expect(try Self.test(digits, "number" + String(repeating: "7", count: 10)).matches.map(\.text) == ["7777777777"])
        #expect(try Self.test(digits, "number" + String(repeating: "7", count: 11)).occurrences == 0)
    }

    @Test("a custom distance of 20 allows 5 characters between keyword and a 15-character match, not 6")
    func customDistance() throws {
        let identifier = Self.identifier(distance: 20)
        #expect(try Self.test(identifier, "account: " + "    " + Self.accountNumber).occurrences == 0)  // 6 + 15
        #expect(try Self.test(identifier, "account: " + "   " + Self.accountNumber).matches.map(\.column) == [13])  // 5 + 15
        #expect(try Self.test(identifier, "account" + Self.accountNumber).matches.map(\.column) == [8])  // 0 + 15
    }

    @Test("keywords ignore case, in the text and in the keyword")
    func keywordsIgnoreCase() throws {
        let identifier = Self.identifier(keywords: ["Account Number"])
        let text = """
            ACCOUNT NUMBER: \(Self.accountNumber)
            account number: XYZ-65451234123
            aCcOuNt NuMbEr: XYZ-98751234653
            an unrelated reference, far from any keyword: XYZ-12351234765
            """
        let report = try Self.test(identifier, text)
        #expect(report.matches.map(\.line) == [1, 2, 3])
        #expect(report.summary == "account_number: 3 occurrences on 3 lines")
    }

    @Test("the keyword must come before all of the match: after it, or inside it, does not count")
    func keywordMustPrecede() throws {
        #expect(try Self.test(Self.identifier(), Self.accountNumber + " account").occurrences == 0)
        #expect(try Self.test(Self.identifier(keywords: ["XYZ-"]), Self.accountNumber).occurrences == 0)
        #expect(try Self.test(Self.identifier(keywords: ["XYZ-"]), "XYZ-" + Self.accountNumber).matches.map(\.column) == [5])
    }

    @Test("any one keyword is enough, and each keyword qualifies only the matches near it")
    func anyKeyword() throws {
        let identifier = Self.identifier(keywords: ["account", "customer"], distance: 30)
        let text = """
            customer XYZ-23451234234
            nothing near XYZ-65451234123
            ACCOUNT XYZ-98751234653
            """
        #expect(try Self.test(identifier, text).matches.map(\.text) == ["XYZ-23451234234", "XYZ-98751234653"])
    }

    @Test("a keyword on the line before counts, the line break being one character")
    func keywordOnThePreviousLine() throws {
        let text = "account\n" + Self.accountNumber  // 1 + 15 = 16
        #expect(try Self.test(Self.identifier(distance: 16), text).matches.map { "\($0.line):\($0.column)" } == ["2:1"])
        #expect(try Self.test(Self.identifier(distance: 15), text).occurrences == 0)
    }

    @Test("without keywords the distance does not matter")
    func noKeywords() throws {
        let text = String(repeating: "x", count: 400) + Self.accountNumber
        #expect(try Self.test(Self.identifier(keywords: [], distance: 1), text).matches.map(\.column) == [401])
    }
}
