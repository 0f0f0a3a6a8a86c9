import CloudFormation
import MacieIdentifiers
import Stacks
import Testing

/// The walkthrough's promise, kept without a Macie job: on the export of
/// `accounts.csv` the stack's own identifier finds 10 occurrences on 10 lines.
@Suite("The MacieDynamoDB walkthrough's export")
struct WalkthroughExportTests {
    /// The rows of the walkthrough's `accounts.csv`, as DynamoDB gives them back.
    static let accounts: [(id: String, name: String, accountNumber: String)] = [
        ("1", "Alejandro Rosalez", "XYZ-23451234234"),
        ("2", "John Stiles", "XYZ-65451234123"),
        ("3", "Ana Carolina Silva", "XYZ-98751234653"),
        ("4", "Nikki Wolf", "XYZ-12351234765"),
        ("5", "Paulo Santos", "XYZ-43251234897"),
        ("6", "Kwesi Manu", "XYZ-63451234908"),
        ("7", "Richard Roe", "XYZ-87951234421"),
        ("8", "Zhang Wei", "XYZ-21351234243"),
        ("9", "Marcia Oliveira", "XYZ-43651234567"),
        ("10", "Jorge Souza", "XYZ-33251234767"),
    ]

    /// The two ways the items can be written as JSON Lines: as the stack's
    /// export function writes them (sorted keys, no spaces: its `_json`), and
    /// as Python's `json.dumps` does by default (a space after `:` and `,`).
    enum Spacing: String, CaseIterable, CustomTestStringConvertible {
        case exportFunction = "as export_data.py writes it"
        case jsonDumps = "as json.dumps writes it"

        var testDescription: String { rawValue }

        func line(_ account: (id: String, name: String, accountNumber: String)) -> String {
            switch self {
            case .exportFunction:
                #"{"account_number":"\#(account.accountNumber)","id":"\#(account.id)","name":"\#(account.name)"}"#
            case .jsonDumps:
                #"{"account_number": "\#(account.accountNumber)", "id": "\#(account.id)", "name": "\#(account.name)"}"#
            }
        }

        /// Where the account number starts: after `{"account_number":"`, and
        /// one more with the space.
        var column: Int { self == .exportFunction ? 20 : 21 }
    }

    static func stackIdentifier() throws -> CustomIdentifier {
        let identifiers = CustomIdentifier.all(in: try synthesize(MacieDynamoDBStack()).template)
        #expect(identifiers == [CustomIdentifier(name: "account_number", regex: #"XYZ-\d{11}\b"#)])
        return try #require(identifiers.first)
    }

    @Test("the stack's identifier finds every account number in the export, one per line", arguments: Spacing.allCases)
    func accountNumbers(spacing: Spacing) throws {
        let export = Self.accounts.map(spacing.line).joined(separator: "\n") + "\n"
        let file = "dynamodb-accounts-info-macie-us-east-1-2026-01-01-00:00:00.json"

        let report = try IdentifierTester.test(try Self.stackIdentifier(), text: export, file: file)

        #expect(report.summary == "account_number: 10 occurrences on 10 lines")
        #expect(report.occurrences == 10)
        #expect(report.lines == 10)
        #expect(report.matches.map(\.text) == Self.accounts.map(\.accountNumber))
        #expect(report.matches.map(\.line) == Array(1...10))
        #expect(report.matches.map(\.endLine) == Array(1...10))
        #expect(report.matches.allSatisfy { $0.column == spacing.column && $0.file == file })
        #expect(report.matches.first?.description == "\(file):1:\(spacing.column): XYZ-23451234234")
    }

    @Test("the identifier is found by its Macie name, not its logical ID")
    func identifierByName() throws {
        let template = try synthesize(MacieDynamoDBStack()).template
        #expect(CustomIdentifier.named("account_number", in: template)?.regex == #"XYZ-\d{11}\b"#)
        #expect(CustomIdentifier.named("CustomIdentifier", in: template) == nil)
    }
}
