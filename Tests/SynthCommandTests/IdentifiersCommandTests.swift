import Foundation
import Testing

@Suite("synth identifiers test")
struct IdentifiersCommandTests {
    /// The walkthrough's accounts.csv as the export function writes it: JSON Lines.
    static let accountsExport = [
        ("1", "Alejandro Rosalez", "XYZ-23451234234"), ("2", "John Stiles", "XYZ-65451234123"),
        ("3", "Ana Carolina Silva", "XYZ-98751234653"), ("4", "Nikki Wolf", "XYZ-12351234765"),
        ("5", "Paulo Santos", "XYZ-43251234897"), ("6", "Kwesi Manu", "XYZ-63451234908"),
        ("7", "Richard Roe", "XYZ-87951234421"), ("8", "Zhang Wei", "XYZ-21351234243"),
        ("9", "Marcia Oliveira", "XYZ-43651234567"), ("10", "Jorge Souza", "XYZ-33251234767"),
    ].map { #"{"account_number":"\#($0.2)","id":"\#($0.0)","name":"\#($0.1)"}"# }.joined(separator: "\n") + "\n"

    @Test("the stack's account_number identifier finds 10 occurrences on 10 lines of the accounts export, as the walkthrough's finding does")
    func walkthroughExport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dynamodb-accounts-info-macie-us-east-1-2026-11-29-08:00:00.json")
        try Self.accountsExport.write(to: file, atomically: true, encoding: .utf8)
        let result = try Executable.synth.run(["identifiers", "test", "account_number", "--sample", file.path, "--expect-matches"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines.first == "\(file.path):1:20: XYZ-23451234234")
        #expect(lines.last == "account_number: 10 occurrences on 10 lines")
    }

    @Test("nothing found with --expect-matches exits 1; an unknown identifier exits 2")
    func failures() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("people.json")
        try #"{"id":"1","name":"Alejandro Rosalez"}"#.write(to: file, atomically: true, encoding: .utf8)
        let none = try Executable.synth.run(["identifiers", "test", "account_number", "--sample", file.path, "--expect-matches"])
        #expect(none.status == 1)
        #expect(none.stdout == "account_number: 0 occurrences on 0 lines\n")
        let unknown = try Executable.synth.run(["identifiers", "test", "nope", "--sample", file.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "synth: MacieDynamoDB has no custom data identifier named 'nope'; it has account_number\n")
    }
}
