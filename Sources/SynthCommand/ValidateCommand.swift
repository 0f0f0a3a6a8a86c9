import ArgumentParser
import AWSResources
import CloudFormation
import Foundation
import SecurityRules
import TemplateReading

/// `synth validate FILE…`: any existing template through the same checks a
/// stack gets at synthesis (references, cycles, quotas, schemas, IAM actions,
/// runtimes, the security rules, …), every problem reported at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check existing templates (YAML or JSON) with every check synth runs on a stack.",
        discussion: "Exit status: 0 no error (warnings are printed), 2 an error in any file or a file that cannot be read.")

    @Argument(help: "Template files.")
    var files: [String]

    func run() throws {
        var errors = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw SynthFailure(message: "cannot read \(file)", exitCode: .invalid)
            }
            let template: Template
            do {
                template = try TemplateReader.read(String(decoding: data, as: UTF8.self), file: file)
            } catch {
                printError(error.description)
                errors += error.problems.count
                continue
            }
            var diagnostics = TemplateValidator.validate(template, stack: file)
            for check in AWSChecks.all + [SecurityRulePack()] { diagnostics += check.diagnostics(for: template, stack: file) }
            diagnostics += Quotas.checkBodySize(data.count, stack: file)
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
