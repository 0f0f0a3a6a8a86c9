import CloudFormation
import Foundation
import MacieIdentifiers
import Stacks
import Testing

/// The identifier tester on DynamoDB's own export format: gzip-compressed
/// DynamoDB JSON, one item per line. The export is built here from the
/// walkthrough's `accounts.csv` and compressed by the system's `gzip`, a
/// writer this package did not write.
@Suite("The identifier tester on a native DynamoDB export")
struct NativeExportTests {
    /// The walkthrough's file, byte for byte (Tests/python checks its hash).
    static let accountsCSV = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("python/functions/fixtures/sample/accounts.csv")

    /// The two shapes of a line of DynamoDB's export in DynamoDB JSON.
    enum Format: String, CaseIterable, CustomTestStringConvertible {
        /// A full export: `{"Item":{"name":{"S":"value"},…}}`.
        case full
        /// An incremental export with new images: `{"Keys":{…},"Metadata":{…},"NewImage":{…}}`.
        case incremental

        var testDescription: String { rawValue }

        func line(_ item: [String: [String: String]]) -> [String: Any] {
            switch self {
            case .full:
                ["Item": item]
            case .incremental:
                ["Keys": ["id": item["id"] ?? [:]], "Metadata": ["WriteTimestampMicros": ["N": "1767225600000000"]], "NewImage": item]
            }
        }
    }

    /// The CSV's rows as lines of DynamoDB's export, every attribute a string (`{"S": …}`).
    static func dynamoDBJSONLines(_ format: Format = .full) throws -> [String] {
        let text = try String(contentsOf: accountsCSV, encoding: .utf8)
        let rows = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        return try rows.dropFirst().map { row in
            let item = Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, ["S": $1]) })
            let data = try JSONSerialization.data(withJSONObject: format.line(item), options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `gzip -c` of `text`, written to `folder/name`.
    static func gzip(_ text: String, to folder: URL, name: String) throws -> URL {
        let plain = folder.appendingPathComponent(name + ".plain")
        try Data(text.utf8).write(to: plain)
        let file = folder.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", plain.path]
        process.standardOutput = try FileHandle(forWritingTo: file)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return file
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("native-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func stackIdentifier() throws -> CustomIdentifier {
        try #require(CustomIdentifier.named("account_number", in: try synthesize(MacieDynamoDBStack.nativeExport).template))
    }

    @Test("the walkthrough's 10 account numbers, on 10 lines of a gzip DynamoDB JSON export of the accounts table",
          arguments: Format.allCases)
    func accountNumbers(format: Format) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try Self.dynamoDBJSONLines(format)
        let file = try Self.gzip(lines.joined(separator: "\n") + "\n", to: folder, name: "0123456789abcdef.json.gz")

        let report = try IdentifierTester.test(try Self.stackIdentifier(), files: [file])

        #expect(report.summary == "account_number: 10 occurrences on 10 lines")
        #expect(report.matches.map(\.line) == Array(1...lines.count))
        // Each match is on the line of the item that holds it, at its column there.
        for match in report.matches {
            let line = lines[match.line - 1]
            let start = try #require(line.range(of: match.text))
            #expect(line.distance(from: line.startIndex, to: start.lowerBound) + 1 == match.column)
            #expect(match.file == file.relativePath)
        }
    }

    @Test("a file of several gzip members reads as one text, lines counted across them")
    func concatenatedMembers() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try Self.dynamoDBJSONLines()
        let first = try Self.gzip(lines[..<4].joined(separator: "\n") + "\n", to: folder, name: "a.gz")
        let second = try Self.gzip(lines[4...].joined(separator: "\n") + "\n", to: folder, name: "b.gz")
        let joined = folder.appendingPathComponent("joined.json.gz")
        try (try Data(contentsOf: first) + Data(contentsOf: second)).write(to: joined)

        let report = try IdentifierTester.test(try Self.stackIdentifier(), files: [joined])

        #expect(report.matches.map(\.line) == Array(1...lines.count))
    }

    @Test("a damaged or truncated gzip file is an error naming the file", arguments: ["damaged", "truncated", "trailing"])
    func damaged(kind: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.gzip(try Self.dynamoDBJSONLines().joined(separator: "\n"), to: folder, name: "export.json.gz")
        var bytes = try Data(contentsOf: file)
        switch kind {
        case "damaged": bytes[bytes.endIndex - 6] ^= 0xff  // in the CRC-32 of the trailer
        case "truncated": bytes = bytes.prefix(bytes.count / 2)
        default: bytes.append(contentsOf: Array("not gzip".utf8))
        }
        try bytes.write(to: file)

        #expect {
            try IdentifierTester.test(try Self.stackIdentifier(), files: [file])
        } throws: { error in
            guard case .unreadableFile(let path, let reason) = error as? IdentifierError else { return false }
            return path == file.relativePath && reason.hasPrefix("is not a valid gzip file (")
        }
    }
}
