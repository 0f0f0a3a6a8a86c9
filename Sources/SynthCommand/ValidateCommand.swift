import ArgumentParser
import AWSResources
import CloudFormation
import Foundation
import SecurityRules
import StackSynthesis
import TemplateReading

/// `synth validate FILE…`: any existing template through the same checks a
/// stack gets at synthesis (references, cycles, quotas, schemas, IAM actions,
/// runtimes, the security rules, …), every problem reported at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check existing templates (YAML or JSON) with every check synth runs on a stack.",
        discussion: """
            Errors are what CloudFormation would reject or what is certainly wrong; least-privilege advice \
            (an action IAM can scope granted on Resource '*') and other warnings are listed but pass, \
            unless --strict. Exit status: 0 no error (warnings are printed), 2 an error in any file or \
            a file that cannot be read.
            """)

    @Argument(help: "Template files.")
    var files: [String]

    @Flag(help: "Warnings are errors, least-privilege advice included.")
    var strict = false

    func run() throws {
        var errors = 0
        for file in files {
            let template: Template
            let bytes: [UInt8]
            do {
                bytes = try TemplateFile.bytes(file)
                template = try TemplateReader.read(bytes: bytes, file: file)
            } catch {
                printError(error.description)
                errors += error.problems.count
                continue
            }
            var diagnostics = TemplateValidator.validate(template, stack: file)
            for check in everyCheck { diagnostics += check.diagnostics(for: template, stack: file) }
            diagnostics += Quotas.checkBodySize(bytes.count, stack: file)
            // Advice is a warning on a template written elsewhere; --strict makes every warning an error.
            for index in diagnostics.indices where strict || diagnostics[index].isAdvice {
                diagnostics[index].severity = strict ? .error : .warning
            }
            diagnostics.map(\.description).forEach(printError)
            SecurityRulePack.summary(of: template, stack: file, diagnostics: diagnostics).forEach(printError)
            let fileErrors = diagnostics.filter { $0.severity == .error }.count
            errors += fileErrors
            if fileErrors == 0 {
                printError("\(file): valid (\(template.resources.count) resources)")
            }
        }
        if errors > 0 {
            throw SynthFailure(message: "\(errors) error\(errors == 1 ? "" : "s")", exitCode: .invalid)
        }
    }
}
