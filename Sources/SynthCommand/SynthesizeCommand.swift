import ArgumentParser
import TextDiff
import CloudFormation
import Foundation
import StackSynthesis
import TemplateRendering

/// `synth synthesize`, the default subcommand: writes the stacks of a catalog
/// as CloudFormation templates.
struct SynthesizeCommand<Catalog: StackCatalog>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "synthesize",
            abstract: "Write CloudFormation templates from the stacks defined in Swift (the default subcommand).",
            discussion: """
                With no options, prints the default stack's template to standard output. \
                Diagnostics go to standard error. Exit status: 0 success, 1 --check found \
                a difference, 2 an invalid stack or bad usage (nothing is written then). \
                `synth NAME` selects a stack; a stack named like a subcommand is selected \
                with `synth synthesize NAME`.
                """
        )
    }

    @Argument(help: "The stack to synthesize (default: the first listed by --list; with --output or --check: every stack).")
    var stack: String?

    @Flag(help: "List the stacks this package defines, the default first.")
    var list = false

    @Flag(help: "With --list: in the order to deploy them, each after the stacks it takes values from.")
    var order = false

    @Option(help: "Output format: yaml or json. JSON always uses the long form of intrinsic functions.")
    var format: TemplateFormat = .yaml

    @Flag(help: "Write intrinsic functions in the long form (Ref:, Fn::GetAtt:) instead of the short form (!Ref, !GetAtt).")
    var longForm = false

    @Option(help: ArgumentHelp("Write every stack to DIR/<stack>.<format>, each file replaced atomically.", valueName: "dir"))
    var output: String?

    @Flag(help: "With --output: also delete templates in DIR that no stack writes.")
    var prune = false

    @Flag(help: "Compare every stack with its committed template in generated/ (or in --output DIR) and exit 1 with a unified diff when one differs, is missing, or has no stack.")
    var check = false

    init() {}

    mutating func validate() throws {
        if list && (check || output != nil || stack != nil) {
            throw ValidationError("--list cannot be combined with a stack, --output or --check.")
        }
        if order && !list {
            throw ValidationError("--order goes with --list.")
        }
        if prune && (output == nil || check) {
            throw ValidationError("--prune goes with --output (and not with --check).")
        }
        if format == .json && longForm {
            throw ValidationError("--long-form is for YAML; JSON always uses the long form.")
        }
    }

    func run() throws {
        if list {
            guard order else {
                for definition in Catalog.stacks { print(definition.name) }
                return
            }
            do {
                CatalogReferences.deploymentOrder(of: Catalog.stacks, uses: try CatalogReferences(catalog: Catalog.stacks).uses)
                    .forEach { print($0) }
            } catch {
                report(error.diagnostics)
                throw SynthFailure(message: "the stacks' references cannot be resolved", exitCode: .invalid)
            }
            return
        }
        let selected = try selectedStacks()
        let templates: [SynthesizedTemplate]
        do {
            templates = try synthesizeAll(selected, catalog: Catalog.stacks, format: format, form: longForm ? .long : .short)
        } catch {
            report(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            throw SynthFailure(message: "\(errors) error\(errors == 1 ? "" : "s"); nothing written", exitCode: .invalid)
        }
        report(templates.flatMap(\.warnings))
        templates.flatMap(\.securitySummary).forEach(printError)

        if check {
            try compare(templates, withDirectory: output ?? "generated", complete: stack == nil)
        } else if let output {
            let directory = TemplateDirectory(path: output)
            try directory.write(templates, format: format)
            if prune {
                let written = Set(templates.flatMap { $0.writtenPaths(for: format) })
                for name in directory.templateFileNames(format: format) + directory.assetPaths() where !written.contains(name) {
                    try directory.remove(name)
                    printError("removed \(directory.displayPath(of: name, base: output)): no stack writes it")
                }
            }
        } else {
            FileHandle.standardOutput.write(Data(templates[0].text.utf8))
            if let asset = templates[0].assets.first {
                printError("note: \(templates[0].stack) refers to \(asset.path) and other files beside the template; `synth --output DIR` writes them")
            }
            if let file = templates[0].artifacts.first(where: { $0.fileName.hasSuffix(".\(format.fileExtension)") }) {
                printError("note: \(templates[0].stack) comes with \(file.fileName) (a nested stack or its StackSet); `synth --output DIR` writes every file")
            }
        }
    }

    /// The stacks this run works on.
    private func selectedStacks() throws -> [any StackDefinition] {
        // Without a name, --check and --output work on every stack; standard
        // output takes one template, the default stack's.
        let definition = try Catalog.selected(stack)
        return stack == nil && (check || output != nil) ? Catalog.stacks : [definition]
    }

    /// `--check`: every difference, as a unified diff on standard output and a
    /// line each on standard error. `complete` also flags templates with no stack.
    private func compare(_ templates: [SynthesizedTemplate], withDirectory path: String, complete: Bool) throws {
        let directory = TemplateDirectory(path: path)
        var problems: [String] = []
        for template in templates {
            let texts = [(template.fileName(for: format), template.text)] + template.artifacts.map { ($0.fileName, $0.text) }
            for (name, text) in texts {
                let shown = directory.displayPath(of: name, base: path)
                guard let committed = directory.contents(of: name) else {
                    problems.append("\(shown) is missing: run `synth --output \(path)` and commit it")
                    continue
                }
                if let diff = UnifiedDiff.diff(committed, text, oldName: shown, newName: "\(shown) (synthesized)") {
                    print(diff, terminator: "")
                    problems.append("\(shown) differs from what \(template.stack) synthesizes: run `synth --output \(path)` and commit it")
                }
            }
            for asset in template.assets {
                let shown = directory.displayPath(of: asset.path, base: path)
                switch directory.bytes(of: asset.path) {
                case nil: problems.append("\(shown) is missing: run `synth --output \(path)` and commit it")
                case let committed? where committed != asset.bytes:
                    problems.append("\(shown) differs from what \(template.stack) synthesizes: run `synth --output \(path)` and commit it")
                default: break
                }
            }
        }
        if complete {
            let expected = Set(templates.flatMap { $0.writtenPaths(for: format) })
            for name in directory.templateFileNames(format: format) + directory.assetPaths() where !expected.contains(name) {
                problems.append("\(directory.displayPath(of: name, base: path)) has no stack: delete it, or run `synth --output \(path) --prune`")
            }
        }
        guard problems.isEmpty else {
            problems.forEach(printError)
            throw SynthFailure(message: "\(problems.count) template\(problems.count == 1 ? "" : "s") out of date", exitCode: .different)
        }
        printError("\(templates.count) template\(templates.count == 1 ? "" : "s") in \(path) up to date")
    }

    private func report(_ diagnostics: [Diagnostic]) {
        diagnostics.map(\.description).forEach(printError)
    }
}

