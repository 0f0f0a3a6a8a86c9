import Foundation
import MacieIdentifiers
import Testing

/// The report's counts and summary, and testing files from disk.
@Suite("Reports and files")
struct ReportTests {
    static let accountNumber = CustomIdentifier(name: "account_number", regex: #"XYZ-\d{11}"#)

    @Test("no match: an empty report that says so")
    func noMatch() throws {
        let report = try IdentifierTester.test(Self.accountNumber, text: "id,name\n1,Alejandro Rosalez\nXYZ-1234\n", file: "a.csv")
        #expect(report.matches == [])
        #expect(report.occurrences == 0)
        #expect(report.lines == 0)
        #expect(report.summary == "account_number: 0 occurrences on 0 lines")
        #expect(try IdentifierTester.test(Self.accountNumber, text: "", file: "empty.txt").occurrences == 0)
    }

    @Test("an empty match is no occurrence")
    func emptyMatches() throws {
        let report = try IdentifierTester.test(CustomIdentifier(name: "digits", regex: #"\d*"#), text: "ab12cd", file: "a.txt")
        #expect(report.matches.map(\.text) == ["12"])
        #expect(report.summary == "digits: 1 occurrence on 1 line")
    }

    @Test("several files: matches in file order, lines counted per file, a BOM and CRLF not shifting columns")
    func files() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("macie-identifier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("people.json")
        let second = directory.appendingPathComponent("accounts.json")
        try Data("{\"a\":\"XYZ-23451234234\"}\n".utf8).write(to: first)
        try Data([0xEF, 0xBB, 0xBF] + Array("x\r\n\"XYZ-65451234123\" XYZ-98751234653\r\n".utf8)).write(to: second)

        let report = try IdentifierTester.test(Self.accountNumber, files: [first, second])

        #expect(report.matches == [
            IdentifierMatch(file: first.relativePath, line: 1, column: 7, endLine: 1, text: "XYZ-23451234234"),
            IdentifierMatch(file: second.relativePath, line: 2, column: 2, endLine: 2, text: "XYZ-65451234123"),
            IdentifierMatch(file: second.relativePath, line: 2, column: 19, endLine: 2, text: "XYZ-98751234653"),
        ])
        #expect(report.summary == "account_number: 3 occurrences on 2 lines")
    }

    @Test("a missing file and a file that is not UTF-8 are errors that name the file")
    func unreadableFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("macie-identifier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let latin1 = directory.appendingPathComponent("latin1.txt")
        try Data([0x63, 0x61, 0x66, 0xE9]).write(to: latin1)  // "café" in ISO 8859-1

        #expect(throws: IdentifierError.unreadableFile(path: latin1.relativePath, reason: "is not UTF-8 text")) {
            try IdentifierTester.test(Self.accountNumber, files: [latin1])
        }
        let missing = directory.appendingPathComponent("missing.txt")
        do {
            _ = try IdentifierTester.test(Self.accountNumber, files: [missing])
            Issue.record("a missing file was read")
        } catch .unreadableFile(let path, let reason) {
            #expect(path == missing.relativePath)
            #expect(reason.hasPrefix("cannot be read"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("an invalid identifier is reported before any file is read")
    func invalidBeforeFiles() {
        let missing = URL(fileURLWithPath: "/nonexistent/file.txt")
        #expect(throws: IdentifierError.invalidIdentifier(name: "x", problems: ["the maximum match distance is 0; Macie allows 1 to 300"])) {
            try IdentifierTester.test(CustomIdentifier(name: "x", regex: "a", maximumMatchDistance: 0), files: [missing])
        }
    }
}
