import ArgumentParser
import AWSResources
import CloudFormation
import StackSynthesis
import Foundation
import TemplateDiff
import TemplateReading

/// `synth diff`: what a change does — replacements, data loss, IAM broadening.
struct DiffCommand<Catalog: StackCatalog>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "diff",
            abstract: "Say what a change does: resources replaced (and data lost), IAM statements broadened or narrowed, parameters and outputs changed.",
            discussion: """
                Compares each stack (or the one named) with its committed template in generated/, \
                or any two templates with --old and --new. Exit status: 0 no difference, 1 a \
                difference (with --fail-on: only when the gate is hit), 2 an error.
                """)
    }

    enum Format: String, NamedChoice {
        case text, json, sarif
    }

    enum Colour: String, NamedChoice {
        case auto, always, never
    }

    @Argument(help: "The stack to compare with its committed template (default: every stack).")
    var stack: String?

    @Option(help: ArgumentHelp("The old template file (with --new).", valueName: "file"))
    var old: String?

    @Option(help: ArgumentHelp("The new template file (with --old).", valueName: "file"))
    var new: String?

    @Option(help: ArgumentHelp("The folder of committed templates.", valueName: "dir"))
    var directory = "generated"

    @Option(help: "text, json or sarif.")
    var format: Format = .text

    @Option(help: "Colour in text output: auto (when standard output is a terminal and NO_COLOR is unset), always, never.")
    var colour: Colour = .auto

    @Option(help: "Exit 1 only when the change broadens IAM permissions, or replaces a resource.")
    var failOn: DiffGate?

    @Flag(help: "With --fail-on replacement: a changed resource whose type is not in the resource registry (Custom::…, third-party, private) is not a hit.")
    var allowUnknownTypes = false

    func validate() throws {
        if (old == nil) != (new == nil) { throw ValidationError("--old and --new go together.") }
        if old != nil && stack != nil { throw ValidationError("name a stack, or give --old and --new, not both.") }
    }

    func run() throws {
        var comparisons: [(name: String, old: Template, new: Template)] = []
        if let old, let new {
            comparisons.append((new, try readWithParts(old), try readWithParts(new)))
        } else {
            let definitions = stack == nil ? Catalog.stacks : [try Catalog.selected(stack)]
            for definition in definitions {
                let committed = "\(directory)/\(definition.name).yaml"
                let synthesized: Template
                do {
                    synthesized = try stackTemplate(of: definition, in: Catalog.stacks)
                } catch {
                    error.diagnostics.map(\.description).forEach(printError)
                    throw SynthFailure(message: "\(definition.name) is not valid", exitCode: .invalid)
                }
                let previous = FileManager.default.fileExists(atPath: committed) ? try readWithParts(committed) : Template()
                comparisons.append((definition.name, previous, synthesized))
            }
        }
        if format != .text && comparisons.count > 1 {
            throw SynthFailure(message: "--format \(format.rawValue) compares one stack at a time: name one", exitCode: .invalid)
        }

        var anyDifference = false
        var gateHit = false
        // An export still imported elsewhere cannot change: CloudFormation would refuse the update.
        for comparison in comparisons {
            let others = try importers(besides: comparison.name, comparisons: comparisons)
            for change in ImportedExportChange.find(old: comparison.old, new: comparison.new, others: others) {
                printError("error: \(comparison.name): \(change)")
                anyDifference = true
                gateHit = true
            }
        }
        for comparison in comparisons {
            let changes = TemplateDiff.compare(old: comparison.old, new: comparison.new)
            anyDifference = anyDifference || !changes.isEmpty
            if let failOn, changes.fails(on: failOn, allowingUnknownTypes: allowUnknownTypes) { gateHit = true }
            switch format {
            case .text:
                if comparisons.count > 1 { print("== \(comparison.name)") }
                print(changes.render(colour: useColour), terminator: "")
            case .json:
                print(changes.json(), terminator: "")
            case .sarif:
                print(changes.sarif(), terminator: "")
            }
        }
        let differs = failOn == nil ? anyDifference : gateHit
        if differs {
            throw SynthFailure(message: failOn.map { "the change hits --fail-on \($0.rawValue)" } ?? "the templates differ", exitCode: .different)
        }
    }

    private var useColour: Bool {
        switch colour {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    /// The other stacks that may import what a stack exports: the catalog's
    /// other stacks, or, for `--new FILE`, the other templates beside it.
    private func importers(
        besides name: String, comparisons: [(name: String, old: Template, new: Template)]
    ) throws -> [(name: String, template: Template)] {
        guard let new else {
            let compared = Set(comparisons.map(\.name))
            var others = comparisons.filter { $0.name != name }.map { ($0.name, $0.new) }
            for definition in Catalog.stacks where !compared.contains(definition.name) {
                if let template = try? stackTemplate(of: definition, in: Catalog.stacks) { others.append((definition.name, template)) }
            }
            return others
        }
        let folder = URL(fileURLWithPath: new).deletingLastPathComponent()
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { ["yaml", "yml", "json", "template"].contains($0.pathExtension) && $0.standardizedFileURL != URL(fileURLWithPath: new).standardizedFileURL }
            .sorted { $0.path < $1.path }
            .compactMap { file in (try? TemplateReader.read(contentsOf: file.path)).map { (file.lastPathComponent, $0) } }
    }

    /// A template and, when it is the root of nested stacks written beside it
    /// (`<stack>.<part>.yaml`), its parts merged back: the stack it stands for.
    private func readWithParts(_ path: String) throws -> Template {
        let root = try read(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var parts: [NestedStackSplit.Part] = []
        for resource in root.resources where resource.type == "AWS::CloudFormation::Stack" {
            guard case .string(let url)? = resource.properties["TemplateURL"], !url.contains("://") else { continue }
            let partPath = folder.appendingPathComponent(url).path
            guard FileManager.default.fileExists(atPath: partPath) else { continue }
            parts.append(NestedStackSplit.Part(name: resource.logicalID, template: try read(partPath)))
        }
        return parts.isEmpty ? root : NestedStackSplit(root: root, parts: parts).merged()
    }

    private func read(_ path: String) throws -> Template {
        do {
            return try TemplateReader.read(contentsOf: path)
        } catch {
            printError(error.description)
            throw SynthFailure(message: "\(path) could not be read", exitCode: .invalid)
        }
    }
}

extension DiffGate: NamedChoice {}
