import ArgumentParser
import AWSResources
import CloudFormation
import StackSynthesis
import Foundation
import MacieIdentifiers

/// `synth identifiers test NAME --sample FILE…`: a stack's Macie custom data
/// identifier run on local files with Macie's semantics, instead of a
/// seven-minute Macie job.
struct IdentifiersCommand<Catalog: StackCatalog>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "identifiers",
            abstract: "Test a stack's Macie custom data identifiers on local files.",
            discussion: """
                synth identifiers test account_number --sample export.json
                Prints each match as file:line:column, then a summary like a Macie finding \
                ("account_number: 10 occurrences on 10 lines"). Exit 1 when nothing matches \
                and --expect-matches was given; 2 for an unknown identifier, an invalid one, \
                or an unreadable file.
                """)
    }

    enum Action: String, NamedChoice {
        case test
    }

    @Argument(help: "The action: test.")
    var action: Action

    @Argument(help: "The identifier's Name (as Macie shows it, e.g. account_number).")
    var name: String

    @Option(name: .customLong("sample"), parsing: .upToNextOption, help: ArgumentHelp("Files to scan.", valueName: "file"))
    var samples: [String] = []

    @Option(help: "The stack that declares the identifier (default: the default stack).")
    var stack: String?

    @Flag(help: "Exit 1 when the identifier finds nothing.")
    var expectMatches = false

    func validate() throws {
        if samples.isEmpty { throw ValidationError("give at least one --sample FILE.") }
    }

    func run() throws {
        let definition = try Catalog.selected(stack)
        let template: Template
        do {
            template = try stackTemplate(of: definition, in: Catalog.stacks)
        } catch {
            error.diagnostics.map(\.description).forEach(printError)
            throw SynthFailure(message: "\(definition.name) is not valid", exitCode: .invalid)
        }
        guard let identifier = CustomIdentifier.named(name, in: template) else {
            let known = CustomIdentifier.all(in: template).map(\.name).joined(separator: ", ")
            throw SynthFailure(
                message: "\(definition.name) has no custom data identifier named '\(name)'" + (known.isEmpty ? "" : "; it has \(known)"),
                exitCode: .invalid)
        }
        let report: IdentifierReport
        do {
            report = try IdentifierTester.test(identifier, files: samples.map { URL(fileURLWithPath: $0) })
        } catch {
            throw SynthFailure(message: "\(error)", exitCode: .invalid)
        }
        for match in report.matches { print(match) }
        print(report.summary)
        if expectMatches && report.occurrences == 0 {
            throw SynthFailure(message: "\(name) found nothing", exitCode: .different)
        }
    }
}
