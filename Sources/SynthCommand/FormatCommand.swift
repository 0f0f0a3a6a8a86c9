import ArgumentParser
import CloudFormation
import Foundation
import TemplateReading
import TemplateRendering

/// `synth fmt`: rewrite any template in the project's canonical form.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Print a CloudFormation template (YAML or JSON, any intrinsic form) in canonical form.",
        discussion: "Sections and resource attributes in CloudFormation's order, strings quoted only where a reader would misread them, intrinsics in short form. Exit 2 with file:line:column for malformed input.")

    @Argument(help: "The template file to read.")
    var file: String

    @Option(help: "yaml or json.")
    var format: TemplateFormat = .yaml

    @Flag(help: "Intrinsic functions in the long form (YAML only).")
    var longForm = false

    func validate() throws {
        if format == .json && longForm {
            throw ValidationError("--long-form is for YAML; JSON always uses the long form.")
        }
    }

    func run() throws {
        let template: Template
        let bytes: [UInt8]
        do {
            bytes = try TemplateFile.bytes(file)
            template = try TemplateReader.read(bytes: bytes, file: file)
        } catch {
            printError(error.description)
            throw SynthFailure(message: "\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") in \(file)", exitCode: .invalid)
        }
        let text = try TemplateRenderer.render(template, format: format, form: longForm ? .long : .short)
        FileHandle.standardOutput.write(Data(text.utf8))
        // libyaml's parser does not report comments, so they cannot be kept: say so.
        let comments = TemplateReader.comments(in: bytes)
        if comments > 0 {
            printError("synth fmt: \(file): \(comments) comment\(comments == 1 ? "" : "s") dropped (libyaml's parser does not report comments)")
        }
    }
}
