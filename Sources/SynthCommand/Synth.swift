import ArgumentParser
import CloudFormation
import Foundation
import TemplateRendering

/// `synth`: the command-line front end over a catalog of stacks. Its
/// subcommands are swift-argument-parser's own, so `synth --help` lists them,
/// `synth help diff` explains one and `--generate-completion-script` covers
/// them all. A first word that names no subcommand goes to `synthesize`:
/// `synth`, `synth NAME` and `synth --output DIR` synthesize; a stack named
/// like a subcommand is selected with `synth synthesize NAME`.
public struct Synth<Catalog: StackCatalog>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "synth",
            abstract: "Write, compare, check and draw CloudFormation templates from the stacks defined in Swift.",
            discussion: """
                Exit status: 0 success, 1 a difference (--check, diff), 2 an invalid stack or \
                template, or bad usage (nothing is written then).
                """,
            subcommands: [
                SynthesizeCommand<Catalog>.self,
                DiffCommand<Catalog>.self,
                GraphCommand<Catalog>.self,
                FormatCommand.self,
                ValidateCommand.self,
                IdentifiersCommand<Catalog>.self,
                RulesCommand.self,
                InitCommand.self,
            ],
            defaultSubcommand: SynthesizeCommand<Catalog>.self
        )
    }

    public init() {}
}

extension TemplateFormat: NamedChoice {}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
